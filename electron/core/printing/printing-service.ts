/**
 * Printing (issue 10, section 2): this till's printers, its persistent queue and its cash drawer
 * (each till its own on a store server, issue 12). Receipts are
 * built from the same receipt model the screen renders (shared/receipt/receipt-model.ts), laid out
 * for the printer's paper and encoded as ESC/POS (or plain text for driver printers), then queued.
 * Queuing happens AFTER a sale's transaction has committed and never throws back into the sale:
 * printing can neither block nor undo a sale.
 */
import type { PrintJob, PrintStatus, Printer, SaleDetail } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { opensDrawer, receiptModel } from '../../../shared/receipt/receipt-model';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { SaleQueries } from '../sales/sale-queries';
import type { SettingsService } from '../settings/settings-service';
import type { Clock, Logger } from '../types';
import type { DriverPrintPort } from './connections/driver-port';
import { sendToPrinter, type QueueOptions } from './connections/send';
import { columnsFor, drawerPulse, escpos } from './escpos';
import { layoutReceipt } from './layout-receipt';
import { layoutReport, type ReportDocument } from './layout-report';
import { asText, centred, columns, type PrintLine } from './print-lines';
import {
  countWaiting,
  insertJob,
  retryNow,
  waitingJobs,
  type DueJob,
  type NewJob,
} from './print-jobs';
import {
  deletePrinter,
  findPrinter,
  listPrinters,
  receiptPrinter,
  savePrinter,
  type PrinterInput,
} from './printer-store';
import { printWords } from './print-words';
import { PrintWorker } from './print-worker';

export interface PrintingDeps {
  db: Database;
  audit: AuditLog;
  clock: Clock;
  settings: SettingsService;
  queries: SaleQueries;
  /** This till (`tills.id`): its printers, jobs and drawer are the ones used here. */
  tillId: number;
  logger: Logger;
  /** The driver printing port (electron/main); null in plain Node. */
  driver: DriverPrintPort | null;
  /** The worker's poll for due retries (ms). */
  pollMs?: number;
  /** Network printers' connect/write timeout (ms). */
  timeoutMs?: number;
  /** How OS print queues are reached (lp, or the Windows spooler); tests set the platform. */
  queue?: QueueOptions;
}

export class PrintingService {
  private readonly worker: PrintWorker;
  /** Settles once every receipt asked for so far is queued (see inOrder). */
  private queuing: Promise<void> = Promise.resolve();

  constructor(private readonly d: PrintingDeps) {
    this.worker = new PrintWorker(
      d.db,
      d.tillId,
      d.clock,
      (job) => this.send(job),
      d.logger,
      d.pollMs,
    );
  }

  /** This till's printers, its default (receipt) printer first. */
  printers(): Promise<Printer[]> {
    return listPrinters(this.d.db.manager, this.d.tillId);
  }

  /** This till's receipt printer (its default, else its first); null when it has none. */
  receiptPrinter(): Promise<Printer | null> {
    return receiptPrinter(this.d.db.manager, this.d.tillId);
  }

  /** Adds a printer to this till, or changes one of its printers (printer-store.ts); audited. */
  savePrinter(actor: Session, input: PrinterInput): Promise<Printer> {
    return this.d.db.write((em) =>
      savePrinter(em, this.d.audit, this.d.clock, actor, this.d.tillId, input),
    );
  }

  /** Removes one of this till's printers and its jobs; audited. NOT_FOUND for another's. */
  async deletePrinter(actor: Session, id: number): Promise<void> {
    await this.d.db.write((em) => deletePrinter(em, this.d.audit, actor, this.d.tillId, id));
  }

  /** Starts the queue's worker (createCore, when the database is open). */
  start(): void {
    this.worker.start();
  }

  /**
   * Queues every receipt asked for so far (`saleCompleted` is not awaited by the sale), then
   * stops the worker after the job being sent. The core closes the database after this, so a
   * till closed the moment a sale is answered still has that sale's receipt and drawer kick in
   * its queue, sent at the next start.
   */
  async stop(): Promise<void> {
    await this.queuing;
    await this.worker.stop();
  }

