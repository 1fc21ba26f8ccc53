#!/usr/bin/env node
/**
 * The Vitest part of `npm test`: two runs, one after the other, in one private keyring session
 * (scripts/with-keyring.mjs), so every project of vitest.config.ts runs exactly once.
 *
 * 1. With V8 coverage and its thresholds (issue 9, section 9: `electron/core` and `shared` ≥ 85 %
 *    of lines, `renderer/src` ≥ 70 %): `node`, `node-timed`, `renderer` and `shell`, the projects
 *    that call our code in this process's workers.
 * 2. Without coverage: `e2e`, `e2e-timed` and `node-pg`. Their coverage added nothing that the
 *    first run does not already reach, and cost most of the coverage's time:
 *    - the end-to-end renderer runs as the built bundle in Chromium, where V8 coverage of this
 *      process does not reach; what they measured was the core behind the bridge, which the
 *      `node` project's own files already call;
 *    - `node-pg` is the `node` project's files again on a PostgreSQL server.
 *    Each of their files loads the whole core, whose coverage this process's main Vitest process
 *    then converts and merges, on the same two cores (docs/architecture.md, "Tests").
 *
 * Extra arguments go to both runs (`--reporter`, say). One file is run with `npx vitest run
 * <file>` (README), since a part of the suite misses the coverage thresholds. Where PostgreSQL is
 * not installed, node-pg is not a project (vitest.config.ts) and the second run has the others.
 * Exits with the first failing run's code after both have run, so one report shows every failure;
 * each failed run's failures are then printed again, at the very end (scripts/test-recap.mjs).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import process from 'node:process';
import { failureRecap } from './test-recap.mjs';

const root = resolve(import.meta.dirname, '..');
/** Vitest's own entry (its package's `bin`), so no PATH is needed to find it. */
const VITEST = resolve(root, 'node_modules/vitest/vitest.mjs');
const projects = (names) => names.flatMap((n) => ['--project', n]);
const RUNS = [
  ['--coverage', ...projects(['node', 'node-timed', 'renderer', 'shell'])],
  projects(['e2e', 'e2e-timed', 'node-pg']),
];

/**
 * Runs `vitest run` with `args`, its output passed through as it comes and kept, so that a
 * failure can be said again at the end. Resolves to the child's exit code (1 when it died from a
 * signal) and its output, as text.
 */
function vitest(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args, ...process.argv.slice(2)], {
      cwd: root,
      stdio: ['inherit', 'pipe', 'pipe'],
      // Piped, Vitest would drop its colours on a terminal.
      env: process.stdout.isTTY ? { FORCE_COLOR: '1', ...process.env } : process.env,
    });
    const kept = [];
    child.stdout.on('data', (chunk) => (process.stdout.write(chunk), kept.push(chunk)));
    child.stderr.on('data', (chunk) => (process.stderr.write(chunk), kept.push(chunk)));
    child.on('close', (code) => done({ code: code ?? 1, output: Buffer.concat(kept).toString() }));
  });
}

const results = [];
for (const args of RUNS) results.push(await vitest(args));
// The first run's failures scroll far out of sight behind the second run (CI shows a log's tail):
// each failed run's failures are said again, last.
results.forEach(({ code, output }, i) => {
  if (code !== 0)
    process.stdout.write(failureRecap(`run ${i + 1} of ${RUNS.length}`, code, output));
});
process.exit(results.find(({ code }) => code !== 0)?.code ?? 0);
