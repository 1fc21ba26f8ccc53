/**
 * Test projects:
 * - node: the core and services on real SQLite files. No module is mocked there, so files share
 *   one import of the core per worker (isolate: false): the import is most of a small file's time.
 * - shell: the shell (electron mocked per file), build config and shared code; isolated.
 * - node-timed: the node tests that measure time (event-loop stalls, timing medians, a held
 *   write lock, time-outs); they run alone, one file at a time, after the others, so a
 *   neighbour's load cannot make them fail. The kill -9 loop only gets slower under load and
 *   runs with the rest.
 * - renderer: React components with Testing Library in happy-dom.
 * - e2e: the built renderer in Debian's Chromium, window.api bridged to a real core.
 * - e2e-timed: the end-to-end files that type at scanner speed (0–5 ms a key) where the gaps
 *   between keys decide the outcome: alone, one file at a time, after the others, so a
 *   neighbour's load cannot stretch them.
 *
 * Vitest runs projects of one `sequence.groupOrder` as one queue with one worker count, project
 * by project. Group 0 (node, shell, renderer, e2e) runs two files at once: CI has 2 cores, and
 * Vitest's default (cores − 1) would run every file one after the other. Three at once made the
 * end-to-end files half as slow again each (load average 17) and time out. Group 1 (the timed
 * projects) runs one file at a time after it.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { findPostgres } from './scripts/bench/pg-server';

/** Node test files that measure time (see node-timed above). */
const TIMED = [
  'tests/core/passwords.test.ts',
  'tests/core/write-faults.test.ts',
  'tests/core/database.test.ts',
  'tests/core/online-retail-import.test.ts',
  'tests/core/sms-provider.test.ts',
  'tests/core/mail-settings.test.ts',
  'tests/core/password-reset.test.ts',
];
/**
 * End-to-end files whose outcome depends on the gaps between keys (see e2e-timed above): the
 * payment dialog tells a scanner from a person by them (scanner-burst.ts). Other files type at
 * scanner speed into the scan field, which takes keys at any speed, and run side by side.
 */
const E2E_TIMED = [
  'tests/e2e/busy-hour.test.ts',
  'tests/e2e/checkout-scanning.test.ts',
  // A scan on the receipt is told from a person's keys by their gaps (useStrayScanKeys.ts).
  'tests/e2e/first-scan.test.ts',
];
/**
 * Core test files that run on SQLite only (issue 12, section 4), each for a reason the other
 * engine cannot share. Every other core file runs twice: on SQLite files (`node`) and on a
 * PostgreSQL store server (`node-pg`, tests/helpers/test-engine.ts).
 */
const SQLITE_ONLY = [
  // Already on PostgreSQL: servers of their own, tills joining, copying and following each other.
  'tests/core/postgres*.test.ts',
  'tests/core/store-server-*.test.ts',
  // The SQLite file itself: kill -9 of a writer and the WAL's recovery, a damaged, missing or
  // replaced file, triggers dropped in the file, and backups of the file. On a server, the
  // outage, kill and full-check tests are postgres-outage, postgres-tills and postgres-core;
  // backups are the server's (docs/deployment.md), and the till's backup channels refuse there.
  'tests/core/crash-safety.test.ts',
  'tests/core/integrity.test.ts',
  'tests/core/tamper.test.ts',
  'tests/core/backups.test.ts',
  // Every channel with random input, and every channel for every role: the router refuses them
  // before any query, the same code on either engine, and their 2,100 cases take 150 s and 95 s
  // on a server, more than half the suite there. The audit rows a refusal writes are the same
  // code as every other audit row, which the rest of the suite writes on the server.
  'tests/core/fuzz.test.ts',
  'tests/core/channel-matrix.test.ts',
  // Memory and event-loop figures of a 20 MB import, and receipts and reports drawn as PDF in
  // Chromium: the same code over the same rows whichever engine stored them, and 70 s more.
  'tests/core/import-safety.test.ts',
  'tests/core/z-report-pdf.test.ts',
];
/**
 * The core suite's second run, on PostgreSQL, needs the server's binaries (Debian's
 * `postgresql`, as .ci/run installs). Without them it is left out, saying so, as the
 * store-server tests skip themselves.
 */
