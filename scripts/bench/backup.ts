/**
 * The backup row (issue 10, section 5): `backups:run` on the big database, exactly as the shell
 * calls it, while a `backups:status` poll every 50 ms stands for the renderer asking meanwhile.
 * Measures the wall time, the backup's size and the largest event-loop stall
 * (the bench's target is ≤ 50 ms: the online copy, integrity_check, gzip and SHA-256 run in a
 * worker thread, electron/core/backups/backup-worker.ts). The backup folder beside the working
 * copy is removed afterwards.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ADMIN_CALLER, openCore, signIn } from './databases';
import { watchEventLoop, type LoopStalls } from './stats';

export interface BackupBench {
  /** Wall time of `backups:run`, ms. */
  ms: number;
  /** The compressed backup's size, bytes. */
  bytes: number;
  /** `backups:status` answers the poll got while the backup ran. */
  polls: number;
  loop: LoopStalls;
}

/** Runs one backup of the database at `path` (migrated and signed in first) and measures it. */
export async function benchBackup(path: string): Promise<BackupBench> {
  const { core } = await openCore(path);
  try {
    // As in export.ts: the bench admin has no authenticator, so no role requires 2FA here.
    const raw = new Database(path);
    raw.prepare('UPDATE roles SET require_totp = 0').run();
    raw.close();
    await signIn(core);
    let polls = 0;
    let done = false;
    const poll = async () => {
      while (!done) {
        await core.invoke('backups:status', {}, ADMIN_CALLER);
        polls++;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const watch = watchEventLoop();
    const t0 = performance.now();
    const polling = poll();
    const r = await core.invoke('backups:run', {}, ADMIN_CALLER);
    const ms = performance.now() - t0;
    done = true;
    const loop = watch.stop();
    await polling;
    if (!r.ok) throw new Error(`backups:run: ${r.error.code} ${r.error.message}`);
    const run = r.data as { ok: boolean; bytes: number | null; errorCode: string | null };
    if (!run.ok || run.bytes === null) throw new Error(`backups:run failed: ${run.errorCode}`);
    return { ms, bytes: run.bytes, polls, loop };
  } finally {
    await core.close();
    rmSync(join(dirname(path), 'backups'), { recursive: true, force: true });
  }
}
