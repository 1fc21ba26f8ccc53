/**
 * The fuzz's seed and sizes (F4). The seed is random unless `FUZZ_SEED` gives one; every failure
 * message ends with the command that replays it. Each channel draws from its own seed, derived
 * from the run's seed and the channel's name, so adding a channel does not change the others' cases.
 *
 * Sizes: in CI (`CI` set) at least 1,000 oracle cases per channel; fewer locally. Each size can be
 * set with an environment variable for a deeper run.
 */

function parseSeed(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got ${s}`);
  return n | 0;
}

export const FUZZ_SEED = parseSeed(process.env.FUZZ_SEED) ?? (Math.random() * 2 ** 31) | 0;
export const REPLAY = `FUZZ_SEED=${FUZZ_SEED} npx vitest run tests/core/fuzz.test.ts`;
export const IN_CI = Boolean(process.env.CI);

/** The seed of one property: the run's seed mixed with an FNV-1a hash of `name`. */
export function seedFor(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h ^ FUZZ_SEED) | 0;
}

function size(env: string, ci: number, local: number): number {
  const v = process.env[env];
  return v ? Number(v) : IN_CI ? ci : local;
}

/** Random payloads per channel whose schema verdict is compared with the oracle's. */
export const ORACLE_RUNS = size('KASSA_FUZZ_ORACLE_RUNS', 1000, 200);
/** Adversarial payloads per channel sent through the router (F1). */
export const ROUTER_RUNS = size('KASSA_FUZZ_RUNS', 60, 60);
/** Valid payloads per channel sent to its handler in the throwaway core. */
export const STREAM_RUNS = size('KASSA_FUZZ_STREAM_RUNS', 50, 15);
/** The same for channels that hash a password (bcrypt, ~0.3 s a call). */
export const SLOW_STREAM_RUNS = size('KASSA_FUZZ_SLOW_RUNS', 3, 1);