const ON_SERVER_TOO = findPostgres() !== null;
if (!ON_SERVER_TOO)
  console.warn('PostgreSQL is not installed: the core suite runs on SQLite only (no node-pg).');
/** Files run side by side in group 0 (every project but the timed ones). */
const PARALLEL_FILES = 2;
/** The core suite's settings, shared by its SQLite (`node`) and PostgreSQL (`node-pg`) runs. */
const CORE_TESTS = {
  globals: true,
  environment: 'node' as const,
  include: ['tests/core/**/*.test.ts'],
  setupFiles: ['reflect-metadata'],
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  maxWorkers: PARALLEL_FILES,
};
/**
 * `expect.poll` in the browser tests waits up to 10 s, not Vitest's 1 s: under CI's load a backup
 * made from Settings took longer than a second to show as done.
 */
const E2E_POLL = { timeout: 10_000 };
/** The timed projects' group: after group 0, one file at a time. */
const TIMED_GROUP = { groupOrder: 1 };

export default defineConfig({
  test: {
    globals: true,
    reporters: ['default'],
    // Only with --coverage: `npm test`'s first run (scripts/test.mjs) and `npm run coverage`.
    // Issue 9, section 9: line coverage of the core and shared code ≥ 85 %, the renderer ≥ 70 %.
    coverage: {
      provider: 'v8',
      include: ['electron/core/**/*.ts', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
      exclude: ['**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
      thresholds: {
        'electron/core/**': { lines: 85 },
        'shared/**': { lines: 85 },
        'renderer/src/**': { lines: 70 },
      },
    },
    projects: [
      { test: { ...CORE_TESTS, name: 'node', exclude: TIMED } },
      ...(ON_SERVER_TOO
        ? [
            {
              test: {
                ...CORE_TESTS,
                name: 'node-pg',
                exclude: [...TIMED, ...SQLITE_ONLY],
                env: { KASSA_TEST_ENGINE: 'postgres' },
              },
            },
          ]
        : []),
      {
        test: {
          name: 'shell',
          globals: true,
          environment: 'node',
          include: ['tests/{shell,build,shared}/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: PARALLEL_FILES,
        },
      },
      {
        test: {
          name: 'node-timed',
          globals: true,
          environment: 'node',
          include: TIMED,
          setupFiles: ['reflect-metadata'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: TIMED_GROUP,
          isolate: false,
          fileParallelism: false,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          globals: true,
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          // One DOM and one React/Mantine import per worker, not per file: half the project's
          // CPU. Every test starts from clean stores (renderApp → resetStores) and no file mocks
          // a module, so nothing carries over.
          isolate: false,
          // Whole screens (Settings, Reports) render in happy-dom.
          testTimeout: 60_000,
          maxWorkers: PARALLEL_FILES,
        },
      },
      {
        test: {
          name: 'e2e',
          globals: true,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: E2E_TIMED,
          setupFiles: ['reflect-metadata'],
          // The core and Playwright are imported once per worker; each file starts its own
          // harness (core, server, Chromium) and mocks nothing.
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          expect: { poll: E2E_POLL },
          pool: 'forks',
          maxWorkers: PARALLEL_FILES,
        },
      },
      {
        test: {
          name: 'e2e-timed',
          globals: true,
          environment: 'node',
          include: E2E_TIMED,
          setupFiles: ['reflect-metadata'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          expect: { poll: E2E_POLL },
          sequence: TIMED_GROUP,
          // Isolated: sharing a worker, busy-hour lost scans after checkout-scanning had run.
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
