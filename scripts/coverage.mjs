#!/usr/bin/env node
/**
 * `npm run coverage` (issue 9, section 9): the node and renderer test projects under
 * @vitest/coverage-v8, through the private keyring like `npm test`, then the per-folder table
 * (scripts/coverage-table.mjs). Exits with vitest's code, so a threshold that is not met (see
 * `coverage.thresholds` in vitest.config.ts) fails the run after the table is printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
// Run outside npm too: vitest is found in node_modules/.bin.
const env = {
  ...process.env,
  PATH: [resolve(root, 'node_modules/.bin'), process.env.PATH].join(delimiter),
};
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
const tests = run([
  'scripts/with-keyring.mjs',
  'vitest',
  'run',
  '--coverage',
  '--project',
  'node',
  '--project',
  'node-timed',
  '--project',
  'renderer',
  ...process.argv.slice(2),
]);
if (existsSync(resolve(root, 'coverage/coverage-summary.json')))
  run(['scripts/coverage-table.mjs']);
process.exit(tests.status ?? 1);
