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
 * Exits with the first failing run's code after both have run, so one report shows every failure.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
/** Vitest's own entry (its package's `bin`), so no PATH is needed to find it. */
const VITEST = resolve(root, 'node_modules/vitest/vitest.mjs');
const projects = (names) => names.flatMap((n) => ['--project', n]);
const RUNS = [
  ['--coverage', ...projects(['node', 'node-timed', 'renderer', 'shell'])],
  projects(['e2e', 'e2e-timed', 'node-pg']),
];
/** Runs `vitest run` with `args`; the child's exit code (1 when it died from a signal). */
const vitest = (args) =>
  spawnSync(process.execPath, [VITEST, 'run', ...args, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  }).status ?? 1;

const codes = RUNS.map(vitest);
process.exit(codes.find((c) => c !== 0) ?? 0);
