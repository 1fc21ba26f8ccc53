/**
 * The zod-free channel list used by the preload (shared/contract/channel-names.ts) is generated
 * from the contract by `npm run docs:ipc` (scripts/channel-names.ts), and stays equal to it (E2, E5).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels } from '../../shared/contract';
import { CHANNEL_NAMES as ZOD_FREE_NAMES } from '../../shared/contract/channel-names';
import { renderChannelNames } from '../../scripts/channel-names';

const source = readFileSync(
  new URL('../../shared/contract/channel-names.ts', import.meta.url),
  'utf8',
).replace(/\r\n/g, '\n');

describe('shared/contract/channel-names.ts', () => {
  it('equals the text generated from shared/contract', () => {
    expect(
      source,
      'shared/contract/channel-names.ts is out of date: run `npm run docs:ipc` and commit it',
    ).toBe(renderChannelNames());
  });

  it('equals Object.keys(channels), in the same order', () => {
    expect([...ZOD_FREE_NAMES]).toEqual(Object.keys(channels));
    expect([...ZOD_FREE_NAMES]).toEqual(CHANNEL_NAMES);
  });

  it('has no duplicates', () => {
    expect(new Set(ZOD_FREE_NAMES).size).toBe(ZOD_FREE_NAMES.length);
  });

  it('imports nothing at run time (only types), so the preload bundle has no zod', () => {
    expect(source).not.toMatch(/^import (?!type )/m);
    expect(source).not.toMatch(/require\(/);
  });
});
