/**
 * Issue 9 section 1, "Where no keychain is available": enrolment is refused; an admin may opt in
 * to a key file readable only by the app's user (audited, after re-authentication); the key file
 * is written with mode 0600 and survives a restart; a key file others can read is refused; the
 * opt-in is refused while the OS keychain works. Real SQLite files and real key files.
 */
import {
  chmodSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { URI, type TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../electron/core';
import {
  KeychainUnavailableError,
  getOrCreateDataProtectionKey,
} from '../../electron/core/secrets';
import { createKeyFileSecretStore } from '../../electron/core/secrets/key-file-store';
import {
  ADMIN,
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  tempDir,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';

/** A till with no OS keychain: every call fails as keytar does without a Secret Service. */
const noKeychain: SecretStore = {
  get: async () => {
    throw new KeychainUnavailableError('get', 'no keychain');
  },
  set: async () => {
    throw new KeychainUnavailableError('set', 'no keychain');
  },
  delete: async () => {
    throw new KeychainUnavailableError('delete', 'no keychain');
  },
};

const cores: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function tillWithoutKeychain(dir = tempDir(), clock?: TestCore['clock']) {
  if (!dirs.includes(dir)) dirs.push(dir);
  const t = await makeTestCore({ dir, secretStore: noKeychain, ...(clock ? { clock } : {}) });
  cores.push(t);
  return t;
}

const keyFileOf = (t: TestCore) => `${t.dbPath}.key`;

/** `secrets:status`'s `storeKey` on a store server (this till alone there), else null. */
const onServer = (state: 'held' | 'unavailable') => (ON_POSTGRES ? state : null);

function codeFor(uri: string, at: Date): string {
  return (URI.parse(uri) as TOTP).generate({ timestamp: at.getTime() });
}

/** Past the 5-minute re-authentication window, active all along. */
async function pastReauthWindow(t: TestCore) {
  t.clock.advanceMinutes(3);
  await t.must('auth:activity');
  t.clock.advanceMinutes(3);
}

describe('a till without an OS keychain', () => {
  it('refuses enrolment until an admin opts in to the key file, then keeps the seed sealed', async () => {
    const t = await tillWithoutKeychain();
    await withAdmin(t);
    expect(await t.must('secrets:status')).toEqual({
      keychain: 'none',
      storeKey: onServer('unavailable'),
    });
    const refused = await t.call('twoFactor:startEnrolment');
    expect(resultCode(refused)).toBe('KEYCHAIN_UNAVAILABLE');
    expect(refused.ok ? '' : refused.error.message).toMatch(/keychain is not available/);

    // The opt-in asks for the password again once the window has passed (S3).
    await pastReauthWindow(t);
    expect(resultCode(await t.call('secrets:useKeyFile', {}))).toBe('REAUTH_REQUIRED');
    expect(auditCount(t, 'settings.key_file_opt_in')).toBe(0);
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    expect(await t.must('secrets:useKeyFile', {})).toEqual({
      keychain: 'keyFile',
      storeKey: onServer('held'),
    });
    expect(auditCount(t, 'settings.key_file_opt_in', 'success')).toBe(1);
    expect(await t.must('secrets:status')).toEqual({
      keychain: 'keyFile',
      storeKey: onServer('held'),
    });
    // Opting in twice is refused and audits nothing more.
    expect(resultCode(await t.call('secrets:useKeyFile', {}))).toBe('CONFLICT');
    expect(auditCount(t, 'settings.key_file_opt_in')).toBe(1);

    const started = await t.must('twoFactor:startEnrolment');
    await t.must('twoFactor:confirmEnrolment', { code: codeFor(started.uri, t.clock.now()) });
    expect((statSync(keyFileOf(t)).mode & 0o777).toString(8)).toBe('600');
    const seed = (URI.parse(started.uri) as TOTP).secret.base32;
    await t.close();
    cores.splice(cores.indexOf(t), 1);
    for (const file of [t.dbPath, `${t.dbPath}-wal`])
      if (existsSync(file)) expect(readFileSync(file).includes(seed)).toBe(false);

    // A restart on the same database and key file still opens the seed: sign in with a code.
    const again = await tillWithoutKeychain(t.dir, t.clock);
    expect(
      await again.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ secondFactor: 'totp' });
    again.clock.advance(30_000);
    const session = await again.must('twoFactor:signIn', {
      code: codeFor(started.uri, again.clock.now()),
    });
    expect(session.staff.username).toBe(ADMIN.username);
    expect(await again.must('secrets:status')).toEqual({
      keychain: 'keyFile',
      storeKey: onServer('held'),
    });
  });

  it('refuses a key file that other users can read, and changes nothing', async () => {
    const t = await tillWithoutKeychain();
    await withAdmin(t);
    await t.must('secrets:useKeyFile', {});
    await t.must('twoFactor:startEnrolment');
    const before = readFileSync(keyFileOf(t), 'utf8');
    chmodSync(keyFileOf(t), 0o644);
    const refused = await t.call('sms:save', {
      baseUrl: 'https://sms.example.com',
      keyId: 'key',
      keySecret: 'secret',
      templateId: 'tpl',
    });
    expect(resultCode(refused)).toBe('KEYCHAIN_UNAVAILABLE');
    expect(refused.ok ? '' : refused.error.message).toMatch(/other users \(mode 644\)/);
    expect(auditCount(t, 'settings.sms_update')).toBe(0);
    await expect(createKeyFileSecretStore(keyFileOf(t)).set('x', 'y')).rejects.toThrow(
      /other users/,
    );
    expect(readFileSync(keyFileOf(t), 'utf8')).toBe(before);
    expect((statSync(keyFileOf(t)).mode & 0o777).toString(8)).toBe('644');
  });

  it('refuses a world-readable key file at the data-protection key', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'k.key');
    writeFileSync(path, JSON.stringify({ 'data-protection-key': 'A'.repeat(43) + '=' }), {
      mode: 0o604,
    });
    chmodSync(path, 0o604);
    const error = await getOrCreateDataProtectionKey(createKeyFileSecretStore(path)).catch(
      (e: unknown) => e,
    );
    expect((error as { code: string }).code).toBe('KEYCHAIN_UNAVAILABLE');
    expect((error as Error).message).toMatch(/other users \(mode 604\)/);
  });

  it('a damaged key file is refused, never replaced', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'k.key');
    writeFileSync(path, 'not json', { mode: 0o600 });
    await expect(createKeyFileSecretStore(path).set('a', 'b')).rejects.toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('not json');
  });

  it('concurrent first uses create one key, written atomically (no temp files left)', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'k.key');
    const store = createKeyFileSecretStore(path);
    const keys = await Promise.all(
      Array.from({ length: 10 }, () => getOrCreateDataProtectionKey(store)),
    );
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    const again = await getOrCreateDataProtectionKey(createKeyFileSecretStore(path));
    expect(again.equals(keys[0]!)).toBe(true);
    expect(readdirSync(dir)).toEqual(['k.key']);
  });

  it('bad input and a cashier change nothing', async () => {
    const t = await tillWithoutKeychain();
    await withAdmin(t);
    expect(resultCode(await t.call('secrets:useKeyFile', { path: '/tmp/x' } as never))).toBe(
      'VALIDATION_FAILED',
    );
    expect(resultCode(await t.call('secrets:useKeyFile', 'yes' as never))).toBe(
      'VALIDATION_FAILED',
    );
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 4);
    expect(resultCode(await t.call('secrets:useKeyFile', {}, 4))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('secrets:status', {}, 4))).toBe('FORBIDDEN');
    expect(await t.must('secrets:status')).toEqual({
      keychain: 'none',
      storeKey: onServer('unavailable'),
    });
    expect(auditCount(t, 'settings.key_file_opt_in')).toBe(0);
    expect(existsSync(keyFileOf(t))).toBe(false);
    expect(
      t
        .raw()
        .prepare("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'secrets_key_file%'")
        .get(),
    ).toEqual({ n: 0 });
  });
});

describe('a till with a working OS keychain', () => {
  it('refuses the opt-in: secrets stay in the keychain', async () => {
    const t = await makeTestCore();
    cores.push(t);
    await withAdmin(t);
    expect(await t.must('secrets:status')).toEqual({ keychain: 'os', storeKey: onServer('held') });
    const refused = await t.call('secrets:useKeyFile', {});
    expect(resultCode(refused)).toBe('CONFLICT');
    expect(auditCount(t, 'settings.key_file_opt_in')).toBe(0);
    expect(existsSync(keyFileOf(t))).toBe(false);
    await t.must('twoFactor:startEnrolment');
    expect(existsSync(keyFileOf(t))).toBe(false);
  });
});
