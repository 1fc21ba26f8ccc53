/**
 * A8: checks hold under concurrency. Calls fired at once at the same account, and a demotion
 * racing a call, on the real core; sessions follow the staff row on every till sharing the file.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importFile } from '../helpers/import-file';
import {
  asSession,
  ADMIN,
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

const tick = () => new Promise((resolve) => setImmediate(resolve));

const BEA = {
  username: 'bea',
  email: 'bea@shop.test',
  displayName: 'Bea Second-Admin',
  password: 'second admin passphrase',
};

const login = (
  t: TestCore,
  who: { username: string; password: string },
  win: number,
  pw?: string,
) => t.call('auth:login', { identifier: who.username, password: pw ?? who.password }, win);

describe('lockout under concurrent guesses (A4, A8)', () => {
  it('30 guesses at once: at most 10 count before the lock, and the right password after them is refused', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await approvedMember(t);
    // 29 wrong passwords and then the right one, all sent at the same time from 30 windows.
    const guesses = Array.from({ length: 30 }, (_, i) =>
      login(t, MEMBER, 100 + i, i < 29 ? `wrong guess ${i}` : undefined),
    );
    const answers = (await Promise.all(guesses)).map(resultCode);
    expect(answers.every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(auditCount(t, 'auth.login', 'failure')).toBe(10);
    expect(auditCount(t, 'auth.lockout')).toBe(1);
    const row = t
      .raw()
      .prepare('SELECT failed_login_count AS n, locked_until AS u FROM staff WHERE username = ?')
      .get(MEMBER.username) as { n: number; u: string | null };
    expect(row.n).toBe(10);
    expect(row.u).not.toBeNull();
    // No window got a session, and the right password is still refused.
    expect(resultCode(await login(t, MEMBER, 200))).toBe('INVALID_CREDENTIALS');
    for (let i = 0; i < 30; i++)
      expect((await t.must('auth:session', {}, 100 + i)).session).toBeNull();
    await t.close();
  }, 60_000);

  it('unlock attempts at once count toward the lock the same way (confirmPassword)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    await t.must('auth:lock', {}, 2);
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        t.call('auth:unlock', { password: `wrong ${i}` }, 2).then(resultCode),
      ),
    );
    expect(auditCount(t, 'auth.unlock', 'failure')).toBe(10);
    expect(answers.filter((c) => c === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(1);
    expect(resultCode(await login(t, MEMBER, 3))).toBe('INVALID_CREDENTIALS');
    await t.close();
  }, 60_000);

  it('a failed sign-in on a window that has a session leaves that session alone', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    expect(resultCode(await login(t, ADMIN, 1, 'not my password'))).toBe('INVALID_CREDENTIALS');
    expect(resultCode(await login(t, { ...ADMIN, username: 'nobody' }, 1))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(resultCode(await t.call('staff:list', {}))).toBe('ok');
    await t.close();
  });
});

/** Admin Ada on window 1 and a second admin, Bea, on window 2. */
async function twoAdmins(t: TestCore) {
  await withAdmin(t);
  const bea = await approvedMember(t, BEA);
  await t.must('staff:setRole', { id: bea, role: 'admin' });
  await t.must('auth:login', { identifier: BEA.username, password: BEA.password }, 2);
  return bea;
}

describe('permissions are checked when a call runs, not when it arrives (A7, A8)', () => {
  it('a call queued behind a demotion that commits first is refused', async () => {
    const t = await makeTestCore();
    const bea = await twoAdmins(t);
    const demote = t.call('staff:setRole', { id: bea, role: 'cashier' }, 1);
    const create = t.call(
      'staff:create',
      {
        username: 'sneaky',
        email: 'sneaky@shop.test',
        displayName: 'Sneaky',
        role: 'admin',
        approve: true,
      },
      2,
    );
    expect(resultCode(await demote)).toBe('ok');
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(resultCode(await create));
    const made = t.raw().prepare("SELECT COUNT(*) AS n FROM staff WHERE username = 'sneaky'").get();
    expect(made).toEqual({ n: 0 });
    await t.close();
  });

  it('an admin who demotes themself loses the admin permissions in the live session at once', async () => {
    const t = await makeTestCore();
    await twoAdmins(t);
    const ada = (await t.must('auth:session', {}, 1)).session!.staff.id;
    await t.must('staff:setRole', { id: ada, role: 'cashier' }, 1);
    expect(resultCode(await t.call('staff:list', {}, 1))).toBe('FORBIDDEN');
    const session = (await t.must('auth:session', {}, 1)).session!;
    expect(session.staff.role).toBe('cashier');
    expect(session.permissions).not.toContain('staff.manage');
    await t.close();
  });
});

