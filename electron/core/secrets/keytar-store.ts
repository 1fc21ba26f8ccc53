/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, or the Secret
 * Service (gnome-keyring, KWallet) over D-Bus on Linux.
 *
 * docs/security-requirements.md, "Keychain": Kassa keeps one random 256-bit data-protection key in
 * the OS keychain, through keytar behind a small secret-store module. keytar's repository is
 * archived, so nothing else imports it: replacing it (Electron safeStorage, @napi-rs/keyring) means
 * writing one more `SecretStore` factory, nothing more.
 *
 * keytar is loaded lazily with `await import('keytar')`, on first use. A missing or unloadable
 * native module and an unreachable keychain (no D-Bus session, locked collection) both surface as
 * a `KeychainUnavailableError` (code `KEYCHAIN_UNAVAILABLE`) from the call that needed it, never
 * as a crash at start-up. keytar uses N-API, so the same binary loads under Node and Electron.
 */
import type { SecretStore } from '../types';
import {
  assertSecretKey,
  assertSecretValue,
  KeychainUnavailableError,
  type SecretStoreOperation,
} from './errors';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Loads keytar; tests pass a fake to simulate a missing module. Defaults to `import('keytar')`. */
  loadKeytar?: () => Promise<KeytarApi>;
}

const UNAVAILABLE_MESSAGE = 'The OS keychain is not available.';

/**
 * Imports keytar. keytar is CommonJS: under Node's ESM loader only some of its functions appear as
 * named exports, so prefer the `default` export (module.exports) when there is one.
 */
async function importKeytar(): Promise<KeytarApi> {
  const mod = (await import('keytar')) as Partial<KeytarApi> & { default?: KeytarApi };
  const api = mod.default ?? (mod as KeytarApi);
  if (
    typeof api.getPassword !== 'function' ||
    typeof api.setPassword !== 'function' ||
    typeof api.deletePassword !== 'function'
  ) {
    throw new Error('keytar did not load: getPassword/setPassword/deletePassword missing');
  }
  return api;
}

/**
 * A `SecretStore` over keytar. Each key is a keytar *account* under `service` (one service name
 * per app, e.g. `Kassa`; tests use a unique one so runs never collide).
 *
 * Errors: rejects with `KeychainUnavailableError` when keytar cannot be loaded or the keychain
 * fails; rejects with `TypeError` for an empty key or value (a programming error).
 */
export function createKeytarSecretStore(
  service: string,
  options: KeytarSecretStoreOptions = {},
): SecretStore {
  if (typeof service !== 'string' || service.length === 0)
    throw new TypeError('Keychain service name must be a non-empty string');
  const load = options.loadKeytar ?? importKeytar;
  let loaded: Promise<KeytarApi> | undefined;

  /** Loads keytar once; a failed load is not cached, so a later call may succeed. */
  async function keytar(): Promise<KeytarApi> {
    loaded ??= load();
    try {
      return await loaded;
    } catch (cause) {
      loaded = undefined;
      throw new KeychainUnavailableError(
        'load',
        `${UNAVAILABLE_MESSAGE} The keychain module could not be loaded.`,
        { cause },
      );
    }
  }

  /** Runs one keychain call, turning any failure into KeychainUnavailableError. */
  async function call<T>(
    operation: SecretStoreOperation,
    fn: (api: KeytarApi) => Promise<T>,
  ): Promise<T> {
    const api = await keytar();
    try {
      return await fn(api);
    } catch (cause) {
      throw new KeychainUnavailableError(operation, UNAVAILABLE_MESSAGE, { cause });
    }
  }

  return {
    async get(key) {
      assertSecretKey(key);
      return call('get', (api) => api.getPassword(service, key));
    },
    async set(key, value) {
      assertSecretKey(key);
      assertSecretValue(value);
      await call('set', (api) => api.setPassword(service, key, value));
    },
    async delete(key) {
      assertSecretKey(key);
      return call('delete', (api) => api.deletePassword(service, key));
    },
  };
}
