/**
 * Issue 9, section 7: staff from another system, with the bcrypt hashes that system made
 * (python3-bcrypt, a different implementation from Kassa's bcryptjs). Real SQLite file, fake clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../electron/core/auth/password-hasher';
import { foreignBcrypt, foreignCheck } from '../helpers/foreign-bcrypt';
import { importFile } from '../helpers/import-file';
import {
  asSession,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

const HEADER = 'username,email,display_name,role,password_hash\n';
/** 80 bytes: bcrypt reads only the first 72. */
const LONG = 'a long passphrase typed at the old till, well past the bcrypt limit 1234567890';
/** 70 ASCII bytes, then é (2 bytes) ends exactly at byte 72; é+è share their first byte 0xC3. */
const SPLIT = `${'x'.repeat(71)}é tail`;
/** U+FB01 (ﬁ): NFKC would turn it into "fi"; the old system hashed the raw bytes. */
const LIGATURE = 'ﬁsh and chips 42';

const PASSWORDS = {
  bea: 'bea old till pass 1',
  cem: 'cem old till pass 2',
  dot: 'dot old till pass 3',
  eli: LONG,
  fay: SPLIT,
  gus: LIGATURE,
};

let hashes: Record<keyof typeof PASSWORDS, string>;

beforeAll(() => {
  const made = foreignBcrypt([
    { password: PASSWORDS.bea, cost: 10, variant: '2b' },
    { password: PASSWORDS.cem, cost: 11, variant: '2a' },
    { password: PASSWORDS.dot, cost: 10, variant: '2y' },
    { password: PASSWORDS.eli, cost: 10, variant: '2b' },
    { password: PASSWORDS.fay, cost: 10, variant: '2b' },
    { password: PASSWORDS.gus, cost: 10, variant: '2a' },
  ]);
  hashes = Object.fromEntries(Object.keys(PASSWORDS).map((k, i) => [k, made[i]!])) as never;
});

function csv(rows: string[]): string {
  return HEADER + rows.map((r) => `${r}\n`).join('');
}
const row = (u: keyof typeof PASSWORDS | string, role = 'cashier', hash = '') =>
  `${u},${u}@shop.test,${u.toUpperCase()} Imported,${role},${hash}`;

async function runImport(t: TestCore, text: string, commit: boolean, activate = true) {
  return t.call('staff:import', { ...importFile(text), commit, activate });
}

