/**
 * The till's integrity state and the background full check (D5, D9, D10, L2).
 *
 * - `safeModeReason`: why the till is in safe mode (a damaged, missing or emptied file, a missing
 *   trigger, a failed full check), shown by the renderer; null when it is not.
 * - `auditChain`: the audit chain's state from start-up and from the last full check. A broken
 *   chain does not stop the till; it is shown to admins (banner, audit screen) and stays broken:
 *   sealing stops, so the last good seal is kept as evidence and a restart does not hide it.
 * - `check()`: the full check (full-check.ts) in a worker thread. It runs after start-up, then
 *   daily, and is exported on the core for "before every backup". A file that fails
 *   `integrity_check` puts the till in safe mode.
 */
import type { AuditLog } from '../audit/audit-log';
import type { ChainReport, ChainState } from '../audit/chain-check';
import { sealMatches, type SealKey } from '../audit/chain-seal';
import type { Clock, Logger } from '../types';
import { runFullCheck, type RawFullCheck } from './full-check';

/** What `app:status` carries (shared/contract `integrityStatusSchema`). */
export interface IntegrityStatus {
  safeModeReason: string | null;
  auditChain: { state: ChainState; detail: string | null };
  /** The last full check: when it ended (UTC), whether it passed, what it found. */
  lastFullCheck: { at: string; ok: boolean; detail: string | null } | null;
}

/** The outcome of one full check. */
export interface FullCheckOutcome {
  ok: boolean;
  /** `ok` or integrity_check's messages (or why the file could not be read). */
  integrity: string;
  auditChain: ChainReport;
}

export interface IntegrityMonitorOptions {
  databasePath: string;
  nativeBinding?: string;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  /** Puts the core in safe mode (the router then refuses every channel but app:status). */
  onSafeMode: () => void;
  /** Told once when the chain is first found broken, to remember it outside the database. */
  onChainBroken: (detail: string) => void;
  /**
   * Reads what the full check judges; defaults to the SQLite worker on `databasePath`. A store
   * server passes its own (server-check.ts). Rejects when nothing could be read.
   */
  read?: (signal: AbortSignal) => Promise<RawFullCheck>;
}

export const DAY_MS = 86_400_000;

/** Compares the worker's reading of the chain with the seal (checked with `key` when there is one). */
export function judgeChain(raw: RawFullCheck, key: SealKey | null): ChainReport {
  const broken = (detail: string, brokenAtId: number | null): ChainReport => ({
    state: 'broken',
    detail,
    brokenAtId,
    rowsChecked: raw.rows,
  });
  if (raw.brokenAtId !== null)
    return broken(`The audit log was altered at event ${raw.brokenAtId}.`, raw.brokenAtId);
  const s = raw.seal;
  if (s) {
    const seal = {
      lastId: s.last_id,
      lastHash: s.last_hash,
      rowCount: Number(s.row_count),
      keyId: s.key_id,
      mac: s.mac,
      sealedAt: '',
    };
    if (key && (seal.keyId !== key.id || !sealMatches(key, seal)))
      return broken('The audit log’s seal does not match this till’s key.', null);
    if (!raw.atSeal || raw.atSeal.hash !== seal.lastHash)
      return broken(`Audit events up to ${seal.lastId} were removed or rewritten.`, seal.lastId);
    if (raw.atSeal.rowCount !== seal.rowCount)
      return broken(
        `The audit log has ${raw.atSeal.rowCount} events up to ${seal.lastId}, but ${seal.rowCount} were sealed: events were removed.`,
        null,
      );
  }
  return key
    ? { state: 'ok', detail: null, brokenAtId: null, rowsChecked: raw.rows }
    : {
        state: 'unanchored',
        detail: 'The OS keychain is not available, so the audit log cannot be sealed on this till.',
        brokenAtId: null,
        rowsChecked: raw.rows,
      };
}

