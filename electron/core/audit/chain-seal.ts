/**
 * The audit chain's anchor (L2, D9). A SHA-256 chain alone proves nothing against someone who can
 * write the file: they rewrite a row and recompute every later hash, or cut the last rows off. So
 * the chain's head (the last row's id and hash, and how many rows the chain has) is sealed with an
 * HMAC-SHA256 (RFC 2104) whose key is derived with HKDF (RFC 5869) from the data-protection key in
 * the OS keychain (docs/security-requirements.md, "Keychain"). Without the keychain nobody can
 * forge a seal, so a rewritten or truncated chain no longer matches it.
 *
 * The seal is the single row `audit_seal` (id 1), rewritten in the SAME transaction as every audit
 * row (AuditLog.record), so it survives kill -9 exactly as the rows do, and start-up only has the
 * rows after it to verify (D10). Known limit: someone who kept a copy of an older seal can roll
 * the log back to that point; that takes a copy made earlier, not just access now.
 */
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { run } from '../db/sql';
import { getOrCreateDataProtectionKey } from '../secrets/data-key';
import type { SecretStore } from '../types';

/** The key that seals, and a short public id of it (so a key change is told from a forgery). */
export interface SealKey {
  key: Buffer;
  /** 16 hex characters: the first 8 bytes of SHA-256 of the derived key. */
  id: string;
}

/** The chain's head as sealed. */
export interface ChainHead {
  lastId: number;
  lastHash: string;
  /** Rows in audit_events up to and including `lastId`. */
  rowCount: number;
}

export interface StoredSeal extends ChainHead {
  keyId: string;
  mac: string;
  sealedAt: string;
}

/** Derives the sealing key from the 32-byte data-protection key (HKDF-SHA256, own label). */
export function deriveSealKey(dataProtectionKey: Buffer): SealKey {
  const key = Buffer.from(
    hkdfSync('sha256', dataProtectionKey, Buffer.alloc(0), 'kassa audit chain seal v1', 32),
  );
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

/**
 * The sealing key from the keychain, or null when the keychain is unavailable or does not answer
 * within `timeoutMs`: sealing is then off and the audit screen says so. Sign-in never waits on
 * this (A2: nothing that could lock people out depends on the keychain).
 */
export async function loadSealKey(store: SecretStore, timeoutMs = 5_000): Promise<SealKey | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const dataKey = await Promise.race([getOrCreateDataProtectionKey(store), timeout]);
    if (!dataKey) return null;
    const sealKey = deriveSealKey(dataKey);
    dataKey.fill(0);
    return sealKey;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** HMAC-SHA256 (hex) over the head's canonical text. */
export function sealMac(key: SealKey, head: ChainHead): string {
  return createHmac('sha256', key.key)
    .update(JSON.stringify(['kassa.audit-seal.v1', head.lastId, head.lastHash, head.rowCount]))
    .digest('hex');
}

/** True when `seal` was made with `key` over exactly its head (constant-time compare). */
export function sealMatches(key: SealKey, seal: StoredSeal): boolean {
  const want = Buffer.from(sealMac(key, seal), 'hex');
  const got = Buffer.from(/^[0-9a-f]{64}$/.test(seal.mac) ? seal.mac : '', 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The stored seal of `chain` (AuditLog.chain), or null when it was never sealed. */
export async function readSeal(em: EntityManager, chain = 1): Promise<StoredSeal | null> {
  const [r] = await run<{
    last_id: number;
    last_hash: string;
    row_count: number | string;
    key_id: string;
    mac: string;
    sealed_at: string;
  }>(
    em,
    'SELECT last_id, last_hash, row_count, key_id, mac, sealed_at FROM audit_seal WHERE id = ?',
    [chain],
  );
  if (!r) return null;
  return {
    lastId: Number(r.last_id),
    lastHash: r.last_hash,
    rowCount: Number(r.row_count),
    keyId: r.key_id,
    mac: r.mac,
    sealedAt: r.sealed_at,
  };
}

/**
 * Writes (or rewrites) the seal of `chain` over `head`, in the transaction of `em`. `at` is UTC
 * ISO-8601.
 */
export async function writeSeal(
  em: EntityManager,
  key: SealKey,
  head: ChainHead,
  at: string,
  chain = 1,
): Promise<void> {
  await run(
    em,
    `INSERT INTO audit_seal (id, last_id, last_hash, row_count, key_id, mac, sealed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
       row_count = excluded.row_count, key_id = excluded.key_id, mac = excluded.mac,
       sealed_at = excluded.sealed_at`,
    [chain, head.lastId, head.lastHash, head.rowCount, key.id, sealMac(key, head), at],
    { reusePlan: true },
  );
}

/**
 * How many rows `chain` has up to and including `lastId`, given its previous seal: counts only
 * the rows after the seal (usually none), so sealing stays O(1) per audit row.
 */
export async function rowCountUpTo(
  em: EntityManager,
  seal: Pick<StoredSeal, 'lastId' | 'rowCount'> | null,
  lastId: number,
  chain = 1,
): Promise<number> {
  const from = seal && seal.lastId <= lastId ? seal : null;
  const [r] = await run<{ n: number | string }>(
    em,
    'SELECT COUNT(*) AS n FROM audit_events WHERE chain = ? AND id > ? AND id <= ?',
    [chain, from?.lastId ?? 0, lastId],
  );
  return (from?.rowCount ?? 0) + Number(r!.n);
}
