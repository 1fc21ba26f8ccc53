/**
 * The typed error every secret store throws when the OS keychain cannot be used.
 *
 * docs/security-requirements.md, "Keychain": when no keychain is available (a headless or kiosk
 * Linux), the features that need the data-protection key are refused with a clear message. The
 * router sends this error's code and message across IPC as `KEYCHAIN_UNAVAILABLE`; the underlying
 * cause (a D-Bus or keytar message) stays in the main process for the log.
 */
import { AppError } from '../../../shared/errors';

/** What the store was doing when the keychain failed. */
export type SecretStoreOperation = 'load' | 'get' | 'set' | 'delete';

export class KeychainUnavailableError extends AppError {
  readonly operation: SecretStoreOperation;

  constructor(operation: SecretStoreOperation, message: string, options?: { cause?: unknown }) {
    super('KEYCHAIN_UNAVAILABLE', message);
    this.name = 'KeychainUnavailableError';
    this.operation = operation;
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

/**
 * Why a store server's till has no store key to give (secrets/store-key.ts): STORE_KEY_PENDING, or
 * KEYCHAIN_UNAVAILABLE with a message that says which key failed. Passed to the caller as it is,
 * where a plain keychain failure gets data-key.ts's generic message.
 */
export class StoreKeyError extends AppError {
  constructor(
    code: 'STORE_KEY_PENDING' | 'KEYCHAIN_UNAVAILABLE',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message);
    this.name = 'StoreKeyError';
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

/** Keys and values must be non-empty strings: keytar rejects empty ones, so every store does. */
export function assertSecretKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0)
    throw new TypeError('Secret key must be a non-empty string');
}

export function assertSecretValue(value: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError('Secret value must be a non-empty string');
}
