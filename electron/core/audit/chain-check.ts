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
export const NO_KEY =
  'The OS keychain is not available, so the audit log cannot be sealed against rewriting on this till.';

/**
 * Why a till on a store server does not seal the chain yet (issue 12): each till's seal key is in
 * its own keychain, so tills sharing one chain would take each other's seals for forgeries.
 */
export const SERVER_UNSEALED =
  'On a store server the audit log is verified link by link but not yet sealed: each till’s seal key is its own.';

function broken(detail: string, brokenAtId: number | null, rowsChecked = 0): ChainReport {
  return { state: 'broken', detail, brokenAtId, rowsChecked };
}

/**
 * Checks the chain head at start-up. `everSealed` comes from the set-up marker outside the
 * database: a till that once sealed its chain must still have a seal. `unsealed` is the detail of
 * an `unanchored` chain (no key): NO_KEY, or SERVER_UNSEALED on a store server.
 */
export async function checkChainHead(
  em: EntityManager,
  audit: AuditLog,
  key: SealKey | null,
  everSealed: boolean,
  unsealed: string = NO_KEY,
): Promise<ChainReport> {
  const seal = await readSeal(em);
  const fine = (rowsChecked: number): ChainReport =>
    key
      ? { state: 'ok', detail: null, brokenAtId: null, rowsChecked }
      : { state: 'unanchored', detail: unsealed, brokenAtId: null, rowsChecked };

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
    `SELECT ${AUDIT_ROW_COLUMNS} FROM audit_events WHERE id = ?`,
    [seal.lastId],
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
