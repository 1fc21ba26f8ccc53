/**
 * T3: TOTP seeds are stored encrypted with the data-protection key from the OS keychain
 * (electron/core/secrets). AES-256-GCM with a key derived by HKDF-SHA256 (RFC 5869) under its own
 * label, a fresh 96-bit nonce per seed, and the member's id as additional data, so a seed copied
 * onto another member's row does not decrypt. Stored as `v1.<nonce>.<tag>.<ciphertext>` (base64).
 * Without a keychain this throws KEYCHAIN_UNAVAILABLE: 2FA is then refused, never stored in clear.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { getOrCreateDataProtectionKey } from '../secrets/data-key';
import type { EntityManager } from 'typeorm';
import { run } from '../db/sql';
import type { SecretStore } from '../types';

const LABEL = 'kassa totp seed v1';

async function seedKey(store: SecretStore): Promise<Buffer> {
  const dataKey = await getOrCreateDataProtectionKey(store);
  try {
    return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), LABEL, 32));
  } finally {
    dataKey.fill(0);
  }
}

const aad = (staffId: number) => Buffer.from(`staff:${staffId}`);

/** Encrypts `seed` for member `staffId`. Errors: KEYCHAIN_UNAVAILABLE. */
export async function encryptSeed(
  store: SecretStore,
  staffId: number,
  seed: Buffer,
): Promise<string> {
  const key = await seedKey(store);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(aad(staffId));
  const body = Buffer.concat([cipher.update(seed), cipher.final()]);
  key.fill(0);
  return ['v1', nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join('.');
}

/**
 * The seed of member `staffId`. Errors: KEYCHAIN_UNAVAILABLE (no keychain, or a key that does not
 * open this seed: the keychain was replaced).
 */
export async function decryptSeed(
  store: SecretStore,
  staffId: number,
  stored: string,
): Promise<Buffer> {
  const [version, nonce, tag, body] = stored.split('.');
  const key = await seedKey(store);
  try {
    if (version !== 'v1' || !nonce || !tag || !body) throw new Error('unknown seed format');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'))
      .setAAD(aad(staffId))
      .setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  } catch (cause) {
    const error = new AppError(
      'KEYCHAIN_UNAVAILABLE',
      'The two-factor secret cannot be read with the key in this till’s keychain. Use a recovery code, or ask an admin to reset your two-factor sign-in.',
    );
    error.cause = cause;
    throw error;
  } finally {
    key.fill(0);
  }
}

/**
 * Re-seals, inside `em`'s transaction, every member's seed that `from` opens with `to` (a till's
 * file copied to a store server takes the store key, secrets/store-key.ts); a seed `from` does not
 * open is left as it was.
 */
export async function resealSeeds(
  em: EntityManager,
  from: SecretStore,
  to: SecretStore,
): Promise<void> {
  const rows = await run<{ staff_id: number; seed: string }>(
    em,
    'SELECT staff_id, seed FROM staff_totp ORDER BY staff_id',
  );
  for (const row of rows) {
    const id = Number(row.staff_id);
    const seed = await decryptSeed(from, id, row.seed).catch(() => null);
    if (!seed) continue;
    await run(em, 'UPDATE staff_totp SET seed = ? WHERE staff_id = ?', [
      await encryptSeed(to, id, seed),
      id,
    ]);
    seed.fill(0);
  }
}
