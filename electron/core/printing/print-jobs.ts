/**
 * The persistent print queue (table `print_jobs`, migration 1790000008200). A job holds the bytes
 * as they go to the printer, so it prints the same after a restart. A till sees, sends, retries and
 * requeues only the jobs of its own printers (`ownPrinters`): on a store server another till's
 * job waits for that till, whose printer this one may not reach. Status: queued → printing →
 * printed, or failed with the error text, the attempts so far and when the worker tries again
 * (exponential backoff from 5 s, at most 5 min; after MAX_AUTO_ATTEMPTS it waits for a manual
 * retry). All times UTC.
 */
import type { EntityManager } from 'typeorm';
import type { PrintJob, PrintJobKind } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { run } from '../db/sql';
import { ownPrinters } from './printer-store';

/** Automatic tries before a job waits for "Retry" on the till. */
export const MAX_AUTO_ATTEMPTS = 12;

/** The wait before try number `attempts + 1`: 5 s, 10 s, 20 s ... capped at 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 300_000);
}

export type PayloadFormat = 'escpos' | 'text';

interface JobRow {
  id: number;
  printer_id: number;
  kind: string;
  sale_id: number | null;
  label: string;
  status: string;
  attempts: number;
  error: string | null;
  created_at: string;
  next_retry_at: string | null;
}

const COLUMNS =
  'id, printer_id, kind, sale_id, label, status, attempts, error, created_at, next_retry_at';

function toJob(r: JobRow): PrintJob {
  return {
    id: Number(r.id),
    printerId: Number(r.printer_id),
    kind: r.kind as PrintJobKind,
    saleId: r.sale_id === null ? null : Number(r.sale_id),
    label: r.label,
    status: r.status as PrintJob['status'],
    attempts: Number(r.attempts),
    error: r.error,
    createdAt: r.created_at,
    nextRetryAt: r.next_retry_at,
  };
}

export interface NewJob {
  printerId: number;
  kind: PrintJobKind;
  saleId: number | null;
  label: string;
  format: PayloadFormat;
  payload: Uint8Array;
}

export async function insertJob(em: EntityManager, job: NewJob, now: string): Promise<PrintJob> {
  const rows = await run<JobRow>(
    em,
    `INSERT INTO print_jobs (printer_id, kind, sale_id, label, format, payload, status, attempts,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) RETURNING ${COLUMNS}`,
    [
      job.printerId,
      job.kind,
      job.saleId,
      job.label.slice(0, 120),
      job.format,
      Buffer.from(job.payload),
      now,
      now,
    ],
  );
  return toJob(rows[0]!);
}

/**
 * The condition, with its parameters, that keeps a query of `print_jobs` to the jobs of till
 * `tillId`'s printers.
 */
function ownJobs(em: EntityManager, tillId: number): { where: string; params: number[] } {
  const own = ownPrinters(em, tillId);
  return {
    where: `printer_id IN (SELECT id FROM printers WHERE ${own.where})`,
    params: own.params,
  };
}

