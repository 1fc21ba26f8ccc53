/**
 * An in-memory `SecretStore` for tests and the browser end-to-end bridge, where the real OS
 * keychain (docs/security-requirements.md, "Keychain") is not the thing under test. It follows the
 * keytar store's rules: keys and values are non-empty strings, `delete` reports whether a value
 * was there. Nothing is persisted; every store starts empty unless given `initial` entries.
 */
import type { SecretStore } from '../types';
import { assertSecretKey, assertSecretValue } from './errors';

export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const values = new Map<string, string>(Object.entries(initial));
  return {
    async get(key) {
      assertSecretKey(key);
      return values.get(key) ?? null;
    },
    async set(key, value) {
      assertSecretKey(key);
      assertSecretValue(value);
      values.set(key, value);
    },
    async delete(key) {
      assertSecretKey(key);
      return values.delete(key);
    },
  };
}
