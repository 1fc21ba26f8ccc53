/**
 * The data-protection key.
 *
 * docs/security-requirements.md, "Keychain": Kassa keeps one random 256-bit data-protection key in
 * the OS keychain. It encrypts only secrets whose loss can be recovered from (TOTP seeds, outgoing
 * mail credentials), never anything that could lock people out (A2: passwords never depend on it).
 * When no keychain is available those features are refused with a clear message:
 * `KEYCHAIN_UNAVAILABLE`.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { SecretStore } from '../types';
import { StoreKeyError } from './errors';
import { KeyFileError } from './key-file-store';

/** The keychain account (keytar) the key is stored under, base64-encoded. */
export const DATA_PROTECTION_KEY_ACCOUNT = 'data-protection-key';
/** 32 bytes = 256 bits. */
export const DATA_PROTECTION_KEY_BYTES = 32;

const UNAVAILABLE_MESSAGE =
  'The OS keychain is not available, so two-factor sign-in and mail settings cannot be used on this till.';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Calls in flight per store, so concurrent first calls create one key, not two. */
const inFlight = new WeakMap<SecretStore, Promise<Buffer>>();

/** The error callers see; the store's own error (e.g. KeychainUnavailableError) is the cause. */
function unavailable(cause: unknown): AppError {
  // The key file's own message says what to fix (e.g. its mode); the keychain's does not. A store
  // key's store (store-key.ts) says itself why it has no key.
  if (cause instanceof KeyFileError || cause instanceof StoreKeyError) return cause;
  const error = new AppError('KEYCHAIN_UNAVAILABLE', UNAVAILABLE_MESSAGE);
  error.cause = cause;
  return error;
}

/** Decodes a stored key; anything but exactly 32 bytes of base64 is refused, never replaced. */
function decode(stored: string): Buffer {
  const key = BASE64.test(stored) ? Buffer.from(stored, 'base64') : Buffer.alloc(0);
  if (key.length !== DATA_PROTECTION_KEY_BYTES) {
    // Replacing it would silently make every secret encrypted with the old key unreadable.
    throw new AppError(
      'KEYCHAIN_UNAVAILABLE',
      'The data-protection key in the OS keychain is damaged.',
    );
  }
  return key;
}

async function loadOrCreate(store: SecretStore): Promise<Buffer> {
  let stored: string | null;
  try {
    stored = await store.get(DATA_PROTECTION_KEY_ACCOUNT);
    if (stored === null) {
      await store.set(
        DATA_PROTECTION_KEY_ACCOUNT,
        randomBytes(DATA_PROTECTION_KEY_BYTES).toString('base64'),
      );
      // Read it back: the key in use is always the one the keychain actually holds.
      stored = await store.get(DATA_PROTECTION_KEY_ACCOUNT);
    }
  } catch (cause) {
    throw unavailable(cause);
  }
  if (stored === null)
    throw unavailable(new Error('the keychain did not keep the new data-protection key'));
  return decode(stored);
}

/**
 * Returns the 32-byte data-protection key, creating it on first use: `crypto.randomBytes(32)`,
 * stored base64 under the account `data-protection-key`. Later calls, and later runs of the app,
 * return the same key. Each call gets its own Buffer copy, which the caller may wipe.
 *
 * Errors: `AppError('KEYCHAIN_UNAVAILABLE')` when the store fails (the original error is its
 * `cause`) or the stored key is damaged.
 */
export async function getOrCreateDataProtectionKey(store: SecretStore): Promise<Buffer> {
  let pending = inFlight.get(store);
  if (!pending) {
    pending = loadOrCreate(store).finally(() => inFlight.delete(store));
    inFlight.set(store, pending);
  }
  return Buffer.from(await pending);
}
