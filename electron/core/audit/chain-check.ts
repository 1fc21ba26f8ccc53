/**
 * The start-up check of the audit chain (L2, D9, D10): cheap, whatever the history's length.
 * It checks the seal (HMAC, key), that the sealed head row is still there with its sealed hash and
 * content, and verifies only the rows appended after the seal (normally none: every audit write
 * reseals). The whole chain is verified by the background integrity check (integrity/).
 */
import type { EntityManager } from 'typeorm';
import { run } from '../db/sql';
import { AUDIT_ROW_COLUMNS, rowHashHolds, type AuditLog, type AuditRowRecord } from './audit-log';
import { readSeal, sealMatches, type SealKey } from './chain-seal';

/**
 * - `ok`: sealed with this till's key and intact up to the head;
 * - `unanchored`: intact as far as can be told, but no keychain key to check or make seals;
 * - `broken`: rewritten, truncated, or its seal forged or made with another key.
 */
export type ChainState = 'ok' | 'unanchored' | 'broken';

export interface ChainReport {
  state: ChainState;
  /** One sentence for the admin; null when ok. */
  detail: string | null;
  /** The first row found wrong, when known. */
  brokenAtId: number | null;
  /** Rows hashed by this check (the tail after the seal, or every row when never sealed). */
  rowsChecked: number;
}

/** Why a till without a keychain key cannot seal its chain (the `unanchored` detail). */
const NO_KEY =
  'The OS keychain is not available, so the audit log cannot be sealed against rewriting on this till.';

function broken(detail: string, brokenAtId: number | null, rowsChecked = 0): ChainReport {
  return { state: 'broken', detail, brokenAtId, rowsChecked };
}

/**
 * Checks the chain head at start-up. `everSealed` comes from the set-up marker outside the
 * database: a till that once sealed its chain must still have a seal. Checks this till's chain
 * (AuditLog.chain).
 */
export async function checkChainHead(
  em: EntityManager,
  audit: AuditLog,
  key: SealKey | null,
  everSealed: boolean,
): Promise<ChainReport> {
  const seal = await readSeal(em, audit.chain);
  const fine = (rowsChecked: number): ChainReport =>
    key
      ? { state: 'ok', detail: null, brokenAtId: null, rowsChecked }
      : { state: 'unanchored', detail: NO_KEY, brokenAtId: null, rowsChecked };

  if (!seal) {
    if (everSealed) return broken('The audit log’s seal has been removed.', null);
    // Never sealed (the first start after the upgrade, or a seeded file): verify it all, once.
    const all = await audit.verifyChain(em);
    if (!all.ok)
      return broken(
        `The audit log was altered at event ${all.brokenAtId}.`,
        all.brokenAtId,
        all.rows,
      );
    return fine(all.rows);
  }
  if (key && seal.keyId !== key.id)
    return broken(
      'The audit log was sealed with a different key (the keychain was reset, or the database comes from another computer), so it cannot be vouched for.',
      null,
    );
  if (key && !sealMatches(key, seal))
    return broken('The audit log’s seal does not match: it was forged or edited.', null);

  const [head] = await run<AuditRowRecord>(
    em,
    `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE id = ? AND chain = ?`,
    [seal.lastId, audit.chain],
  );
  if (!head || head.hash !== seal.lastHash || !rowHashHolds(head))
    return broken(
      `Audit events up to ${seal.lastId} were removed or rewritten after they were sealed.`,
      seal.lastId,
    );
  const tail = await audit.verifyChain(em, { afterId: seal.lastId, prevHash: seal.lastHash });
  if (!tail.ok)
    return broken(
      `The audit log was altered at event ${tail.brokenAtId}.`,
      tail.brokenAtId,
      tail.rows,
    );
  return fine(tail.rows);
}
