/**
 * The audit log (L1-L3). `record` appends one event inside the caller's transaction, chained to
 * the previous row with SHA-256 (L2), and, when a seal key is set, rewrites the chain's HMAC seal
 * in the same transaction (D9, chain-seal.ts). `verifyChain` recomputes the chain (or its tail
 * after a sealed head) and reports the first row that does not match. Values are encoded so CR, LF
 * and control characters cannot forge log lines (L3). Passwords, codes and tokens are never passed
 * in.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuditAction, AuditTargetType } from '../../../shared/contract/audit';
import type { Clock } from '../types';
import { isPostgres, run } from '../db/sql';
import { AuditEventEntity } from './audit-event.entity';
import { rowCountUpTo, writeSeal, type SealKey } from './chain-seal';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditInput {
  action: AuditAction;
  outcome: AuditOutcome;
  actorId?: number | null;
  actorName?: string | null;
  targetType?: AuditTargetType | null;
  targetId?: string | number | null;
  /** Free text; encoded (L3) and capped at 1000 characters. */
  detail?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** L3: CR, LF, other C0/C1 controls and bidi overrides become `\u{XX}` escapes. */
export function encodeLogValue(value: string): string {
  return value.replace(
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/**
 * Makes text well-formed UTF-16 (lone surrogates become U+FFFD), so what SQLite stores is exactly
 * what was hashed (L2): SQLite would store a lone surrogate as U+FFFD and break the chain.
 */
export function wellFormed(value: string): string {
  return value.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** Encodes (L3), makes well-formed (L2) and caps at `max` UTF-16 units without splitting a character. */
export function clip(value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  const encoded = encodeLogValue(wellFormed(value));
  if (encoded.length <= max) return encoded;
  let out = '';
  for (const ch of encoded) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** What a row's hash covers: every column but its id, its hash and its chain. */
export type AuditRowContent = Omit<AuditEventEntity, 'id' | 'hash' | 'chain'>;

/** The canonical text that a row's hash covers. */
export function canonicalAuditText(e: AuditRowContent): string {
  return JSON.stringify([
    e.prevHash,
    e.at,
    e.actorId,
    e.actorName,
    e.action,
    e.targetType,
    e.targetId,
    e.terminal,
    e.outcome,
    e.detail,
  ]);
}

export function hashAuditRow(e: AuditRowContent): string {
  return createHash('sha256').update(canonicalAuditText(e)).digest('hex');
}

/** An audit_events row as SQL returns it. */
/**
 * The values of one `audit_events` row in the column order of the INSERT (at … prev_hash), with its
 * hash last; shared by the log itself and the bulk writers (seed, bench) so the chain is built the
 * same way everywhere.
 */
export function auditRowValues(row: AuditRowContent, hash: string) {
  return [
    row.at,
    row.actorId,
    row.actorName,
    row.action,
    row.targetType,
    row.targetId,
    row.terminal,
    row.outcome,
    row.detail,
    row.prevHash,
    hash,
  ];
}

export interface AuditRowRecord {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  terminal: string;
  outcome: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The columns of an AuditRowRecord, for SELECT lists. */
export const AUDIT_ROW_COLUMNS =
  'id, at, actor_id, actor_name, action, target_type, target_id, terminal, outcome, detail, prev_hash, hash';

/** True when the row's stored hash is the hash of its own content (link not checked). */
export function rowHashHolds(r: AuditRowRecord): boolean {
  return (
    hashAuditRow({
      prevHash: r.prev_hash,
      at: r.at,
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      terminal: r.terminal,
      outcome: r.outcome,
      detail: r.detail,
    }) === r.hash
  );
}

/** Where a partial verification starts: after the row `afterId`, whose hash is `prevHash`. */
export interface ChainStart {
  afterId: number;
  prevHash: string;
}

export type ChainVerdict =
  { ok: true; rows: number } | { ok: false; brokenAtId: number; rows: number };

/**
 * The statement of {@link readHeadAndSeal}; its parameters are the chain (the till's id) plus one,
 * then the chain twice. The head is the last row in `(chain, id)` order before the next chain's
 * first, kept if it is of this chain: one probe of the `(chain, id)` index, read backwards, in the
 * plan made for any chain on both engines, so the statement is prepared once per connection
 * (`reusePlan`). Not `WHERE chain = ? ORDER BY id DESC LIMIT 1`, nor `max(id)`: where one chain
 * holds most rows (the first till's, or a copied database's), PostgreSQL's generic plan for those
 * walked the primary key backwards, row by row, to a till's last event, through every row when
 * the till had none yet.
 */
export const HEAD_AND_SEAL_SQL = `SELECT h.id AS head_id, h.hash AS head_hash,
    s.last_id AS seal_last_id, s.row_count AS seal_row_count
  FROM (SELECT 1 AS one) o
  LEFT JOIN (SELECT id, hash, chain FROM audit_events WHERE (chain, id) < (?, 0)
    ORDER BY chain DESC, id DESC LIMIT 1) h ON h.chain = ?
  LEFT JOIN audit_seal s ON s.id = ?`;

/**
 * The last row of `chain` (its id and hash) and the chain's seal (the row it covers and the rows
 * up to it), in one statement: `record` needs both for every event, on a store server each a round
 * trip. Only this till writes its chain and its seal, and inside the caller's transaction, so the
 * seal read before the new row is inserted is the one that stays until this event rewrites it.
 * Either is null when there is none yet.
 */
async function readHeadAndSeal(
  em: EntityManager,
  chain: number,
): Promise<{
  head: { id: number; hash: string } | null;
  seal: { lastId: number; rowCount: number } | null;
}> {
  const [r] = await run<{
    head_id: number | string | null;
    head_hash: string | null;
    seal_last_id: number | string | null;
    seal_row_count: number | string | null;
  }>(em, HEAD_AND_SEAL_SQL, [chain + 1, chain, chain], { reusePlan: true });
  return {
    head: r?.head_id == null ? null : { id: Number(r.head_id), hash: r.head_hash! },
    seal:
      r?.seal_last_id == null
        ? null
        : { lastId: Number(r.seal_last_id), rowCount: Number(r.seal_row_count) },
  };
}

/**
 * Extra output expressions for the audit row's `INSERT … RETURNING id` (PostgreSQL), evaluated
 * once as the row is inserted: `columns` is SQL with `?` placeholders, `params` their values in
 * order.
 */
export interface AuditReturning {
  columns: string;
  params: unknown[];
}

/** Told of every recorded event inside its transaction (db/store-changes.ts, issue 12). */
export interface AuditFollower {
  /**
   * PostgreSQL only, before the row is inserted: what the INSERT should also evaluate for this
   * event (the store changes' `pg_notify` calls), so it costs no statement of its own; or null.
   */
  returning(input: AuditInput): AuditReturning | null;
  /** After the row (and its seal) were written, in the same transaction. */
  recorded(em: EntityManager, input: AuditInput): Promise<void>;
}

export class AuditLog {
  private sealKey: SealKey | null = null;
  private chainId = 1;
  private follower: AuditFollower | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly terminal: string,
  ) {}

  /**
   * From now on every `record` also reseals the chain head with `key` (D9); `null` stops sealing
   * (no keychain, or a broken chain whose last good seal must be kept as evidence).
   */
  sealWith(key: SealKey | null): void {
    this.sealKey = key;
  }

  /**
   * The chain this till appends to and seals (`audit_events.chain`, `audit_seal.id`): 1 on a
   * SQLite till; its `tills.id` on a store server (issue 12). Set before the first `record`.
   */
  get chain(): number {
    return this.chainId;
  }

  useChain(chain: number): void {
    this.chainId = chain;
  }

  /**
   * From now on every `record` also hands its event to `follower`, in the same transaction: the
   * store changes announce what the event changed (db/store-changes.ts).
   */
  followWith(follower: AuditFollower): void {
    this.follower = follower;
  }

  /** Whether `record` currently seals the chain head. */
  get sealing(): boolean {
    return this.sealKey !== null;
  }

  /** Appends one event in the transaction of `em`. Must run inside the write queue. */
  async record(em: EntityManager, input: AuditInput): Promise<void> {
    // Plain SQL: this runs inside every sale's transaction, so it stays off the ORM's slower path.
    const { head, seal } = await readHeadAndSeal(em, this.chainId);
    const row: AuditRowContent = {
      prevHash: head?.hash ?? GENESIS_HASH,
      at: this.clock.now().toISOString(),
      actorId: input.actorId ?? null,
      actorName: clip(input.actorName, 80),
      action: clip(input.action, 64) ?? '',
      targetType: clip(input.targetType, 32),
      targetId:
        input.targetId === null || input.targetId === undefined
          ? null
          : clip(String(input.targetId), 64),
      terminal: clip(this.terminal, 64) ?? '',
      outcome: input.outcome,
      detail: clip(input.detail, 1000),
    };
    const hash = hashAuditRow(row);
    // On a server the follower's notifications ride this INSERT: no round trip of their own.
    const extra = isPostgres(em) ? (this.follower?.returning(input) ?? null) : null;
    const [inserted] = await run<{ id: number }>(
      em,
      `INSERT INTO audit_events (at, actor_id, actor_name, action, target_type, target_id, terminal,
         outcome, detail, prev_hash, hash, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING id${extra ? `, ${extra.columns}` : ''}`,
      [...auditRowValues(row, hash), this.chainId, ...(extra?.params ?? [])],
      { reusePlan: true },
    );
    if (this.sealKey) {
      const lastId = Number(inserted!.id);
      // The usual case, the seal on the row before this one, costs no count.
      const rowCount =
        seal && head && seal.lastId === head.id
          ? seal.rowCount + 1
          : await rowCountUpTo(em, seal, lastId, this.chainId);
      await writeSeal(em, this.sealKey, { lastId, lastHash: hash, rowCount }, row.at, this.chainId);
    }
    await this.follower?.recorded(em, input);
  }

  /**
   * L2: recomputes `chain` (default: this till's) in id order, from the start or from `from` (the
   * sealed head, D10). Returns `{ ok: true, rows }` (rows checked) or the id of the first row
   * whose hash or link is wrong.
   */
  async verifyChain(
    em: EntityManager,
    from: ChainStart = { afterId: 0, prevHash: GENESIS_HASH },
    chain: number = this.chainId,
  ): Promise<ChainVerdict> {
    // Plain SQL in batches of 5,000.
    let prev = from.prevHash;
    let rows = 0;
    let afterId = from.afterId;
    for (;;) {
      const batch = await run<AuditRowRecord>(
        em,
        `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE chain = ? AND id > ? ORDER BY id LIMIT 5000`,
        [chain, afterId],
      );
      if (batch.length === 0) return { ok: true, rows };
      for (const r of batch) {
        rows += 1;
        const id = Number(r.id);
        if (r.prev_hash !== prev || !rowHashHolds(r)) return { ok: false, brokenAtId: id, rows };
        prev = r.hash;
        afterId = id;
      }
    }
  }
}
