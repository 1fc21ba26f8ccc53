/**
 * The analytics rows of `npm run bench` (issue 11, section 4): on the seeded database, the reports
 * over the last year of its business days, each timed through `core.invoke` as the Electron shell
 * calls it (signed in as the admin, who holds reports.view). The dashboard is its key figures,
 * the monthly trend and the weekday × hour heatmap, called one after the other. Target for each:
 * p95 ≤ 150 ms at 1,000,000 sales.
 */
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { Core } from '../../electron/core';
import { ADMIN_CALLER, openCore, signIn } from './databases';
import { summarize, timed, watchEventLoop, yieldToLoop, type LoopStalls } from './stats';

export interface AnalyticsResult {
  name: string;
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  loop: LoopStalls;
}

async function must(core: Core, channel: string, input: unknown): Promise<void> {
  const r = await core.invoke(channel, input, ADMIN_CALLER);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
}

/** Times `runs` calls of each report (after 3 warm-up calls) over the file's last 365 days. */
export async function benchAnalytics(
  path: string,
  runs: number,
  log: (m: string) => void,
): Promise<AnalyticsResult[]> {
  const db = new Database(path, { readonly: true });
  const last = (db.prepare('SELECT MAX(business_date) AS d FROM sales').get() as { d: string }).d;
  db.close();
  const range = {
    from: DateTime.fromISO(last, { zone: 'utc' }).minus({ days: 364 }).toISODate()!,
    to: last,
  };
  const { core } = await openCore(path);
  await signIn(core);
  const scenarios: Array<[string, Array<[string, unknown]>]> = [
    [
      'dashboard (key figures, monthly trend, heatmap)',
      [
        ['analytics:keyFigures', range],
        ['analytics:trend', { ...range, grain: 'month' }],
        ['analytics:heatmap', range],
      ],
    ],
    ['top products', [['analytics:topProducts', range]]],
    ['staff performance', [['analytics:staffPerformance', range]]],
    ['tax report', [['analytics:taxReport', range]]],
  ];
  const out: AnalyticsResult[] = [];
  try {
    for (const [name, calls] of scenarios) {
      log(`analytics: ${name} over ${range.from}..${range.to}, ${runs} runs …`);
      const op = async () => {
        for (const [channel, input] of calls) await must(core, channel, input);
      };
      for (let i = 0; i < 3; i++) await op();
      const samples: number[] = [];
      const loop = watchEventLoop();
      for (let i = 0; i < runs; i++) {
        samples.push(await timed(op));
        await yieldToLoop();
      }
      out.push({ name: `${name}, one year`, ...summarize(samples), loop: loop.stop() });
    }
  } finally {
    await core.close();
  }
  return out;
}
