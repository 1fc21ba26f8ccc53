#!/usr/bin/env node
/**
 * `npm run test:durability`: the durability promises at full strength (D2, D7, D8).
 * - the kill -9 loop with 100 kills (KASSA_DURABILITY_KILLS; `npm test` runs 25);
 * - a disk that fills up during a stream of sales (max_page_count, and a real tmpfs as root);
 * - a second process holding the write lock (a delay, then BUSY past the timeout).
 * Each prints what it saw: kills, acknowledged, present and lost.
 */
import { spawnSync } from 'node:child_process';

const kills = process.env.KASSA_DURABILITY_KILLS ?? '100';
const result = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--project',
    'node',
    '--project',
    'node-timed',
    'tests/core/crash-safety.test.ts',
    'tests/core/write-faults.test.ts',
  ],
  { stdio: 'inherit', env: { ...process.env, KASSA_DURABILITY_KILLS: kills } },
);
process.exit(result.status ?? 1);
