/**
 * Issue 9 section 1: two-factor sign-in (T1-T3, A4, R1, S3), on real SQLite files with the fake
 * clock. Codes are computed with otpauth from the secret in the otpauth URI, as an authenticator
 * app would.
 */
import { readFileSync, existsSync } from 'node:fs';
import { Secret, TOTP, URI } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import { KeychainUnavailableError } from '../../electron/core/secrets';
import { stepAt, totpFor } from '../../electron/core/two-factor/totp';
import { MAX_FAILED_LOGINS } from '../../electron/core/auth/auth-service';
import type { SecretStore } from '../../electron/core';
import {
  ADMIN,
  MEMBER,
  approvedMember,
  asSession,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const ADMIN_LOGIN = { identifier: ADMIN.username, password: ADMIN.password };

/** The code an authenticator app shows for `uri` at `at` (plus `steps` 30-second steps). */
function codeFor(uri: string, at: Date, steps = 0): string {
  return (URI.parse(uri) as TOTP).generate({ timestamp: at.getTime() + steps * 30_000 });
}

/** First run with the default policy: the admin must enrol, and does. */
async function enrolledAdmin(opts: { secretStore?: SecretStore } = {}) {
  t = await makeTestCore({ twoFactorPolicy: true, ...opts });
  await withAdmin(t);
  const started = await t.must('twoFactor:startEnrolment');
  const { recoveryCodes } = await t.must('twoFactor:confirmEnrolment', {
    code: codeFor(started.uri, t.clock.now()),
  });
  return { ...started, recoveryCodes };
}

/** Six minutes on, active all along (no idle lock): past the 5-minute re-authentication window. */
async function pastReauthWindow() {
  t.clock.advanceMinutes(3);
  await t.must('auth:activity');
  t.clock.advanceMinutes(3);
}

function failedCount(username = ADMIN.username): number {
  return (
    t
      .raw()
      .prepare('SELECT failed_login_count AS n FROM staff WHERE username = ?')
      .get(username) as {
      n: number;
    }
  ).n;
}

describe('TOTP as configured (T1)', () => {
  // RFC 6238 Appendix B: SHA-1, seed "12345678901234567890" (ASCII), 30-second step, 8 digits.
  const VECTORS: Array<[number, string]> = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  const seed = Buffer.from('12345678901234567890', 'latin1');

  it.each(VECTORS)('matches RFC 6238 Appendix B at T=%i', (seconds, expected) => {
    const configured = totpFor(seed);
    const eightDigits = new TOTP({
      algorithm: configured.algorithm,
      period: configured.period,
      digits: 8,
      secret: Secret.fromLatin1('12345678901234567890'),
    });
    expect(configured.algorithm).toBe('SHA1');
    expect(configured.period).toBe(30);
    expect(eightDigits.generate({ timestamp: seconds * 1000 })).toBe(expected);
    // Kassa's 6 digits are the same HOTP value modulo 10^6 (RFC 4226 5.3).
    expect(configured.generate({ timestamp: seconds * 1000 })).toBe(expected.slice(2));
  });
});

describe('enrolment', () => {
  it('an admin of a role that requires 2FA can only enrol, then gets codes once', async () => {
    t = await makeTestCore({ twoFactorPolicy: true });
    const session = await withAdmin(t);
    expect(session.twoFactorEnrolmentRequired).toBe(true);
    expect(resultCode(await t.call('staff:list', {}))).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect(await t.must('twoFactor:status')).toMatchObject({
      enrolled: false,
      requiredByRole: true,
    });

    const started = await t.must('twoFactor:startEnrolment');
    const secret = new URL(started.uri).searchParams.get('secret')!;
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/Kassa:ada(%20\(.+\))?\?/);
    expect(new URL(started.uri).searchParams.get('issuer')).toBe('Kassa');
    expect(Secret.fromBase32(secret).bytes.length).toBe(20); // T3: 160 bits
    expect(started.secretGroups.join('')).toBe(secret);
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Not on until confirmed: still enrol-only, sign-in would not ask for a code.
    expect(resultCode(await t.call('staff:list', {}))).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');

    const wrong = await t.call('twoFactor:confirmEnrolment', {
      code: codeFor(started.uri, t.clock.now(), 2),
    });
    expect(resultCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(auditCount(t, 'auth.totp_enrol', 'failure')).toBe(1);

    const { recoveryCodes } = await t.must('twoFactor:confirmEnrolment', {
      code: codeFor(started.uri, t.clock.now()),
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const stored = t.raw().prepare('SELECT code_hash FROM staff_recovery_codes').all() as {
      code_hash: string;
    }[];
    expect(stored).toHaveLength(10);
    for (const c of recoveryCodes)
      expect(stored.some((s) => s.code_hash.includes(c.replace(/-/g, '')))).toBe(false);
    expect(await t.must('staff:list', {})).toBeTruthy();
    expect(await t.must('twoFactor:status')).toMatchObject({
      enrolled: true,
      recoveryCodesLeft: 10,
    });
    expect(auditCount(t, 'auth.totp_enrol_start', 'success')).toBe(1);
    expect(auditCount(t, 'auth.totp_enrol', 'success')).toBe(1);
    // Changing 2FA needs a code: a second enrolment is refused while it is on.
    expect(resultCode(await t.call('twoFactor:startEnrolment'))).toBe('CONFLICT');
  });

  it('refuses enrolment without a keychain, storing nothing', async () => {
    const broken: SecretStore = {
      get: async () => {
        throw new KeychainUnavailableError('get', 'no keychain');
      },
      set: async () => {
        throw new KeychainUnavailableError('set', 'no keychain');
      },
      delete: async () => false,
    };
    t = await makeTestCore({ secretStore: broken });
    await withAdmin(t);
    expect(resultCode(await t.call('twoFactor:startEnrolment'))).toBe('KEYCHAIN_UNAVAILABLE');
    expect(t.raw().prepare('SELECT COUNT(*) AS n FROM staff_totp').get()).toEqual({ n: 0 });
    expect(auditCount(t, 'auth.totp_enrol_start')).toBe(0);
  });

  it('without a keychain the policy cannot be met, so it does not shut the admin out', async () => {
    const broken: SecretStore = {
      get: async () => {
        throw new KeychainUnavailableError('get', 'no keychain');
      },
      set: async () => {
        throw new KeychainUnavailableError('set', 'no keychain');
      },
      delete: async () => false,
    };
    t = await makeTestCore({ twoFactorPolicy: true, secretStore: broken });
    const s = await withAdmin(t);
    expect(s.twoFactorEnrolmentRequired).toBeUndefined();
    expect(resultCode(await t.call('staff:list', {}))).toBe('ok');
  });

  // SQLite only: it reads the file's and the WAL's bytes.
  it.skipIf(ON_POSTGRES)(
    'never stores the seed in plain text: not in the database file nor its WAL',
    async () => {
      const { uri } = await enrolledAdmin();
      const secret = new URL(uri).searchParams.get('secret')!;
      const raw = Buffer.from(Secret.fromBase32(secret).bytes);
      const files = [t.dbPath, `${t.dbPath}-wal`].filter((f) => existsSync(f));
      expect(files.length).toBeGreaterThan(0);
      let searched = 0;
      for (const f of files) {
        const bytes = readFileSync(f);
        searched += bytes.length;
        for (const needle of [
          secret,
          secret.toLowerCase(),
          raw.toString('hex'),
          raw.toString('base64'),
        ])
          expect(bytes.includes(Buffer.from(needle))).toBe(false);
        expect(bytes.includes(raw)).toBe(false);
      }
      expect(searched).toBeGreaterThan(0);
      const row = t.raw().prepare('SELECT seed FROM staff_totp').get() as { seed: string };
      expect(row.seed).toMatch(/^v1\./);
    },
  );

  it('bad input changes nothing', async () => {
    const { uri } = await enrolledAdmin();
    const before = t.raw().prepare('SELECT * FROM staff_totp').get();
    await t.must('auth:logout');
    await t.must('auth:login', ADMIN_LOGIN);
    for (const code of ['12345', 'x'.repeat(41), '12345;', '', 123456, null])
      expect(resultCode(await t.call('twoFactor:signIn', { code } as never))).toBe(
        'VALIDATION_FAILED',
      );
    expect(
      resultCode(await t.call('twoFactor:signIn', { code: '123456', extra: 1 } as never)),
    ).toBe('VALIDATION_FAILED');
    expect(t.raw().prepare('SELECT * FROM staff_totp').get()).toEqual(before);
    expect(failedCount()).toBe(0);
    // The waiting sign-in is still there: the right code goes through.
    t.clock.advance(30_000);
    expect(
      asSession(await t.must('twoFactor:signIn', { code: codeFor(uri, t.clock.now()) })),
    ).toBeTruthy();
  });
});

describe('sign-in with a code', () => {
  it('asks for the code after the password, with no session until then', async () => {
    const { uri } = await enrolledAdmin();
    await t.must('auth:logout');
    const answer = await t.must('auth:login', ADMIN_LOGIN);
    expect(answer).toEqual({ secondFactor: 'totp', until: expect.any(String) });
    expect(await t.must('auth:session')).toEqual({ session: null });
    expect(resultCode(await t.call('staff:list', {}))).toBe('UNAUTHENTICATED');
    t.clock.advance(30_000);
    const session = await t.must('twoFactor:signIn', { code: codeFor(uri, t.clock.now()) });
    expect(session.staff.username).toBe(ADMIN.username);
    expect(session.twoFactorEnrolmentRequired).toBeUndefined();
    expect(auditCount(t, 'auth.totp_challenge')).toBe(1);
  });

  it('accepts ±1 step, refuses ±2, and refuses a replayed code (T1, T2)', async () => {
    const { uri } = await enrolledAdmin();
    await t.must('auth:logout');
    t.clock.advance(5 * 30_000);
    const now = t.clock.now();
    const signIn = async (steps: number) => {
      await t.must('auth:login', ADMIN_LOGIN);
      return resultCode(await t.call('twoFactor:signIn', { code: codeFor(uri, now, steps) }));
    };
    expect(await signIn(-2)).toBe('INVALID_CREDENTIALS');
    expect(await signIn(2)).toBe('INVALID_CREDENTIALS');
    expect(await signIn(-1)).toBe('ok');
    expect(await signIn(0)).toBe('ok');
    // T2: the same code again, or an earlier step, is refused and audited.
    expect(await signIn(0)).toBe('TOTP_CODE_USED');
    expect(await signIn(-1)).toBe('TOTP_CODE_USED');
    expect(auditCount(t, 'auth.totp_replay', 'denied')).toBe(2);
    expect(await signIn(1)).toBe('ok');
    const last = t.raw().prepare('SELECT last_step AS s FROM staff_totp').get() as { s: number };
    expect(last.s).toBe(stepAt(now) + 1);
  });

  it('accepts a recovery code once (T3)', async () => {
    const { recoveryCodes } = await enrolledAdmin();
    await t.must('auth:logout');
    await t.must('auth:login', ADMIN_LOGIN);
    // Typed in lower case without dashes: still the same code.
    const typed = recoveryCodes[3]!.toLowerCase().replace(/-/g, ' ');
    expect(resultCode(await t.call('twoFactor:signIn', { code: typed }))).toBe('ok');
    expect(auditCount(t, 'auth.recovery_code_used')).toBe(1);
    await t.must('auth:logout');
    await t.must('auth:login', ADMIN_LOGIN);
    expect(resultCode(await t.call('twoFactor:signIn', { code: recoveryCodes[3]! }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(resultCode(await t.call('twoFactor:signIn', { code: recoveryCodes[4]! }))).toBe('ok');
    expect(await t.must('twoFactor:status')).toMatchObject({ recoveryCodesLeft: 8 });
  });

  it('counts wrong codes towards the lockout; the right password alone does not reset it (A4)', async () => {
    const { uri } = await enrolledAdmin();
    await t.must('auth:logout');
    for (let round = 0; round < 2; round++) {
      await t.must('auth:login', ADMIN_LOGIN);
      for (let i = 0; i < 4; i++)
        expect(resultCode(await t.call('twoFactor:signIn', { code: '000000' }))).toBe(
          'INVALID_CREDENTIALS',
        );
    }
    expect(failedCount()).toBe(8);
    await t.must('auth:login', ADMIN_LOGIN);
    expect(resultCode(await t.call('twoFactor:signIn', { code: '000001' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(resultCode(await t.call('twoFactor:signIn', { code: '000002' }))).toBe('ACCOUNT_LOCKED');
    expect(auditCount(t, 'auth.lockout')).toBe(1);
    // Locked: the right password and the right code are both refused now.
    expect(resultCode(await t.call('auth:login', ADMIN_LOGIN))).toBe('INVALID_CREDENTIALS');
    expect(
      resultCode(await t.call('twoFactor:signIn', { code: codeFor(uri, t.clock.now()) })),
    ).toBe('NOT_FOUND');
    t.clock.advanceMinutes(31);
    await t.must('auth:login', ADMIN_LOGIN);
    expect(
      resultCode(await t.call('twoFactor:signIn', { code: codeFor(uri, t.clock.now()) })),
    ).toBe('ok');
    expect(failedCount()).toBe(0);
  });

  it('30 parallel guesses: at most the lockout count are decided, the right code among them wins at most once', async () => {
    const { uri } = await enrolledAdmin();
    await t.must('auth:logout');
    t.clock.advance(30_000);
    await t.must('auth:login', ADMIN_LOGIN);
    const right = codeFor(uri, t.clock.now());
    const guesses = Array.from({ length: 30 }, (_, i) =>
      i === 20 ? right : String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const results = await Promise.all(guesses.map((code) => t.call('twoFactor:signIn', { code })));
    const codes = results.map(resultCode);
    const failures = auditCount(t, 'auth.totp_verify', 'failure');
    expect(codes.filter((c) => c === 'ok').length).toBeLessThanOrEqual(1);
    expect(failures).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(failedCount()).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    // Every answer is one of the expected refusals; nothing unexpected.
    for (const c of codes)
      expect(['ok', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'NOT_FOUND']).toContain(c);
    // The right code came 21st: 20 wrong guesses before it locked the account at 10.
    expect(codes[20]).not.toBe('ok');
    expect(auditCount(t, 'auth.lockout')).toBe(1);
  });
});

describe('changing and resetting 2FA', () => {
  it('turning it off needs the password and a current code', async () => {
    const { uri } = await enrolledAdmin();
    t.clock.advance(30_000);
    const code = codeFor(uri, t.clock.now());
    expect(resultCode(await t.call('twoFactor:remove', { password: 'wrong one', code }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(
      resultCode(await t.call('twoFactor:remove', { password: ADMIN.password, code: '000000' })),
    ).toBe('INVALID_CREDENTIALS');
    expect(failedCount()).toBe(2);
    expect(resultCode(await t.call('twoFactor:remove', { password: ADMIN.password, code }))).toBe(
      'ok',
    );
    expect(auditCount(t, 'auth.totp_remove', 'success')).toBe(1);
    expect(t.raw().prepare('SELECT COUNT(*) AS n FROM staff_recovery_codes').get()).toEqual({
      n: 0,
    });
    // The role still requires it: the session is back to enrol-only.
    expect(resultCode(await t.call('staff:list', {}))).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
  });

  it('re-authentication and unlock ask only for the password (S3)', async () => {
    await enrolledAdmin();
    await pastReauthWindow();
    expect(resultCode(await t.call('staff:endSessions', { id: 1 }))).toBe('REAUTH_REQUIRED');
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    await t.must('auth:lock');
    expect((await t.must('auth:unlock', { password: ADMIN.password })).locked).toBe(false);
  });

  it("an admin resets a member's 2FA with re-authentication; it ends their sessions (R1 never bypasses it)", async () => {
    t = await makeTestCore();
    await withAdmin(t);
    const carl = await approvedMember(t);
    const MEMBER_WIN = 4;
    const carlLogin = { identifier: MEMBER.username, password: MEMBER.password };
    await t.must('auth:login', carlLogin, MEMBER_WIN);
    const started = await t.must('twoFactor:startEnrolment', {}, MEMBER_WIN);
    await t.must(
      'twoFactor:confirmEnrolment',
      { code: codeFor(started.uri, t.clock.now()) },
      MEMBER_WIN,
    );

    // R1: a temporary password from an admin still needs the code.
    const { temporaryPassword } = await t.must('staff:resetPassword', { id: carl });
    const answer = await t.must(
      'auth:login',
      { identifier: MEMBER.username, password: temporaryPassword },
      MEMBER_WIN,
    );
    expect(answer).toMatchObject({ secondFactor: 'totp' });
    t.clock.advance(30_000);
    const s = await t.must(
      'twoFactor:signIn',
      { code: codeFor(started.uri, t.clock.now()) },
      MEMBER_WIN,
    );
    expect(s.mustChangePassword).toBe(true);

    // Own reset is refused: turning one's own 2FA off needs a code.
    expect(resultCode(await t.call('twoFactor:reset', { staffId: 1 }))).toBe('SELF_ACTION');
    await pastReauthWindow();
    expect(resultCode(await t.call('twoFactor:reset', { staffId: carl }))).toBe('REAUTH_REQUIRED');
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    await t.must('twoFactor:reset', { staffId: carl });
    expect(auditCount(t, 'staff.reset_totp', 'success')).toBe(1);
    expect(resultCode(await t.call('auth:activity', {}, MEMBER_WIN))).toBe('UNAUTHENTICATED');
    expect(resultCode(await t.call('twoFactor:reset', { staffId: carl }))).toBe('CONFLICT');
    expect(resultCode(await t.call('twoFactor:reset', { staffId: 999 }))).toBe('NOT_FOUND');
  });

  it('an admin sets the per-role policy; members of the role must enrol at their next sign-in', async () => {
    t = await makeTestCore();
    await withAdmin(t);
    await approvedMember(t);
    expect(await t.must('twoFactor:rolePolicies')).toContainEqual({
      roleId: 'cashier',
      required: false,
    });
    await t.must('twoFactor:setRolePolicy', { roleId: 'cashier', required: true });
    expect(auditCount(t, 'staff.totp_policy', 'success')).toBe(1);
    const s = asSession(
      await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 4),
    );
    expect(s.twoFactorEnrolmentRequired).toBe(true);
    expect(resultCode(await t.call('sales:list', {}, 4))).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect(resultCode(await t.call('twoFactor:status', {}, 4))).toBe('ok');
  });

  it('the migration requires 2FA for roles holding staff.manage only', async () => {
    t = await makeTestCore({ twoFactorPolicy: true });
    await withAdmin(t);
    t.clock.advance(0);
    const rows = t.raw().prepare('SELECT id, require_totp AS r FROM roles ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'admin', r: 1 },
      { id: 'cashier', r: 0 },
      { id: 'manager', r: 0 },
    ]);
  });
});
