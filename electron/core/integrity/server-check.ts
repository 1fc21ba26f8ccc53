/**
 * The full check on a store server (issue 12; D9, D10, L2): what the SQLite worker (full-check.ts)
 * reads from its file, read from PostgreSQL in one REPEATABLE READ snapshot, so tills that go on
 * writing meanwhile neither change what is read nor wait for it.
 * - `integrity`: the server looks after its own pages (data checksums, amcheck; docs/deployment.md),
 *   so here it is the guard triggers of every immutable table (D6, D9): `ok`, or which are missing.
 * - the audit chains: every till's chain (one per till, issue 12) recomputed in id order by
 *   AuditLog.verifyChain, 5,000 rows a query, the event loop free between batches. Only this
 *   till's own chain has a seal it can check (the others' keys are in their tills' keychains), so
 *   the seal and the chain at the sealed row, for judgeChain, are this till's.
 */
import type { EntityManager } from 'typeorm';
import type { AuditLog } from '../audit/audit-log';
import { run } from '../db/sql';
import { PG_TRIGGERS_SQL, unguardedTables, type PgTrigger } from '../db/required-triggers';
import type { RawFullCheck } from './full-check';

/** Reads the server's triggers and whole audit chain in one snapshot (never writes). */
export function serverFullCheck(manager: EntityManager, audit: AuditLog): Promise<RawFullCheck> {
  return manager.transaction('REPEATABLE READ', async (em) => {
    const unguarded = unguardedTables(await run<PgTrigger>(em, PG_TRIGGERS_SQL));
    const chains = await run<{ chain: number | string }>(
      em,
      'SELECT DISTINCT chain FROM audit_events ORDER BY chain',
    );
    let rows = 0;
    let brokenAtId: number | null = null;
    for (const { chain } of chains) {
      const verdict = await audit.verifyChain(em, undefined, Number(chain));
      rows += verdict.rows;
      if (!verdict.ok) {
        brokenAtId = verdict.brokenAtId;
        break;
      }
    }
    const [seal] = await run<NonNullable<RawFullCheck['seal']>>(
      em,
      'SELECT last_id, last_hash, row_count, key_id, mac FROM audit_seal WHERE id = ?',
      [audit.chain],
    );
    const atSeal = seal ? await chainAt(em, audit.chain, Number(seal.last_id)) : null;
    return {
      integrity:
        unguarded.length === 0
          ? 'ok'
          : `Protective database triggers are missing: ${unguarded.join(', ')}.`,
      rows,
      brokenAtId,
      seal: seal
        ? { ...seal, last_id: Number(seal.last_id), row_count: Number(seal.row_count) }
        : null,
      atSeal,
    };
  });
}

/** `chain` at its row `id`: how many rows lead up to it and its hash; null when it is gone. */
async function chainAt(
  em: EntityManager,
  chain: number,
  id: number,
): Promise<RawFullCheck['atSeal']> {
  const [row] = await run<{ hash: string; n: number | string }>(
    em,
    `SELECT hash, (SELECT COUNT(*) FROM audit_events WHERE chain = ? AND id <= ?) AS n
     FROM audit_events WHERE id = ? AND chain = ?`,
    [chain, id, id, chain],
  );
  return row ? { rowCount: Number(row.n), hash: row.hash } : null;
}
