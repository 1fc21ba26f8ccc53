/**
 * CPU time read from Linux's /proc (proc(5)), for the store-server rows of `npm run bench --
 * --postgres` (issue 12, section 5: "say what limits the rate … with the evidence"):
 * - the whole machine's busy and I/O-wait time (/proc/stat);
 * - a PostgreSQL server's own CPU time: its postmaster and every process it started (sessions,
 *   WAL writer, checkpointer, autovacuum), the ones still running and the ones that have exited,
 *   which the kernel adds to the postmaster's "children" fields once it has reaped them.
 * Figures are in ms (clock ticks converted with `getconf CLK_TCK`).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Milliseconds per clock tick of /proc's counters. */
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

/** The machine's CPU time so far, ms: busy (user, nice, system, irq, softirq, steal), I/O wait, all. */
export function machineCpuMs(): { busy: number; ioWait: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f.map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return {
    busy: busy * TICK_MS,
    ioWait: iowait! * TICK_MS,
    total: (busy + idle! + iowait!) * TICK_MS,
  };
}

/** Fields of /proc/<pid>/stat after the command name (field 3 onwards), or null once it is gone. */
function statFields(pid: number): string[] | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) of process `pid`, of its children that have exited and been
 * reaped (cutime + cstime), and of its children still running. One level deep: PostgreSQL's
 * processes are all children of the postmaster. A child reaped while the children are read would
 * be in neither sum (or in both), so the parent is read before and after them, and the whole read
 * again until its reaped children's time did not change meanwhile.
 */
export function processTreeCpuMs(pid: number): number {
  for (;;) {
    const before = statFields(pid);
    if (!before) return 0;
    // proc(5): utime, stime, cutime, cstime are fields 14–17, i.e. 11–14 here (field 3 is index 0).
    const reaped = Number(before[13]) + Number(before[14]);
    let ticks = Number(before[11]) + Number(before[12]) + reaped;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const f = statFields(Number(entry));
      // Field 4, the parent's pid, is index 1.
      if (f && Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
    }
    const after = statFields(pid);
    if (!after) return 0;
    if (Number(after[13]) + Number(after[14]) === reaped) return ticks * TICK_MS;
  }
}