export class IntegrityMonitor {
  private reason: string | null = null;
  private chain: { state: ChainState; detail: string | null } = { state: 'ok', detail: null };
  private last: IntegrityStatus['lastFullCheck'] = null;
  private key: SealKey | null = null;
  private running: Promise<FullCheckOutcome> | null = null;
  private readonly abort = new AbortController();
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly o: IntegrityMonitorOptions) {}

  status(): IntegrityStatus {
    return { safeModeReason: this.reason, auditChain: { ...this.chain }, lastFullCheck: this.last };
  }

  /** Enters safe mode for `reason` (the first reason is kept). */
  enterSafeMode(reason: string): void {
    this.reason ??= reason;
    this.o.logger.error('safe mode', { reason });
    this.o.onSafeMode();
  }

  /**
   * Sets the sealing key (null: no keychain) and the chain's state. Seals from now on only while
   * the chain is not broken; a broken chain stays broken for good (see the file comment).
   */
  setChain(report: ChainReport, key: SealKey | null): void {
    this.key = key;
    if (this.chain.state === 'broken') return;
    this.chain = { state: report.state, detail: report.detail };
    if (report.state === 'broken') {
      this.o.logger.error('audit chain broken', { detail: report.detail });
      this.o.audit.sealWith(null);
      this.o.onChainBroken(report.detail ?? 'The audit log was altered.');
    } else this.o.audit.sealWith(key);
  }

  /**
   * Runs the full check now (or joins the one running) and acts on it: safe mode when the file
   * fails integrity_check or cannot be read; a broken chain is recorded and shown. Never rejects.
   */
  check(): Promise<FullCheckOutcome> {
    this.running ??= this.runCheck().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Runs `check()` after `firstMs`, then every `everyMs` (timers do not keep the process alive). */
  schedule(firstMs: number, everyMs = DAY_MS): void {
    const tick = () => void this.check();
    const first = setTimeout(() => {
      tick();
      const every = setInterval(tick, everyMs);
      every.unref();
      this.timers.push(every);
    }, firstMs);
    first.unref();
    this.timers.push(first);
  }

  /** Stops the schedule and any running check (its worker is terminated). */
  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  private async runCheck(): Promise<FullCheckOutcome> {
    const started = Date.now();
    let outcome: FullCheckOutcome;
    try {
      const raw = this.o.read
        ? await this.o.read(this.abort.signal)
        : await runFullCheck({
            databasePath: this.o.databasePath,
            ...(this.o.nativeBinding ? { nativeBinding: this.o.nativeBinding } : {}),
            signal: this.abort.signal,
          });
      const auditChain = judgeChain(raw, this.key);
      outcome = {
        ok: raw.integrity === 'ok' && auditChain.state !== 'broken',
        integrity: raw.integrity,
        auditChain,
      };
    } catch (e) {
      if (this.abort.signal.aborted) throw e;
      const integrity = e instanceof Error ? e.message : String(e);
      outcome = {
        ok: false,
        integrity,
        auditChain: {
          state: this.chain.state,
          detail: this.chain.detail,
          brokenAtId: null,
          rowsChecked: 0,
        },
      };
    }
    if (outcome.integrity !== 'ok')
      this.enterSafeMode(
        `The full integrity check found the database damaged (${outcome.integrity.slice(0, 300)}). Call support before you go on.`,
      );
    if (outcome.auditChain.state === 'broken') this.setChain(outcome.auditChain, this.key);
    this.last = {
      at: this.o.clock.now().toISOString(),
      ok: outcome.ok,
      detail:
        outcome.integrity !== 'ok'
          ? outcome.integrity.slice(0, 500)
          : outcome.auditChain.state === 'broken'
            ? outcome.auditChain.detail
            : null,
    };
    this.o.logger.info('full integrity check', {
      ok: outcome.ok,
      ms: Date.now() - started,
      auditRows: outcome.auditChain.rowsChecked,
    });
    return outcome;
  }
}
