/**
 * R1, item 9: a forced password change within 10 minutes of the sign-in with a temporary password
 * needs only the new password. Anywhere else (a normal session, after the 10 minutes, or once the
 * change is done) the current password is required, by the core, not only by the screen.
 */
import {
  ADMIN,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

const MEMBER_WIN = 2;
const NEW_PASSWORD = 'dora picks her own words';

/** An admin-created member signed in with their temporary password on MEMBER_WIN. */
async function forcedChangeSession(t: TestCore) {
  await withAdmin(t);
  const created = await t.must('staff:create', {
    username: 'dora',
    email: 'dora@shop.test',
    displayName: 'Dora Deputy',
    role: 'cashier',
    approve: true,
  });
  const session = await t.must(
    'auth:login',
    { identifier: 'dora', password: created.temporaryPassword },
    MEMBER_WIN,
  );
  return { session, temporary: created.temporaryPassword };
}

/** Keeps the session from idle-locking (5 minutes) while the clock moves on `minutes`. */
async function staysActive(t: TestCore, minutes: number) {
  for (let i = 0; i < minutes; i++) {
    t.clock.advanceMinutes(1);
    await t.must('auth:activity', {}, MEMBER_WIN);
  }
}

const changeWithoutCurrent = (t: TestCore, win = MEMBER_WIN, newPassword = NEW_PASSWORD) =>
  t.call('auth:changePassword', { newPassword }, win);

describe('a forced password change (R1)', () => {
  let t: TestCore;
  beforeEach(async () => (t = await makeTestCore()));
  afterEach(() => t.close());

  it('needs only the new password within 10 minutes of the sign-in, and says until when', async () => {
    const { session } = await forcedChangeSession(t);
    expect(session).toMatchObject({
      mustChangePassword: true,
      changeWithoutCurrentUntil: '2026-11-23T09:10:00.000Z',
    });
    await staysActive(t, 9);
    const after = await t.must('auth:changePassword', { newPassword: NEW_PASSWORD }, MEMBER_WIN);
    expect(after.mustChangePassword).toBe(false);
    expect(after.changeWithoutCurrentUntil).toBeUndefined();
    expect(resultCode(await t.call('sales:list', {}, MEMBER_WIN))).toBe('ok');
    expect(
      t
        .raw()
        .prepare("SELECT detail FROM audit_events WHERE action = 'auth.password_change'")
        .all(),
    ).toEqual([{ detail: 'forced change, within 10 minutes of sign-in' }]);
    expect(
      resultCode(await t.call('auth:login', { identifier: 'dora', password: NEW_PASSWORD }, 5)),
    ).toBe('ok');
  });

  it('needs the current password once 10 minutes have passed', async () => {
    const { temporary } = await forcedChangeSession(t);
    await staysActive(t, 10);
    expect((await t.must('auth:session', {}, MEMBER_WIN)).session).toMatchObject({
      mustChangePassword: true,
    });
    expect((await t.must('auth:session', {}, MEMBER_WIN)).session).not.toHaveProperty(
      'changeWithoutCurrentUntil',
    );
    expect(await changeWithoutCurrent(t)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'currentPassword' }] },
    });
    expect(auditCount(t, 'auth.password_change')).toBe(0);
    // The temporary password still does it.
    await t.must(
      'auth:changePassword',
      { currentPassword: temporary, newPassword: NEW_PASSWORD },
      MEMBER_WIN,
    );
  });

  it('a normal session always needs the current password', async () => {
    await withAdmin(t);
    const r = await changeWithoutCurrent(t, 1);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'currentPassword' }] },
    });
    expect(
      resultCode(
        await t.call('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 4),
      ),
    ).toBe('ok');
    expect(auditCount(t, 'auth.password_change')).toBe(0);
  });

  it('refuses the temporary password as the new one', async () => {
    const { temporary } = await forcedChangeSession(t);
    expect(await changeWithoutCurrent(t, MEMBER_WIN, temporary)).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD', issues: [{ path: 'newPassword' }] },
    });
  });

  it('of two racing changes without the current password, only the first is taken', async () => {
    await forcedChangeSession(t);
    const [first, second] = await Promise.all([
      changeWithoutCurrent(t, MEMBER_WIN, NEW_PASSWORD),
      changeWithoutCurrent(t, MEMBER_WIN, 'someone else typed this'),
    ]);
    expect(resultCode(first)).toBe('ok');
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'currentPassword' }] },
    });
    expect(auditCount(t, 'auth.password_change', 'success')).toBe(1);
    expect(
      resultCode(await t.call('auth:login', { identifier: 'dora', password: NEW_PASSWORD }, 5)),
    ).toBe('ok');
  });

  it('a second change after the forced one needs the current password', async () => {
    await forcedChangeSession(t);
    await t.must('auth:changePassword', { newPassword: NEW_PASSWORD }, MEMBER_WIN);
    expect(resultCode(await changeWithoutCurrent(t, MEMBER_WIN, 'yet another passphrase'))).toBe(
      'VALIDATION_FAILED',
    );
  });
});
