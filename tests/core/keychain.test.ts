/**
 * The OS keychain, tested for real (docs/security-requirements.md, "Keychain"): keytar against a
 * private gnome-keyring on a private D-Bus session, which `scripts/with-keyring.mjs` sets up
 * (`npm test` runs vitest through it).
 *
 * Without a reachable Secret Service (vitest run without the wrapper, a machine without
 * gnome-keyring) the real-keychain cases are skipped with a note on stderr. Under CI=true they
 * always run, so a CI machine that lost its keyring fails instead of passing quietly.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../../shared/errors';
import type { SecretStore } from '../../electron/core/types';
import {
  createKeytarSecretStore,
  createMemorySecretStore,
  DATA_PROTECTION_KEY_ACCOUNT,
  DATA_PROTECTION_KEY_BYTES,
  getOrCreateDataProtectionKey,
  KeychainUnavailableError,
} from '../../electron/core/secrets';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
const PROBE_TIMEOUT_MS = 10_000;

/** A service name no other run, and no real app install, uses. */
const uniqueService = (label: string) => `kassa-test-${label}-${randomUUID()}`;

/** Whether keytar can reach a keychain here; the reason when it cannot. */
async function probeKeychain(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const store = createKeytarSecretStore(uniqueService('probe'));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // libsecret may wait for D-Bus activation of a Secret Service that never comes.
    timer = setTimeout(
      () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([store.get('probe'), timeout]);
    return { ok: true };
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return {
      ok: false,
      reason: `${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

const probe = await probeKeychain();
if (!probe.ok && !IN_CI) {
  console.warn(
    `[keychain.test] Secret Service not reachable: ${probe.reason}. Skipping the real-keychain tests. ` +
      'Run them with `node scripts/with-keyring.mjs vitest run tests/core/keychain.test.ts`; under CI=true they fail instead.',
  );
}

/** Expects `promise` to reject with an AppError of code KEYCHAIN_UNAVAILABLE; returns it. */
async function expectKeychainUnavailable(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('KEYCHAIN_UNAVAILABLE');
  return error as AppError;
}

describe.skipIf(!probe.ok && !IN_CI)('keytar secret store on the real Secret Service', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const undo of cleanup) await undo().catch(() => undefined);
  });

  it('reaches the Secret Service (CI requires it)', () => {
    const reason = probe.ok ? '' : probe.reason;
    expect(
      probe.ok,
      `keytar cannot reach a keychain: ${reason}. Run the tests through scripts/with-keyring.mjs.`,
    ).toBe(true);
  });

  it('sets, gets, overwrites and deletes a secret', async () => {
    const store = createKeytarSecretStore(uniqueService('round-trip'));
    cleanup.push(() => store.delete('account'));

    expect(await store.get('account')).toBeNull();
    await store.set('account', 'first value');
    expect(await store.get('account')).toBe('first value');
    await store.set('account', 'second value, ünïcödé ✓');
    expect(await store.get('account')).toBe('second value, ünïcödé ✓');
    expect(await store.delete('account')).toBe(true);
    expect(await store.get('account')).toBeNull();
    expect(await store.delete('account')).toBe(false);
  });

  it('keeps services apart', async () => {
    const a = createKeytarSecretStore(uniqueService('a'));
    const b = createKeytarSecretStore(uniqueService('b'));
    cleanup.push(() => a.delete('shared-account'));
    await a.set('shared-account', 'only in a');
    expect(await b.get('shared-account')).toBeNull();
  });

  it('creates the data-protection key once and returns the same key afterwards', async () => {
    const service = uniqueService('data-key');
    const store = createKeytarSecretStore(service);
    cleanup.push(() => store.delete(DATA_PROTECTION_KEY_ACCOUNT));

    const [first, concurrent] = await Promise.all([
      getOrCreateDataProtectionKey(store),
      getOrCreateDataProtectionKey(store),
    ]);
    expect(first).toHaveLength(DATA_PROTECTION_KEY_BYTES);
    expect(concurrent.equals(first)).toBe(true);
    expect((await getOrCreateDataProtectionKey(store)).equals(first)).toBe(true);

    // Stored in the keychain itself, base64, and found again by a new store (a restarted app).
    expect(await store.get(DATA_PROTECTION_KEY_ACCOUNT)).toBe(first.toString('base64'));
    const restarted = createKeytarSecretStore(service);
    expect((await getOrCreateDataProtectionKey(restarted)).equals(first)).toBe(true);
  });
});

describe('data-protection key over any SecretStore', () => {
  it('is 32 random bytes stored base64 under data-protection-key', async () => {
    const store = createMemorySecretStore();
    const key = await getOrCreateDataProtectionKey(store);
    expect(key).toBeInstanceOf(Buffer);
    expect(key).toHaveLength(32);
    expect(await store.get('data-protection-key')).toBe(key.toString('base64'));
    expect(key.equals(Buffer.alloc(32))).toBe(false);
  });

  it('is created once: later and concurrent calls return the same key', async () => {
    const store = createMemorySecretStore();
    const keys = await Promise.all(
      Array.from({ length: 5 }, () => getOrCreateDataProtectionKey(store)),
    );
    for (const key of keys) expect(key.equals(keys[0]!)).toBe(true);
    expect((await getOrCreateDataProtectionKey(store)).equals(keys[0]!)).toBe(true);
  });

  it('differs between stores', async () => {
    const a = await getOrCreateDataProtectionKey(createMemorySecretStore());
    const b = await getOrCreateDataProtectionKey(createMemorySecretStore());
    expect(a.equals(b)).toBe(false);
  });

  it('hands each caller its own copy', async () => {
    const store = createMemorySecretStore();
    const key = await getOrCreateDataProtectionKey(store);
    const copy = Buffer.from(key);
    key.fill(0);
    expect((await getOrCreateDataProtectionKey(store)).equals(copy)).toBe(true);
  });

  it('maps a failing store to KEYCHAIN_UNAVAILABLE, keeping the cause', async () => {
    const cause = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const failing: SecretStore = {
      get: () => Promise.reject(cause),
      set: () => Promise.reject(cause),
      delete: () => Promise.reject(cause),
    };
    const error = await expectKeychainUnavailable(getOrCreateDataProtectionKey(failing));
    expect(error.cause).toBe(cause);
    expect(error.message).not.toContain('D-Bus');
  });

  it('maps a store that cannot write to KEYCHAIN_UNAVAILABLE', async () => {
    const readOnly: SecretStore = {
      get: async () => null,
      set: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      delete: async () => false,
    };
    await expectKeychainUnavailable(getOrCreateDataProtectionKey(readOnly));
  });

  it('refuses a damaged stored key instead of replacing it', async () => {
    for (const damaged of ['not base64!', Buffer.alloc(16).toString('base64')]) {
      const store = createMemorySecretStore({ [DATA_PROTECTION_KEY_ACCOUNT]: damaged });
      await expectKeychainUnavailable(getOrCreateDataProtectionKey(store));
      expect(await store.get(DATA_PROTECTION_KEY_ACCOUNT)).toBe(damaged);
    }
  });
});

describe('keytar secret store failures', () => {
  it('turns a keytar module that cannot load into KeychainUnavailableError', async () => {
    let loads = 0;
    const store = createKeytarSecretStore('kassa-test', {
      loadKeytar: () => {
        loads += 1;
        return Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'"));
      },
    });
    const error = await expectKeychainUnavailable(store.get('x'));
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as KeychainUnavailableError).operation).toBe('load');
    await expectKeychainUnavailable(store.set('x', 'y'));
    expect(loads).toBe(2); // a failed load is retried, not cached
    await expectKeychainUnavailable(getOrCreateDataProtectionKey(store));
  });

  it('turns a failing keytar call into KeychainUnavailableError', async () => {
    const store = createKeytarSecretStore('kassa-test', {
      loadKeytar: async () => ({
        getPassword: () =>
          Promise.reject(
            new Error('Object does not exist at path /org/freedesktop/secrets/collection/login'),
          ),
        setPassword: () => Promise.reject(new Error('locked')),
        deletePassword: () => Promise.reject(new Error('locked')),
      }),
    });
    const error = (await expectKeychainUnavailable(store.get('x'))) as KeychainUnavailableError;
    expect(error.operation).toBe('get');
    expect((error.cause as Error).message).toContain('collection/login');
    expect(
      ((await expectKeychainUnavailable(store.delete('x'))) as KeychainUnavailableError).operation,
    ).toBe('delete');
  });

  it.runIf(process.platform === 'linux')(
    'reports KEYCHAIN_UNAVAILABLE from real keytar when there is no D-Bus session',
    async () => {
      // libsecret keeps one D-Bus connection per process, so the unreachable bus needs a process of its own.
      const script = `
        import { createKeytarSecretStore, getOrCreateDataProtectionKey } from './electron/core/secrets/index.ts';
        const store = createKeytarSecretStore('kassa-test-no-bus');
        const outcome = async (p) => p.then(() => 'resolved', (e) => e.code + ' ' + e.name);
        console.log(JSON.stringify([await outcome(store.get('x')), await outcome(getOrCreateDataProtectionKey(store))]));
      `;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/kassa-bus',
      };
      delete env.DISPLAY;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          cwd: ROOT,
          env,
        },
      );
      expect(JSON.parse(stdout.trim())).toEqual([
        'KEYCHAIN_UNAVAILABLE KeychainUnavailableError',
        'KEYCHAIN_UNAVAILABLE AppError',
      ]);
    },
  );

  it('rejects empty keys and values as programming errors', async () => {
    for (const store of [
      createMemorySecretStore(),
      createKeytarSecretStore('kassa-test', {
        loadKeytar: () => Promise.reject(new Error('unused')),
      }),
    ]) {
      await expect(store.get('')).rejects.toBeInstanceOf(TypeError);
      await expect(store.set('k', '')).rejects.toBeInstanceOf(TypeError);
    }
    expect(() => createKeytarSecretStore('')).toThrow(TypeError);
  });
});

describe('memory secret store', () => {
  it('sets, gets, overwrites and deletes', async () => {
    const store = createMemorySecretStore({ seeded: 'value' });
    expect(await store.get('seeded')).toBe('value');
    expect(await store.get('missing')).toBeNull();
    await store.set('k', 'v1');
    await store.set('k', 'v2');
    expect(await store.get('k')).toBe('v2');
    expect(await store.delete('k')).toBe(true);
    expect(await store.delete('k')).toBe(false);
    expect(await store.get('k')).toBeNull();
  });
});
