/**
 * The shift-close row of `npm run bench` (issue 10, section 1): on a copy of the seeded database,
 * `runs` shifts of `salesPerShift` sales each are rung up through the core (card and cash), and
 * each shift's close (blind count → Z report in one IMMEDIATE transaction) is timed through
 * `core.invoke`, as the Electron shell calls it. Target: p95 ≤ 200 ms.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core';
import {
  ADMIN_CALLER,
  BENCH_ADMIN,
  benchSettings,
  openCore,
  sellableProducts,
  signIn,
} from './databases';
import { summarize, timed, watchEventLoop, type LoopStalls } from './stats';

export interface ShiftCloseResult {
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  loop: LoopStalls;
  salesPerShift: number;
}

async function must<T = unknown>(core: Core, channel: string, input: unknown): Promise<T> {
  const r = await core.invoke(channel, input, ADMIN_CALLER);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

export async function benchShiftClose(
  path: string,
  runs: number,
  salesPerShift: number,
  log: (m: string) => void,
): Promise<ShiftCloseResult> {
  const { core } = await openCore(path);
  try {
    await signIn(core);
    await benchSettings(core);
    const raw = new Database(path, { readonly: true });
    const products = sellableProducts(raw).slice(0, 50);
    raw.close();
    const samples: number[] = [];
    let loop: LoopStalls = { histogramMaxMs: 0, probeMaxMs: 0, maxMs: 0 };
    for (let run = 0; run < runs; run++) {
      const current = await must<{ id: number } | null>(core, 'shifts:current', {});
      if (current) await closeShift(core, current.id);
      const shift = await must<{ id: number }>(core, 'shifts:open', { floatCount: [] });
      log(`shift close: shift ${run + 1}/${runs}, ringing up ${salesPerShift} sales …`);
      for (let i = 0; i < salesPerShift; i++) {
        const p = products[i % products.length]!;
        const quantity = 1 + (i % 3);
        await must(core, 'sales:checkout', {
          id: randomUUID(),
          lines: [{ productId: p.id, quantity }],
          tenders: [{ type: i % 2 ? 'card' : 'cash', amount: p.price * quantity }],
        });
      }
      await must(core, 'auth:reauthenticate', { password: BENCH_ADMIN.password });
      const watch = watchEventLoop();
      samples.push(await timed(() => closeShift(core, shift.id)));
      // The close answers in microtasks: let the probes' timers fire once before reading them,
      // or a stall right at the end would go unseen.
      await new Promise((r) => setTimeout(r, 5));
      const l = watch.stop();
      if (l.maxMs > loop.maxMs) loop = l;
    }
    return { ...summarize(samples), loop, salesPerShift };
  } finally {
    await core.close();
  }
}

function closeShift(core: Core, shiftId: number) {
  return must(core, 'shifts:close', {
    shiftId,
    countedCash: [],
    countedOther: [],
    note: 'bench: nothing counted',
  });
}
