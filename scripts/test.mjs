#!/usr/bin/env node
/**
 * The Vitest part of `npm test`: three steps, one after the other, in one private keyring session
 * (scripts/with-keyring.mjs), so every project of vitest.config.ts runs exactly once.
 *
 * 1. With V8 coverage and its thresholds (issue 9, section 9: `electron/core` and `shared` ≥ 85 %
 *    of lines, `renderer/src` ≥ 70 %): `node`, `node-timed`, `renderer` and `shell`, the projects
 *    that call our code in this process's workers.
 * 2. Without coverage: `e2e`. Steps 2 and 3 add nothing to the coverage that step 1 does not
 *    already reach, and their coverage cost most of the coverage's time:
 *    - the end-to-end renderer runs as the built bundle in Chromium, where V8 coverage of this
 *      process does not reach; what they measured was the core behind the bridge, which the
 *      `node` files call themselves;
 *    - `node-pg` is the `node` project's files again on a PostgreSQL server.
 *    Each of their files loads the whole core, whose coverage this process's main Vitest process
 *    then converts and merges, on the same two cores (docs/architecture.md, "Tests").
 * 3. Without coverage, two runs at once: `e2e-timed`, and `node-pg` at the lowest CPU priority
 *    (`nice -n 19`, which the PostgreSQL servers its workers start inherit). The timed files run
 *    one at a time so that no neighbour stretches the gaps between their keys, and they keep a
 *    core busy about half the time (44 CPU-s in 95 s, alone); at nice 19 the server suite takes
 *    only the CPU they leave, instead of that CPU standing idle for the minute and a half they
 *    take. Once they are done, `node-pg` has the machine to itself.
 *
 * Extra arguments go to every run (`--reporter`, say). One file is run with `npx vitest run
 * <file>` (README), since a part of the suite misses the coverage thresholds. Where PostgreSQL is
 * not installed, node-pg has no files (vitest.config.ts), so its run passes with none.
 * Exits with the first failing run's code after every run has run, so one report shows every
 * failure.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
/** Vitest's own entry (its package's `bin`), so no PATH is needed to find it. */
const VITEST = resolve(root, 'node_modules/vitest/vitest.mjs');
const projects = (names) => names.flatMap((n) => ['--project', n]);
/** The steps, in order; the runs of one step at once. `low`: at the lowest CPU priority. */
const STEPS = [
  [{ args: ['--coverage', ...projects(['node', 'node-timed', 'renderer', 'shell'])] }],
  [{ args: projects(['e2e']) }],
  [
    { args: projects(['e2e-timed']) },
    { args: [...projects(['node-pg']), '--passWithNoTests'], low: true },
  ],
];

/** Runs `vitest run` with `args`; resolves to its exit code (1 when it died from a signal). */
function vitest({ args, low = false }) {
  const command = [process.execPath, VITEST, 'run', ...args, ...process.argv.slice(2)];
  const [file, ...rest] = low ? ['nice', '-n', '19', ...command] : command;
  return new Promise((done) => {
    const child = spawn(file, rest, { cwd: root, stdio: 'inherit' });
    child.on('error', () => done(1));
    child.on('exit', (code) => done(code ?? 1));
  });
}

const codes = [];
for (const step of STEPS) codes.push(...(await Promise.all(step.map(vitest))));
process.exit(codes.find((c) => c !== 0) ?? 0);