function stored(t: TestCore, username: string): string {
  const r = t
    .raw()
    .prepare('SELECT password_hash AS h FROM staff WHERE username = ?')
    .get(username);
  return (r as { h: string }).h;
}
function staffCount(t: TestCore): number {
  return (t.raw().prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n;
}

describe('staff import with foreign bcrypt hashes', () => {
  let t: TestCore;
  beforeAll(async () => {
    // The real cost: the upgraded hashes are checked to be Kassa's at cost ≥ 12 (A1).
    t = await makeTestCore({ realPasswordCost: true });
    await withAdmin(t);
  });
  afterAll(() => t.close());

  it('the reference implementation itself agrees with the test data', () => {
    expect(hashes.bea.startsWith('$2b$10$')).toBe(true);
    expect(hashes.cem.startsWith('$2a$11$')).toBe(true);
    expect(hashes.dot.startsWith('$2y$10$')).toBe(true);
    expect(foreignCheck(PASSWORDS.dot, hashes.dot)).toBe(true);
    // python3-bcrypt truncates at 72 bytes: the old system accepted any tail.
    expect(foreignCheck(LONG.slice(0, 72) + 'other tail', hashes.eli)).toBe(true);
  });

  it('a dry run checks every row and changes nothing', async () => {
    const before = staffCount(t);
    const text = csv([
      row('bea', 'cashier', hashes.bea),
      row('cem', 'Manager', hashes.cem),
      row('dot', 'CASHIER', hashes.dot),
      row('eli', 'cashier', hashes.eli),
      row('fay', 'cashier', hashes.fay),
      row('gus', 'cashier', hashes.gus),
      row('hal', 'cashier'),
    ]);
    const r = await runImport(t, text, false);
    expect(resultCode(r)).toBe('ok');
    if (!r.ok) return;
    expect(r.data).toMatchObject({ rows: 7, accepted: 7, created: 0, rejectedCount: 0 });
    expect(r.data.withPasswordHash).toBe(6);
    expect(r.data.temporaryPasswords).toEqual([]);
    expect(staffCount(t)).toBe(before);
    expect(auditCount(t, 'staff.import')).toBe(0);
  });

  it('a commit writes every member; hashes are kept as bcrypt-legacy; hashless get a temporary password', async () => {
    const before = staffCount(t);
    const text = csv([
      row('bea', 'cashier', hashes.bea),
      row('cem', 'Manager', hashes.cem),
      row('dot', 'CASHIER', hashes.dot),
      row('eli', 'cashier', hashes.eli),
      row('fay', 'cashier', hashes.fay),
      row('gus', 'cashier', hashes.gus),
      row('hal', 'cashier'),
    ]);
    const r = await runImport(t, text, true);
    expect(resultCode(r)).toBe('ok');
    if (!r.ok) return;
    expect(r.data.created).toBe(7);
    expect(staffCount(t)).toBe(before + 7);
    expect(stored(t, 'bea')).toBe(`bcrypt-legacy:${hashes.bea}`);
    expect(stored(t, 'dot')).toBe(`bcrypt-legacy:${hashes.dot}`);
    const roles = t
      .raw()
      .prepare("SELECT role_id AS r, status FROM staff WHERE username = 'cem'")
      .get();
    expect(roles).toEqual({ r: 'manager', status: 'active' });
    expect(r.data.temporaryPasswords.map((p) => p.username)).toEqual(['hal']);
    expect(r.data.temporaryPasswordsExpireAt).toBe('2026-11-23T09:10:00.000Z');
    expect(auditCount(t, 'staff.import')).toBe(1);
    expect(auditCount(t, 'staff.create')).toBe(7);
    // The temporary password works once and must be changed (R1).
    const hal = asSession(
      await t.must(
        'auth:login',
        { identifier: 'hal', password: r.data.temporaryPasswords[0]!.temporaryPassword },
        30,
      ),
    );
    expect(hal.mustChangePassword).toBe(true);
  });

  it.each<['bea' | 'cem' | 'dot', string]>([
    ['bea', '$2b$'],
    ['cem', '$2a$'],
    ['dot', '$2y$'],
  ])('%s (%s) signs in with the old password; the hash becomes Kassa’s at cost ≥ 12', async (u) => {
    const wrong = await t.call('auth:login', { identifier: u, password: 'not the password' }, 31);
    expect(resultCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(stored(t, u).startsWith('bcrypt-legacy:')).toBe(true);
    const s = asSession(await t.must('auth:login', { identifier: u, password: PASSWORDS[u] }, 31));
    expect(s.staff.username).toBe(u);
    const now = stored(t, u);
    expect(now.startsWith('sha256-bcrypt:$2b$')).toBe(true);
    expect(PasswordHasher.rounds(now)).toBeGreaterThanOrEqual(12);
    // The upgraded hash still takes the same password, and still refuses a wrong one.
    await t.must('auth:login', { identifier: u, password: PASSWORDS[u] }, 31);
    expect(
      resultCode(await t.call('auth:login', { identifier: u, password: 'nope nope' }, 31)),
    ).toBe('INVALID_CREDENTIALS');
  });

  it('a legacy hash is verified as bcrypt did: the first 72 bytes, until the rehash', async () => {
    // eli's old system ignored everything past byte 72, so a different tail signs in once...
    const sameStart = LONG.slice(0, 72) + ' and another tail';
    await t.must('auth:login', { identifier: 'eli', password: sameStart }, 32);
    // ...and the rehash stores what was typed, whole (A2: no truncation from now on).
    expect(stored(t, 'eli').startsWith('sha256-bcrypt:')).toBe(true);
    await t.must('auth:login', { identifier: 'eli', password: sameStart }, 32);
    expect(resultCode(await t.call('auth:login', { identifier: 'eli', password: LONG }, 32))).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('the 72nd byte may split a character, as in every C bcrypt', async () => {
    // é and è are C3 A9 and C3 A8: byte 72 is C3 for both.
    expect(foreignCheck(`${'x'.repeat(71)}è`, hashes.fay)).toBe(true);
    await t.must('auth:login', { identifier: 'fay', password: `${'x'.repeat(71)}è` }, 33);
  });

  it('no NFKC for a legacy hash: the ligature is not "fi"', async () => {
    const nfkc = LIGATURE.normalize('NFKC');
    expect(nfkc).not.toBe(LIGATURE);
    expect(resultCode(await t.call('auth:login', { identifier: 'gus', password: nfkc }, 34))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(stored(t, 'gus').startsWith('bcrypt-legacy:')).toBe(true);
    await t.must('auth:login', { identifier: 'gus', password: LIGATURE }, 34);
    expect(stored(t, 'gus').startsWith('sha256-bcrypt:')).toBe(true);
  });
});

describe('staff import refusals: one bad row refuses the whole file', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterAll(() => t.close());

  const BAD: [string, string, RegExp][] = [
    ['md5', '5f4dcc3b5aa765d61d8327deb882cf99', /unsalted MD5/],
    ['md5crypt', '$1$saltsalt$qjXMvbEw8oaL.CzflDugX/', /MD5-crypt/],
    ['sha1', '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8', /unsalted SHA-1/],
    ['sha512crypt', '$6$rounds=5000$salt$abc', /SHA-512-crypt/],
    ['argon2', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo', /Argon2/],
    ['cost9', '$2b$09$VKVMWSy22yw7JO6bAz1uiuMkFlRgw0pmybcb4xsLMLM3Tq.FJjacW', /cost 9 is too low/],
    ['cost32', '$2b$32$VKVMWSy22yw7JO6bAz1uiuMkFlRgw0pmybcb4xsLMLM3Tq.FJjacW', /cost 32/],
    [
      'twox',
      '$2x$10$VKVMWSy22yw7JO6bAz1uiuMkFlRgw0pmybcb4xsLMLM3Tq.FJjacW',
      /\$2x\$ is not supported/,
    ],
    ['short', '$2b$10$VKVMWSy22yw7JO6bAz1uiuMk', /damaged bcrypt/],
    ['junk', 'hunter2', /not a bcrypt hash/],
  ];

  it.each(BAD)('%s: refused with its line and reason; nothing written', async (name, hash, why) => {
    const before = staffCount(t);
    const audits = auditCount(t, 'staff.create');
    const text = csv([row('ok1', 'cashier', hashes.bea), row(`x${name}`, 'cashier', `"${hash}"`)]);
    const dry = await runImport(t, text, false);
    expect(resultCode(dry)).toBe('ok');
    if (!dry.ok) return;
    expect(dry.data.accepted).toBe(1);
    expect(dry.data.rejected).toHaveLength(1);
    expect(dry.data.rejected[0]!.line).toBe(3);
    expect(dry.data.rejected[0]!.reason).toMatch(why);
    const commit = await runImport(t, text, true);
    expect(resultCode(commit)).toBe('IMPORT_REJECTED');
    if (commit.ok) return;
    expect(commit.error.message).toMatch(/Nothing was imported/);
    expect(commit.error.message).toMatch(/line 3: /);
    expect(commit.error.message).toMatch(why);
    expect(staffCount(t)).toBe(before);
    expect(auditCount(t, 'staff.create')).toBe(audits);
    expect(auditCount(t, 'staff.import')).toBe(0);
  });

  it('refuses repeats in the file and members that already exist, and unknown roles', async () => {
    const before = staffCount(t);
    const text = csv([
      row('ana', 'cashier'),
      row('ana', 'cashier'), // username repeated (and email)
      'ben,ANA@shop.test,Ben,cashier,', // email repeated, in another case
      'ada,new@shop.test,Ada Again,cashier,', // the admin's username
      'cal,ada@shop.test,Cal,cashier,', // the admin's email
      row('dee', 'supervisor'), // no such role
      row('eve', 'Admin'), // by name: fine
    ]);
    const dry = await runImport(t, text, false);
    expect(resultCode(dry)).toBe('ok');
    if (!dry.ok) return;
    const reasons = Object.fromEntries(dry.data.rejected.map((r) => [r.line, r.reason]));
    expect(reasons[3]).toMatch(/Username ana is repeated \(first on line 2\)/);
    expect(reasons[3]).toMatch(/Email ana@shop.test is repeated/);
    expect(reasons[4]).toMatch(/Email ana@shop.test is repeated \(first on line 2\)/);
    expect(reasons[5]).toMatch(/Username ada is already taken/);
    expect(reasons[6]).toMatch(/Email ada@shop.test is already in use/);
    expect(reasons[7]).toMatch(/no role has the id or name "supervisor"/);
    expect(dry.data.accepted).toBe(2);
    expect(resultCode(await runImport(t, text, true))).toBe('IMPORT_REJECTED');
    expect(staffCount(t)).toBe(before);
  });

  it('bad fields and a wrong header are refused; pending members cannot sign in yet', async () => {
    const bad = await runImport(t, csv(['x,not-an-email,,cashier,']), false);
    expect(resultCode(bad)).toBe('ok');
    if (bad.ok) expect(bad.data.rejected[0]!.reason).toMatch(/username|email|display_name/);
    const header = await runImport(t, 'user,email\nx,y\n', false);
    expect(resultCode(header)).toBe('IMPORT_REJECTED');

    const pending = await runImport(t, csv([row('pia', 'cashier', hashes.bea)]), true, false);
    expect(resultCode(pending)).toBe('ok');
    const r = await t.call('auth:login', { identifier: 'pia', password: PASSWORDS.bea }, 40);
    expect(resultCode(r)).toBe('ACCOUNT_PENDING');
  });

  it('needs staff.manage and the password within 5 minutes (S3)', async () => {
    t.clock.advanceMinutes(4);
    await t.must('auth:activity', {});
    t.clock.advanceMinutes(2);
    const r = await runImport(t, csv([row('zed', 'cashier', hashes.bea)]), false);
    expect(resultCode(r)).toBe('REAUTH_REQUIRED');
    await t.must('auth:reauthenticate', { password: 'correct horse battery' });
    expect(resultCode(await runImport(t, csv([row('zed', 'cashier', hashes.bea)]), false))).toBe(
      'ok',
    );
    // A cashier may not import staff (A7).
    expect(resultCode(await runImport(t, csv([row('cas', 'cashier', hashes.bea)]), true))).toBe(
      'ok',
    );
    await t.must('auth:login', { identifier: 'cas', password: PASSWORDS.bea }, 41);
    const forbidden = await t.call(
      'staff:import',
      { ...importFile(csv([row('zzz')])), commit: false, activate: true },
      41,
    );
    expect(resultCode(forbidden)).toBe('FORBIDDEN');
  });
});
