/**
 * `exports:run`: the sales of a range of business days, streamed into a CSV file or an XLSX
 * workbook the person picked in the save dialog (issue 10, section 6).
 *
 * Streaming without stalling the till (F1): every statement reads one business day's count or
 * one page of PAGE_ROWS rows of a day (datasets.ts), and the export gives the event loop a turn
 * (setImmediate) after each, so other IPC calls, timers and sales run in between; the file
 * stream's back-pressure is awaited. Memory holds one page. Pages are read outside any
 * transaction, so a sale voided mid-export may show either way; sales are never deleted.
 *
 * A request that breaks a rule across its fields (exportRequestProblem: a range backwards or over
 * 366 days, a dataset twice, several datasets in one CSV) is VALIDATION_FAILED before anything
 * else: no dialog, no file, no audit row.
 *
 * The export is recorded in the audit log (`reports.export`, with the range, datasets, format and
 * rows), also when it was cancelled: taking the sales out of the till is worth a trace (PCI DSS
 * 10.2 spirit, as `audit.export`).
 */
import { basename } from 'node:path';
import {
  exportRequestProblem,
  type ExportDataset,
  type ExportRequest,
  type ExportResult,
} from '../../../shared/contract/exports';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { Caller } from '../types';
import { cellsOf } from './cells';
import { businessDayRange } from '../sales/local-day';
import { DATASETS, type DayRange } from './datasets';
import type { ExportJob } from './export-jobs';
import type { SaveDialog } from './save-path';
import { openSink, type ExportSink } from './sinks';

/** Sales read per statement (a few ms at 1M sales a year, ~2,700 sales a day). */
export const PAGE_ROWS = 200;

/** A business day (YYYY-MM-DD) of an export and its UTC instants [from, to). */
interface ExportDay {
  day: string;
  utc: DayRange;
}

/**
 * The business days from `from` to `to`, both included, each with its UTC range in `timeZone`
 * (local-day.ts businessDayRange). Worked out once per export, so the counting and the writing
 * pass read the same instants even if the store's time zone changes meanwhile.
 */
function exportDays(from: string, to: string, timeZone: string): ExportDay[] {
  const days: ExportDay[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const r = businessDayRange(day, timeZone);
    days.push({ day, utc: { from: r.from.toISOString(), to: r.to.toISOString() } });
  }
  return days;
}

/** One turn of the event loop. */
const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Thrown inside an export when its owner cancelled it. */
class Cancelled extends Error {}

export class ExportService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly saveDialog: SaveDialog,
    /** The store's time zone (IANA), for the UTC range of each business day. */
    private readonly timeZone: () => string,
  ) {}

  /** Runs `request` as `job` for `session` (see the module comment). */
  async run(
    session: Session,
    caller: Caller,
    request: ExportRequest,
    job: ExportJob,
  ): Promise<ExportResult> {
    const problem = exportRequestProblem(request);
    if (problem)
      throw new AppError('VALIDATION_FAILED', problem.message, [
        { path: problem.field, message: problem.message },
      ]);
    const titles = request.datasets.map((d) => DATASETS[d].title);
    const name = request.datasets.length === 1 ? titles[0] : 'accounts';
    const path = await this.saveDialog(
      {
        suggestedName: `kassa-${name}-${request.from}_${request.to}.${request.format}`,
        extension: request.format,
      },
      caller,
    );
    if (path === null || job.cancelled) return { outcome: 'cancelled' };
    const days = exportDays(request.from, request.to, this.timeZone());
    const sink = openSink(request.format, path);
    try {
      job.phase('counting');
      for (const d of request.datasets)
        for (const { day, utc } of days) {
          this.checkCancel(job);
          job.expect(await DATASETS[d].count(this.db.manager, day, utc));
          await yieldTurn();
        }
      job.phase('writing');
      const rows: { dataset: ExportDataset; rows: number }[] = [];
      for (const d of request.datasets)
        rows.push({ dataset: d, rows: await this.writeDataset(d, days, sink, job) });
      job.phase('finishing');
      const bytes = await sink.finish();
      await this.record(
        session,
        request,
        `${rows.map((r) => `${r.dataset} ${r.rows}`).join(', ')} rows`,
      );
      return { outcome: 'saved', fileName: basename(path), rows, bytes };
    } catch (e) {
      await sink.abort();
      if (!(e instanceof Cancelled)) throw e;
      await this.record(session, request, 'cancelled');
      return { outcome: 'cancelled' };
    }
  }

  private checkCancel(job: ExportJob): void {
    if (job.cancelled) throw new Cancelled();
  }

  /** Writes every page of dataset `d` over `days`; answers the rows written. */
  private async writeDataset(
    d: ExportDataset,
    days: readonly ExportDay[],
    sink: ExportSink,
    job: ExportJob,
  ): Promise<number> {
    const source = DATASETS[d];
    await sink.begin(source);
    let written = 0;
    for (const { day, utc } of days) {
      for (let after: number | null = 0; after !== null;) {
        this.checkCancel(job);
        const page = await source.page(this.db.manager, day, after, PAGE_ROWS, utc);
        // A turn between reading and writing too: each is synchronous work of its own.
        await yieldTurn();
        if (page.rows.length > 0) {
          await sink.write(page.rows.map((r) => cellsOf(source.columns, r)));
          written += page.rows.length;
          job.advance(page.rows.length);
        }
        after = page.next;
        await yieldTurn();
      }
    }
    return written;
  }

  private record(session: Session, request: ExportRequest, outcome: string): Promise<void> {
    return this.db.write((em) =>
      this.audit.record(em, {
        action: 'reports.export',
        outcome: 'success',
        actorId: session.staff.id,
        actorName: session.staff.username,
        detail: `${request.format} ${request.datasets.join('+')} ${request.from}..${request.to}: ${outcome}`,
      }),
    );
  }
}