  /**
   * A sale or refund has committed: queue its receipt on the receipt printer when it prints
   * automatically, with the drawer kick when cash moved (cash sales and cash refunds, never a
   * card-only sale); without automatic printing, a cash sale still opens the drawer. Never throws
   * and is not awaited by the sale: a failure is logged and the sale stands.
   */
  saleCompleted(sale: SaleDetail): void {
    this.inOrder(() => this.queueSale(sale)).catch((e: unknown) =>
      this.d.logger.error('could not queue the receipt', { sale: sale.id, error: String(e) }),
    );
  }

  private async queueSale(sale: SaleDetail): Promise<void> {
    const printer = await this.receiptPrinter();
    if (!printer) return;
    const kick = printer.cashDrawer && printer.connection.type !== 'driver' && opensDrawer(sale);
    if (printer.autoPrint) await this.queueReceipt(printer, sale, { copy: false, kick });
    else if (kick)
      await this.enqueue(printer, {
        kind: 'drawer',
        saleId: sale.id,
        label: 'drawer',
        format: 'escpos',
        payload: drawerPulse(),
      });
  }

  /**
   * Opens the cash drawer through the receipt printer (ESC p), e.g. for a no-sale (`reason` is
   * the job's label). Null when no printer with a drawer is set up. The caller audits the reason.
   */
  async kickDrawer(reason: string): Promise<PrintJob | null> {
    const printer = await this.receiptPrinter();
    if (!printer?.cashDrawer || printer.connection.type === 'driver') return null;
    return this.enqueue(printer, {
      kind: 'drawer',
      saleId: null,
      label: reason,
      format: 'escpos',
      payload: drawerPulse(),
    });
  }

  /**
   * "Print a copy": the receipt again, marked COPY, with no drawer kick. A7 applies as for
   * sales:get. PRINTER_NOT_CONFIGURED when no printer is set up. Audited.
   */
  async reprint(actor: Session, saleId: number): Promise<PrintJob> {
    const sale = await this.d.queries.get(saleId, actor);
    const printer = await this.requirePrinter();
    const job = await this.inOrder(() =>
      this.queueReceipt(printer, sale, { copy: true, kick: false }),
    );
    await this.d.db.write((em) =>
      this.d.audit.record(em, {
        action: 'printing.reprint',
        outcome: 'success',
        actorId: actor.staff.id,
        actorName: actor.staff.username,
        targetType: 'sale',
        targetId: sale.id,
        detail: `copy of receipt ${sale.tillName}-${sale.receiptNo} on ${printer.name}`,
      }),
    );
    return job;
  }

  /** Queues a report (X or Z) on the receipt printer. PRINTER_NOT_CONFIGURED when none. */
  async printReport(doc: ReportDocument): Promise<PrintJob> {
    const printer = await this.requirePrinter();
    const lines = layoutReport(doc, columnsFor(printer.paperWidth), this.d.settings.locale());
    return this.enqueue(printer, {
      kind: 'report',
      saleId: null,
      label: doc.title,
      ...this.encode(printer, lines, false),
    });
  }

  /**
   * A test page: the receipt's logo and header, the printer's settings, a character set sample,
   * the receipt's footer and a cut, so the admin sees what receipts will look like. NOT_FOUND.
   */
  async testPage(printerId: number): Promise<PrintJob> {
    const printer = await findPrinter(this.d.db.manager, this.d.tillId, printerId);
    const width = columnsFor(printer.paperWidth);
    const words = printWords(this.d.settings.locale());
    const lines: PrintLine[] = [
      ...textLines(printer.receiptHeader).flatMap((l) => centred(l, width)),
      ...centred(`Kassa · ${words.testPage}`, width, true),
      ...centred(printer.name, width),
      { kind: 'rule' },
      ...columns('Paper', `${printer.paperWidth} / ${width}`, width),
      ...columns('Character set', printer.codepage, width),
      ...centred('Café Zürich £ €', width),
      { kind: 'rule' },
      ...centred('1234567890'.repeat(5).slice(0, width), width),
      ...textLines(printer.receiptFooter).flatMap((l) => centred(l, width)),
    ];
    return this.enqueue(printer, {
      kind: 'test',
      saleId: null,
      label: words.testPage,
      ...this.encode(printer, lines, false, true),
    });
  }