/** One of till `tillId`'s jobs; NOT_FOUND when it has none with `id` (another till's too). */
export async function findJob(em: EntityManager, tillId: number, id: number): Promise<PrintJob> {
  const own = ownJobs(em, tillId);
  const rows = await run<JobRow>(
    em,
    `SELECT ${COLUMNS} FROM print_jobs WHERE id = ? AND ${own.where}`,
    [id, ...own.params],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', 'There is no such print job.');
  return toJob(rows[0]);
}

/** Till `tillId`'s jobs not printed yet, oldest first. */
export async function waitingJobs(
  em: EntityManager,
  tillId: number,
  limit = 50,
): Promise<PrintJob[]> {
  const own = ownJobs(em, tillId);
  const rows = await run<JobRow>(
    em,
    `SELECT ${COLUMNS} FROM print_jobs WHERE status <> 'printed' AND ${own.where}
      ORDER BY id LIMIT ?`,
    [...own.params, limit],
  );
  return rows.map(toJob);
}

/** How many of till `tillId`'s jobs are not printed yet. */
export async function countWaiting(em: EntityManager, tillId: number): Promise<number> {
  const own = ownJobs(em, tillId);
  const rows = await run<{ n: number }>(
    em,
    `SELECT COUNT(*) AS n FROM print_jobs WHERE status <> 'printed' AND ${own.where}`,
    own.params,
  );
  return Number(rows[0]?.n ?? 0);
}

export interface DueJob {
  id: number;
  printerId: number;
  /** What the job is ("Receipt #12"): the job's name in an OS print queue. */
  label: string;
  format: PayloadFormat;
  payload: Uint8Array;
}

/**
 * The id of till `tillId`'s next job to send: per printer, only its oldest unprinted job may go
 * (jobs print in order), and only when it is queued, or failed with its retry time passed (`now`,
 * UTC). A plain read, so the worker's idle polling never takes the write lock. Null when nothing
 * is due.
 */
export async function nextDueJobId(
  em: EntityManager,
  tillId: number,
  now: string,
): Promise<number | null> {
  const own = ownJobs(em, tillId);
  const rows = await run<{ id: number }>(
    em,
    `SELECT j.id FROM print_jobs j
      WHERE j.id IN (SELECT MIN(id) FROM print_jobs WHERE status <> 'printed' AND ${own.where}
                      GROUP BY printer_id)
        AND (j.status = 'queued' OR (j.status = 'failed' AND j.next_retry_at IS NOT NULL
             AND j.next_retry_at <= ?))
      ORDER BY j.id LIMIT 1`,
    [...own.params, now],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

/**
 * Takes job `id` for sending, in the caller's write transaction: marks it `printing` and counts
 * the attempt, unless another till's worker took it first (then null).
 */
export async function claimJob(em: EntityManager, id: number, now: string): Promise<DueJob | null> {
  const rows = await run<{
    id: number;
    printer_id: number;
    label: string;
    format: string;
    payload: Uint8Array;
  }>(
    em,
    `UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, updated_at = ?
      WHERE id = ? AND status IN ('queued', 'failed')
      RETURNING id, printer_id, label, format, payload`,
    [now, id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    printerId: Number(row.printer_id),
    label: String(row.label),
    format: row.format === 'text' ? 'text' : 'escpos',
    payload: new Uint8Array(row.payload),
  };
}

export async function markPrinted(em: EntityManager, id: number, now: string): Promise<void> {
  await run(
    em,
    "UPDATE print_jobs SET status = 'printed', error = NULL, next_retry_at = NULL, updated_at = ? WHERE id = ?",
    [now, id],
  );
}

/** Records a failed try and schedules the next one (none after MAX_AUTO_ATTEMPTS). */
export async function markFailed(
  em: EntityManager,
  id: number,
  error: string,
  now: Date,
): Promise<void> {
  const rows = await run<{ attempts: number }>(em, 'SELECT attempts FROM print_jobs WHERE id = ?', [
    id,
  ]);
  const attempts = Number(rows[0]?.attempts ?? 0);
  const next =
    attempts >= MAX_AUTO_ATTEMPTS
      ? null
      : new Date(now.getTime() + backoffMs(attempts)).toISOString();
  await run(
    em,
    "UPDATE print_jobs SET status = 'failed', error = ?, next_retry_at = ?, updated_at = ? WHERE id = ?",
    [error.slice(0, 500), next, now.toISOString(), id],
  );
}

/**
 * "Retry" on the till: one of till `tillId`'s failed jobs is due now. CONFLICT when the job is not
 * failed; NOT_FOUND when it is not one of the till's jobs.
 */
export async function retryNow(
  em: EntityManager,
  tillId: number,
  id: number,
  now: string,
): Promise<PrintJob> {
  const job = await findJob(em, tillId, id);
  if (job.status !== 'failed')
    throw new AppError('CONFLICT', 'Only a job that failed can be tried again.');
  await run(em, 'UPDATE print_jobs SET next_retry_at = ?, updated_at = ? WHERE id = ?', [
    now,
    now,
    id,
  ]);
  return findJob(em, tillId, id);
}

/**
 * Whether till `tillId` has a job left `printing` (a crash or a quit mid-send): a plain read, so a
 * till with nothing interrupted starts without taking the write lock.
 */
export async function hasInterrupted(em: EntityManager, tillId: number): Promise<boolean> {
  const own = ownJobs(em, tillId);
  const rows = await run<{ id: number }>(
    em,
    `SELECT id FROM print_jobs WHERE status = 'printing' AND ${own.where} LIMIT 1`,
    own.params,
  );
  return rows.length > 0;
}

/**
 * At start-up: till `tillId`'s jobs left `printing` by a crash or a quit mid-send go back to
 * `queued` and are sent again (a receipt printed twice beats a receipt lost). Another till's job
 * that it is sending right now is left alone. Returns how many.
 */
export async function requeueInterrupted(
  em: EntityManager,
  tillId: number,
  now: string,
): Promise<number> {
  const own = ownJobs(em, tillId);
  const rows = await run<{ id: number }>(
    em,
    `UPDATE print_jobs SET status = 'queued', updated_at = ? WHERE status = 'printing'
       AND ${own.where} RETURNING id`,
    [now, ...own.params],
  );
  return rows.length;
}
