/**
 * The member's own profile (issue 9, section 3) on real SQLite files: own data only, bad input
 * changes nothing, phones in E.164 like customers', and "end the others" that reaches every till
 * without touching anyone else's sessions.
 */
import {
  ADMIN,
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

const ME = 2; // the member's window
const login = (t: TestCore, who: { username: string; password: string }, windowId: number) =>
  t.must('auth:login', { identifier: who.username, password: who.password }, windowId);

async function setUp() {
  const t = await makeTestCore();
  await withAdmin(t);
  const memberId = await approvedMember(t);
  await login(t, MEMBER, ME);
  return { t, memberId };
}

function staffRow(t: TestCore, id: number) {
  return t.raw().prepare('SELECT * FROM staff WHERE id = ?').get(id) as Record<string, unknown>;
}

describe('profile details', () => {
  it('a changed phone or e-mail must be verified again; the other keeps its verified time', async () => {
    const { t, memberId } = await setUp();
    const at = '2026-11-20T09:00:00.000Z';
    const markVerified = (column: string) => {
      // A second connection, as another till would write (the core holds its own).
      const db = t.writable();
      try {
        db.prepare(`UPDATE staff SET ${column} = ? WHERE id = ?`).run(at, memberId);
      } finally {
        db.close();
      }
    };
    markVerified('email_verified_at');
    markVerified('phone_verified_at');
    await t.must(
      'profile:update',
      { displayName: MEMBER.displayName, email: MEMBER.email, phone: '07700 900123' },
      ME,
    );
    // Setting a phone where there was none counts as a change of phone only.
    expect(staffRow(t, memberId)).toMatchObject({ email_verified_at: at, phone_verified_at: null });
    markVerified('phone_verified_at');
    await t.must(
      'profile:update',
      { displayName: MEMBER.displayName, email: 'new.me@shop.test', phone: '+447700900123' },
      ME,
    );
    expect(staffRow(t, memberId)).toMatchObject({ email_verified_at: null, phone_verified_at: at });
    await t.close();
  });

  it("shows and edits the caller's own details; the phone is stored in E.164", async () => {
    const { t, memberId } = await setUp();
    expect(await t.must('profile:get', {}, ME)).toEqual({
      id: memberId,
      username: MEMBER.username,
      displayName: MEMBER.displayName,
      email: MEMBER.email,
      phone: null,
    });
    const updated = await t.must(
      'profile:update',
      { displayName: 'Carl C.', email: 'carl.c@shop.test', phone: '07700 900123' },
      ME,
    );
    expect(updated).toMatchObject({
      displayName: 'Carl C.',
      email: 'carl.c@shop.test',
      phone: '+447700900123',
    });
    expect(staffRow(t, memberId)).toMatchObject({
      phone: '+447700900123',
      email: 'carl.c@shop.test',
    });
    // The header follows the new name.
    expect((await t.must('auth:session', {}, ME)).session?.staff.displayName).toBe('Carl C.');
    expect(auditCount(t, 'profile.update', 'success')).toBe(1);
    // The same values again, in another notation, change nothing and audit nothing.
    await t.must('profile:update', { phone: '+44 7700 900123', displayName: 'Carl C.' }, ME);
    expect(auditCount(t, 'profile.update')).toBe(1);
    // '' removes the phone.
    expect((await t.must('profile:update', { phone: '' }, ME)).phone).toBeNull();
    // The admin's own row is untouched by all of it.
    const admin = await t.must('profile:get', {}, 1);
    expect(admin).toMatchObject({ username: ADMIN.username, email: ADMIN.email, phone: null });
    await t.close();
  });

  it('a taken e-mail is CONFLICT on the field and changes nothing', async () => {
    const { t, memberId } = await setUp();
    const before = staffRow(t, memberId);
    const r = await t.call('profile:update', { email: ADMIN.email, displayName: 'New' }, ME);
    expect(resultCode(r)).toBe('CONFLICT');
    expect(r.ok ? [] : r.error.issues?.map((i) => i.path)).toEqual(['email']);
    expect(staffRow(t, memberId)).toEqual(before);
    expect(auditCount(t, 'profile.update')).toBe(0);
    await t.close();
  });

  it("bad input is refused and changes nothing; no payload can name another member's record", async () => {
    const { t, memberId } = await setUp();
    const before = t.raw().prepare('SELECT * FROM staff ORDER BY id').all();
    for (const bad of [
      {},
      { email: 'not-an-email' },
      { phone: 'call me' },
      { phone: '12' },
      { displayName: '' },
      { displayName: 'x'.repeat(81) },
      { displayName: 'Bad\u202eName' },
      { id: 1, displayName: 'Hijack' },
      { staffId: 1, email: 'hijack@shop.test' },
      { username: 'newname' },
    ])
      expect(
        resultCode(await t.call('profile:update', bad as never, ME)),
        JSON.stringify(bad),
      ).toBe('VALIDATION_FAILED');
    expect(resultCode(await t.call('profile:endOtherSessions', { id: 1 } as never, ME))).toBe(
      'VALIDATION_FAILED',
    );
    expect(t.raw().prepare('SELECT * FROM staff ORDER BY id').all()).toEqual(before);
    expect(staffRow(t, memberId)['display_name']).toBe(MEMBER.displayName);
    await t.close();
  });

  it('signed out, every profile channel is UNAUTHENTICATED', async () => {
    const { t } = await setUp();
    for (const c of [
      'profile:get',
      'profile:signIns',
      'profile:sessions',
      'profile:endOtherSessions',
    ] as const)
      expect(resultCode(await t.call(c, {}, 7)), c).toBe('UNAUTHENTICATED');
    expect(resultCode(await t.call('profile:update', { displayName: 'X' }, 7))).toBe(
      'UNAUTHENTICATED',
    );
    await t.close();
  });
});

describe('recent sign-ins', () => {
  it("lists the caller's own attempts only, newest first, with till and outcome", async () => {
    const { t } = await setUp();
    await t.call('auth:login', { identifier: MEMBER.username, password: 'wrong password 1' }, 5);
    await login(t, ADMIN, 6);
    await t.call('auth:login', { identifier: ADMIN.username, password: 'wrong again 22' }, 5);
    const { items } = await t.must('profile:signIns', {}, ME);
    expect(items.map((i) => i.outcome)).toEqual(['failure', 'success']);
    expect(items.every((i) => i.terminal === 'till-1' && i.action === 'auth.login')).toBe(true);
    const admin = (await t.must('profile:signIns', {}, 1)).items;
    expect(admin.map((i) => i.outcome)).toEqual(['failure', 'success']);
    await t.close();
  });

  it('keeps the 20 newest', async () => {
    const { t } = await setUp();
    for (let i = 0; i < 22; i++) await login(t, MEMBER, 10 + i);
    const { items } = await t.must('profile:signIns', {}, ME);
    expect(items).toHaveLength(20);
    expect(items[0]!.at >= items[19]!.at).toBe(true);
    await t.close();
  });
});

describe('open sessions and "end the others"', () => {
  it("lists the caller's sessions (current first) and ends the others, never anyone else's", async () => {
    const { t } = await setUp();
    await login(t, MEMBER, 3);
    t.clock.advanceMinutes(1);
    await login(t, MEMBER, 4);
    const { items } = await t.must('profile:sessions', {}, 3);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ current: true, terminal: 'till-1', locked: false });
    expect(items.filter((i) => i.current)).toHaveLength(1);
    expect((await t.must('profile:sessions', {}, 1)).items).toHaveLength(1);

    expect(await t.must('profile:endOtherSessions', {}, 3)).toEqual({ endedHere: 2 });
    expect(resultCode(await t.call('profile:get', {}, ME))).toBe('UNAUTHENTICATED');
    expect(resultCode(await t.call('profile:get', {}, 4))).toBe('UNAUTHENTICATED');
    // The caller's own session and the admin's go on.
    expect((await t.must('profile:sessions', {}, 3)).items).toHaveLength(1);
    expect((await t.must('profile:get', {}, 1)).username).toBe(ADMIN.username);
    expect(auditCount(t, 'profile.end_other_sessions', 'success')).toBe(1);
    // Ten times in a row: each leaves exactly the caller's session.
    for (let i = 0; i < 10; i++) {
      await login(t, MEMBER, 20 + i);
      expect((await t.must('profile:endOtherSessions', {}, 3)).endedHere).toBe(1);
    }
    expect((await t.must('profile:sessions', {}, 3)).items).toHaveLength(1);
    await t.close();
  });

  it("ends the caller's sessions on another till sharing the file (A8)", async () => {
    const { t } = await setUp();
    const till2 = await makeTestCore({ dir: t.dir, clock: t.clock, terminalName: 'till-2' });
    await till2.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 1);
    await till2.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 2);
    await t.must('profile:endOtherSessions', {}, ME);
    expect(resultCode(await till2.call('profile:get', {}, 1))).toBe('UNAUTHENTICATED');
    expect((await till2.must('profile:get', {}, 2)).username).toBe(ADMIN.username);
    expect((await t.must('profile:get', {}, ME)).username).toBe(MEMBER.username);
    await till2.core.close();
    await t.close();
  });
});