  async status(): Promise<PrintStatus> {
    const em = this.d.db.manager;
    const configured = (await receiptPrinter(em, this.d.tillId)) !== null;
    const [jobs, waiting] = await Promise.all([
      waitingJobs(em, this.d.tillId),
      countWaiting(em, this.d.tillId),
    ]);
    return {
      configured,
      waiting,
      error: jobs.find((j) => j.status === 'failed')?.error ?? null,
      jobs,
    };
  }

  async retry(id: number): Promise<PrintJob> {
    const job = await this.d.db.write((em) =>
      retryNow(em, this.d.tillId, id, this.d.clock.now().toISOString()),
    );
    this.worker.notify();
    return job;
  }

  private async requirePrinter(): Promise<Printer> {
    const printer = await this.receiptPrinter();
    if (!printer)
      throw new AppError('PRINTER_NOT_CONFIGURED', 'No receipt printer is set up on this till.');
    return printer;
  }

  /**
   * Runs `queue` once every receipt asked for before it is queued, so receipts take their job
   * ids, and print, in the order they were asked for: a sale's receipt is queued after its commit
   * while the sale is answered, and a copy asked for at once must not print before it (or sale 2's
   * receipt before sale 1's). Inside a write it runs at once: waiting there on a receipt that
   * needs the write to queue would never end.
   */
  private inOrder<T>(queue: () => Promise<T>): Promise<T> {
    if (this.d.db.inWrite) return queue();
    const run = this.queuing.then(queue);
    this.queuing = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private queueReceipt(
    printer: Printer,
    sale: SaleDetail,
    o: { copy: boolean; kick: boolean },
  ): Promise<PrintJob> {
    const locale = this.d.settings.locale();
    const model = receiptModel(sale, this.d.settings.get(), { copy: o.copy });
    const lines = layoutReceipt(model, {
      width: columnsFor(printer.paperWidth),
      locale,
      timeZone: this.d.settings.timeZone(),
      words: printWords(locale),
      header: textLines(printer.receiptHeader),
      footer: textLines(printer.receiptFooter),
    });
    return this.enqueue(printer, {
      kind: o.copy ? 'copy' : 'receipt',
      saleId: sale.id,
      label: `${sale.tillName} #${sale.receiptNo}`,
      ...this.encode(printer, lines, o.kick, true),
    });
  }

  /**
   * ESC/POS for ESC/POS printers, with the printer's logo on top when `withLogo`; plain text for
   * driver printers (no logo, no cut, no drawer).
   */
  private encode(
    printer: Printer,
    lines: PrintLine[],
    kick: boolean,
    withLogo = false,
  ): Pick<NewJob, 'format' | 'payload'> {
    if (printer.connection.type === 'driver')
      return {
        format: 'text',
        payload: new TextEncoder().encode(asText(lines, columnsFor(printer.paperWidth))),
      };
    return {
      format: 'escpos',
      payload: escpos(lines, {
        paperWidth: printer.paperWidth,
        codepage: printer.codepage,
        kick,
        logo: withLogo ? printer.logo : null,
      }),
    };
  }

  private async enqueue(printer: Printer, job: Omit<NewJob, 'printerId'>): Promise<PrintJob> {
    const queued = await this.d.db.write((em) =>
      insertJob(em, { ...job, printerId: printer.id }, this.d.clock.now().toISOString()),
    );
    // Inside a caller's write (A8) the job is seen only once that commits: wake the worker then.
    this.d.db.afterCommit(() => this.worker.notify());
    return queued;
  }

  private async send(job: DueJob): Promise<void> {
    const printer = await findPrinter(this.d.db.manager, this.d.tillId, job.printerId);
    await sendToPrinter(printer.connection, job.payload, {
      driver: this.d.driver,
      jobName: job.label,
      ...(this.d.timeoutMs ? { timeoutMs: this.d.timeoutMs } : {}),
      ...(this.d.queue ? { queue: this.d.queue } : {}),
    });
  }
}

/** The lines of a stored header or footer ("\n" between lines; '' = none). */
function textLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}