describe('a bulk import re-checks its importer inside its own commit (A8, F3)', () => {
  it('an admin demoted while her import waits imports nothing, on either engine', async () => {
    const t = await makeTestCore();
    const bea = await twoAdmins(t);
    const csv = (prefix: string, n: number) => {
      const lines = ['name,email'];
      for (let i = 0; i < n; i++) lines.push(`${prefix} ${i},${prefix}${i}@shop.test`);
      return `${lines.join('\n')}\n`;
    };
    // Ada's import holds the write queue while it checks and writes its rows; Bea's import
    // passes the gate as an admin and waits behind it for its turn (imports run one at a time).
    // Bea's demotion is queued while Ada's import still runs, so it commits before Bea's import
    // begins its own transaction, whatever the engine's round trips: only the re-check inside
    // that transaction can refuse it.
    const adaJob = randomUUID();
    const adas = t.call(
      'customers:import',
      { ...importFile(csv('ada', 20_000), adaJob), commit: true },
      1,
    );
    while ((await t.must('import:progress', { jobId: adaJob }, 1)).progress?.phase !== 'writing')
      await tick();
    const beaJob = randomUUID();
    const beas = t.call(
      'customers:import',
      { ...importFile(csv('bea', 10), beaJob), commit: true },
      2,
    );
    while (!(await t.must('import:progress', { jobId: beaJob }, 2)).progress) await tick();
    const demotion = t.call('staff:setRole', { id: bea, role: 'cashier' }, 1);
    expect(
      (await t.must('import:progress', { jobId: adaJob }, 1)).progress?.phase,
      "Ada's import ended before the demotion was queued: the test came too late",
    ).toBe('writing');
    expect(resultCode(await demotion)).toBe('ok');
    expect(resultCode(await adas)).toBe('ok');
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(resultCode(await beas));
    const imported = t.raw().prepare("SELECT COUNT(*) AS n FROM customers WHERE name LIKE 'bea %'");
    expect(imported.get()).toEqual({ n: 0 });
    await t.close();
  }, 60_000);
});

describe('sessions follow the staff row on every till sharing the file (A8, S3)', () => {
  async function twoTills() {
    const a = await makeTestCore();
    await withAdmin(a);
    const carl = await approvedMember(a);
    const b = await makeTestCore({ dir: a.dir, terminalName: 'till-2', clock: a.clock });
    await b.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 7);
    expect(resultCode(await b.call('sales:list', {}, 7))).toBe('ok');
    return { a, b, carl };
  }

  it('disabling a member on till 1 ends their session on till 2 at its next call', async () => {
    const { a, b, carl } = await twoTills();
    await a.must('staff:disable', { id: carl });
    expect(resultCode(await b.call('sales:list', {}, 7))).toBe('UNAUTHENTICATED');
    expect((await b.must('auth:session', {}, 7)).session).toBeNull();
    await b.close();
    await a.close();
  });

  it('"end sessions", a role change and a password reset on till 1 end the session on till 2', async () => {
    for (const change of ['staff:endSessions', 'staff:setRole', 'staff:resetPassword'] as const) {
      const { a, b, carl } = await twoTills();
      if (change === 'staff:setRole') await a.must(change, { id: carl, role: 'manager' });
      else await a.must(change, { id: carl });
      expect(resultCode(await b.call('sales:list', {}, 7)), change).toBe('UNAUTHENTICATED');
      await b.close();
      await a.close();
    }
  }, 60_000);

  it("a password change on till 2 ends the member's other sessions on till 1, and keeps its own", async () => {
    const { a, b } = await twoTills();
    await a.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 3);
    await b.must(
      'auth:changePassword',
      { currentPassword: MEMBER.password, newPassword: 'a brand new passphrase 7' },
      7,
    );
    expect(resultCode(await a.call('sales:list', {}, 3))).toBe('UNAUTHENTICATED');
    expect(resultCode(await b.call('sales:list', {}, 7))).toBe('ok');
    await b.close();
    await a.close();
  });

  it('after a role change on till 1 the member signs in again on till 2 with the new rights', async () => {
    const { a, b, carl } = await twoTills();
    await a.must('staff:setRole', { id: carl, role: 'manager' });
    const again = asSession(
      await b.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 7),
    );
    expect(again.staff.role).toBe('manager');
    expect(again.permissions).toContain('sales.void');
    await b.close();
    await a.close();
  });
});
