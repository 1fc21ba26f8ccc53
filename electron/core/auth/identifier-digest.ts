/**
 * L1: an unknown sign-in identifier is never written to the audit log verbatim (it is often a
 * password typed into the username box). It is recorded as a keyed hash (HMAC-SHA-256, first 16
 * hex digits) plus its length, so an admin can still see that the same unknown name was tried
 * again, without learning what was typed.
 *
 * The key is 256 random bits kept in the `settings` table (row `audit_identifier_key`, written by
 * a migration, never returned by settings:get). It keeps the digest from being a plain
 * unsalted hash that a rainbow table reverses; someone holding the whole database file could still
 * test guesses against it, which is why only a prefix of the digest is kept.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SettingEntity } from '../settings/setting.entity';

const KEY_ROW = 'audit_identifier_key';

/** The digest text for an audit row's actor name, e.g. `unknown#1f2e3d4c5b6a7980 (12 chars)`. */
export async function identifierDigest(
  em: EntityManager,
  identifier: string,
  now: string,
): Promise<string> {
  const repo = em.getRepository(SettingEntity);
  let row = await repo.findOneBy({ key: KEY_ROW });
  if (!row) {
    // Only a database whose key row was removed by hand gets here.
    row = repo.create({ key: KEY_ROW, value: randomBytes(32).toString('hex'), updatedAt: now });
    await repo.insert(row);
  }
  const mac = createHmac('sha256', Buffer.from(row.value, 'hex'))
    .update(identifier.normalize('NFKC').toLowerCase())
    .digest('hex')
    .slice(0, 16);
  return `unknown#${mac} (${[...identifier].length} chars)`;
}
