/**
 * Text sealed with the data-protection key (docs/security-requirements.md, "Keychain"): AES-256-GCM
 * with a fresh 96-bit IV per seal (NIST SP 800-38D) and a purpose label as associated data, so a
 * value sealed for one use cannot be moved into another. Stored as
 * `v1.<iv base64url>.<tag base64url>.<ciphertext base64url>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** Seals `plain` under `key` (32 bytes) for `purpose` (e.g. `sms.provider`). */
export function sealText(key: Buffer, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/**
 * Opens a value sealed by sealText for the same `purpose`. Returns null when it is damaged, was
 * sealed for another purpose or under another key (a new keychain): the caller treats the secret
 * as missing, never as something else.
 */
export function openText(key: Buffer, purpose: string, sealed: string): string | null {
  const [version, iv, tag, body, extra] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined || extra !== undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}
