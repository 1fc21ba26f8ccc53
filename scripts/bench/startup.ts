/**
 * Start-up and full-check measurements (D10, D5):
 *
 * - `coldStartups`: createCore on a file dropped from the OS page cache first, as after a reboot.
 *   The file, its WAL and shared-memory file are dropped with GNU dd's `iflag=nocache count=0`
 *   ("drop cache for the whole file", coreutils ≥ 8.11, which calls posix_fadvise DONTNEED); no
 *   root needed. On a system without GNU dd the drop is skipped and said so.
 * - `fullCheck`: `Core.checkIntegrity()` (integrity_check and the whole audit chain in a worker
 *   thread), with the main event loop watched meanwhile: the till must keep answering.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openCore } from './databases';
import { watchEventLoop, type LoopStalls } from './stats';

/** Drops the database's files from the OS page cache; false when dd could not do it. */
export function dropFromOsCache(path: string): boolean {
  let ok = true;
  for (const f of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(f)) continue;
    const r = spawnSync('dd', [`if=${f}`, 'iflag=nocache', 'count=0', 'status=none']);
    ok &&= r.status === 0;
  }
  return ok;
}

/** `runs` cold start-ups (ms each: createCore until it resolves), each followed by a close. */
export async function coldStartups(
  path: string,
  runs: number,
): Promise<{ samples: number[]; dropped: boolean }> {
  const samples: number[] = [];
  let dropped = true;
  for (let i = 0; i < runs; i++) {
    dropped &&= dropFromOsCache(path);
    const { core, startMs } = await openCore(path);
    samples.push(startMs);
    await core.close();
  }
  return { samples, dropped };
}

/**
 * One full integrity check through the core, timed, with the event loop watched meanwhile; then
 * the loop watched as long again (at most 20 s) with nothing running, as the machine's own noise.
 */
export async function fullCheck(path: string): Promise<{
  ms: number;
  ok: boolean;
  integrity: string;
  loop: LoopStalls;
  idleLoop: LoopStalls;
}> {
  const { core } = await openCore(path);
  const loop = watchEventLoop();
  const t0 = performance.now();
  const result = await core.checkIntegrity();
  const ms = performance.now() - t0;
  const stalls = loop.stop();
  await core.close();
  const idle = watchEventLoop();
  await new Promise((r) => setTimeout(r, Math.min(ms, 20_000)));
  return { ms, ok: result.ok, integrity: result.integrity, loop: stalls, idleLoop: idle.stop() };
}
