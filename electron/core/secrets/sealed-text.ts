/**
 * Sealing small secrets (the SMTP password) with the data-protection key
 * (docs/security-requirements.md, "Keychain"): AES-256-GCM with a fresh 96-bit nonce per seal
 * (NIST SP 800-38D), and a purpose string as additional authenticated data, so a sealed value
 * cannot be moved to another field and still open. The sealed form is text, safe for a settings
 * row: `v1.<nonce b64>.<tag b64>.<ciphertext b64>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { SecretStore } from '../types';
import { getOrCreateDataProtectionKey } from './data-key';

const VERSION = 'v1';

/**
 * Encrypts `plain` under the data-protection key, bound to `purpose` (e.g. `mail.smtp_password`).
 * Errors: AppError KEYCHAIN_UNAVAILABLE when the key cannot be had.
 */
export async function sealText(
  store: SecretStore,
  purpose: string,
  plain: string,
): Promise<string> {
  const key = await getOrCreateDataProtectionKey(store);
  try {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
      .join('.');
  } finally {
    key.fill(0);
  }
}

/**
 * Decrypts what {@link sealText} made for the same `purpose`. Errors: KEYCHAIN_UNAVAILABLE when
 * the key cannot be had, or when the value does not open (another key, another purpose, altered).
 */
export async function openText(
  store: SecretStore,
  purpose: string,
  sealed: string,
): Promise<string> {
  const [version, nonce, tag, body] = sealed.split('.');
  const key = await getOrCreateDataProtectionKey(store);
  try {
    if (version !== VERSION || !nonce || !tag || body === undefined) throw new Error('format');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  } catch (cause) {
    const error = new AppError(
      'KEYCHAIN_UNAVAILABLE',
      'A stored secret cannot be read with the key in the OS keychain. Enter it again.',
    );
    error.cause = cause;
    throw error;
  } finally {
    key.fill(0);
  }
}
