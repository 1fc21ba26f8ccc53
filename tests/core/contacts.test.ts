/**
 * Issue 9, section 4: a member verifies their e-mail with a 6-digit code that a real SMTP server
 * on loopback receives from nodemailer. Codes: hashed, single use, 10 minutes, 5 wrong tries,
 * one a minute and five an hour; a changed address is unverified again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  approvedMember,
  auditCount,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const W = 2; // the member's window

let t: TestCore;
let smtp: TestSmtpServer;
let memberId: number;

async function useServer(server: { host: string; port: number }) {
  await t.must('mail:updateSettings', {
    host: server.host,
    port: server.port,
    tls: 'none',
    user: '',
    from: 'till@shop.test',
  });
}

/** The six digits in the `n`th message. */
async function codeFrom(n: number): Promise<string> {
  const mail = await smtp.waitFor(n);
  const m = /\b(\d{6})\b/.exec(mail.text);
  if (!m) throw new Error(`no code in: ${mail.text}`);
  return m[1]!;
}

/** Lets `ms` pass while the member keeps the till busy (the idle lock is 5 minutes, S2). */
async function pass(ms: number) {
  for (let left = ms; left > 0; left -= 240_000) {
    t.clock.advance(Math.min(left, 240_000));
    await t.must('auth:activity', {}, W);
    // The admin's window too, where it is still unlocked (the staff list is read after some waits).
    await t.call('auth:activity', {}, 1);
  }
}

/** A six-digit code that is not `code`. */
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function codeRows() {
  return t.raw().prepare('SELECT * FROM verification_codes ORDER BY id').all() as Array<{
    code_hash: string;
    attempts: number;
    closed_at: string | null;
    target: string;
  }>;
}

function verifiedAt(): string | null {
  return (
    t.raw().prepare('SELECT email_verified_at AS v FROM staff WHERE id = ?').get(memberId) as {
      v: string | null;
    }
  ).v;
}

beforeEach(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  smtp = await startSmtpServer();
  await useServer(smtp);
  memberId = await approvedMember(t);
  await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

describe('verifying an e-mail address', () => {
  it('the real message arrives, and the code in it verifies the address', async () => {
    expect(await t.must('contacts:status', {}, W)).toEqual({
      email: MEMBER.email,
      emailVerifiedAt: null,
      emailCodeExpiresAt: null,
      mailAvailable: true,
      phone: null,
      phoneVerifiedAt: null,
      phoneCodeExpiresAt: null,
      smsAvailable: false,
    });
    const sent = await t.must('contacts:sendEmailCode', {}, W);
    expect(sent).toEqual({
      sentTo: MEMBER.email,
      expiresAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    const mail = await smtp.waitFor(1);
    expect(mail.to).toEqual([MEMBER.email]);
    expect(mail.subject).toMatch(/verification code \d{6}$/);
    const code = await codeFrom(1);
    // Stored hashed (HMAC-SHA-256), never as the code.
    const [row] = codeRows();
    expect(row!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.code_hash).not.toContain(code);

    await pass(9 * 60_000);
    const done = await t.must(
      'contacts:verifyEmail',
      { code: `${code.slice(0, 3)} ${code.slice(3)}` },
      W,
    );
    expect(done.emailVerifiedAt).toBe(t.clock.now().toISOString());
    expect(verifiedAt()).toBe(done.emailVerifiedAt);
    const list = await t.must('staff:list', { search: MEMBER.username });
    expect(list.items[0]!.emailVerifiedAt).toBe(done.emailVerifiedAt);
    expect(auditCount(t, 'contacts.verify', 'success')).toBe(1);

    // Single use, and nothing more to send once verified.
    expect(resultCode(await t.call('contacts:verifyEmail', { code }, W))).toBe('CODE_EXPIRED');
    expect(resultCode(await t.call('contacts:sendEmailCode', {}, W))).toBe('CONFLICT');
  });

  it('a wrong code counts a try; the fifth ends the code, and then even the right one fails', async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    const code = await codeFrom(1);
    for (let i = 1; i <= 5; i++) {
      expect(resultCode(await t.call('contacts:verifyEmail', { code: other(code) }, W))).toBe(
        'CODE_INVALID',
      );
      expect(codeRows()[0]!.attempts).toBe(i);
    }
    expect(codeRows()[0]!.closed_at).not.toBeNull();
    expect(resultCode(await t.call('contacts:verifyEmail', { code }, W))).toBe('CODE_EXPIRED');
    expect(verifiedAt()).toBeNull();
    expect(auditCount(t, 'contacts.verify', 'failure')).toBe(6);
  });

  it('twenty wrong guesses at once are counted one by one: five tries, then the code is dead', async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    const code = await codeFrom(1);
    const guesses = Array.from({ length: 20 }, (_, i) =>
      t.call('contacts:verifyEmail', { code: other(String((Number(code) + i) % 1_000_000)) }, W),
    );
    const codes = (await Promise.all(guesses)).map(resultCode);
    expect(codes.filter((c) => c === 'CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CODE_EXPIRED')).toHaveLength(15);
    expect(resultCode(await t.call('contacts:verifyEmail', { code }, W))).toBe('CODE_EXPIRED');
  });

  it('a code is valid for 10 minutes (fake clock)', async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    const code = await codeFrom(1);
    await pass(10 * 60_000);
    expect(resultCode(await t.call('contacts:verifyEmail', { code }, W))).toBe('CODE_EXPIRED');
    expect(verifiedAt()).toBeNull();
    expect((await t.must('contacts:status', {}, W)).emailCodeExpiresAt).toBeNull();
  });

  it('resend: at most once a minute and five an hour; a newer code replaces the older', async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    const first = await codeFrom(1);
    t.clock.advance(59_000);
    expect(resultCode(await t.call('contacts:sendEmailCode', {}, W))).toBe('RATE_LIMITED');
    for (let n = 2; n <= 5; n++) {
      t.clock.advance(61_000);
      await t.must('contacts:sendEmailCode', {}, W);
    }
    t.clock.advance(61_000);
    expect(resultCode(await t.call('contacts:sendEmailCode', {}, W))).toBe('RATE_LIMITED');
    expect(smtp.messages).toHaveLength(5);
    const last = await codeFrom(5);
    if (first !== last)
      expect(resultCode(await t.call('contacts:verifyEmail', { code: first }, W))).toBe(
        'CODE_INVALID',
      );
    // An hour after the first, a sixth may go.
    await pass(60 * 60_000 - 5 * 61_000 - 59_000);
    await t.must('contacts:sendEmailCode', {}, W);
    await t.must('contacts:verifyEmail', { code: await codeFrom(6) }, W);
    expect(verifiedAt()).not.toBeNull();
  });

  it('with the SMTP server down: a clear error, no code stored, no resend wait', async () => {
    await useServer({ host: '127.0.0.1', port: await closedPort() });
    const r = await t.call('contacts:sendEmailCode', {}, W);
    expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toBe(
      'MAIL_SEND_FAILED: The e-mail could not be sent: The SMTP server could not be reached.',
    );
    expect(codeRows()).toHaveLength(0);
    expect(verifiedAt()).toBeNull();
    expect(auditCount(t, 'contacts.code_sent', 'failure')).toBe(1);
    // Back up: the failed attempt did not use up the minute.
    await useServer(smtp);
    await t.must('contacts:sendEmailCode', {}, W);
    await t.must('contacts:verifyEmail', { code: await codeFrom(1) }, W);
  });

  it('a change of address clears its verified status and ends open codes', async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    await t.must('contacts:verifyEmail', { code: await codeFrom(1) }, W);
    // By the member.
    const status = await t.must('contacts:changeEmail', { email: 'Carl.New@Shop.test' }, W);
    expect(status).toMatchObject({ email: 'carl.new@shop.test', emailVerifiedAt: null });
    expect(auditCount(t, 'contacts.change_email')).toBe(1);
    t.clock.advance(61_000);
    await t.must('contacts:sendEmailCode', {}, W);
    expect((await smtp.waitFor(2)).to).toEqual(['carl.new@shop.test']);
    const code = await codeFrom(2);
    // By an admin, before the code is used: the code went to the old address and is dead.
    await t.must('staff:update', { id: memberId, email: 'carl.third@shop.test' });
    expect(resultCode(await t.call('contacts:verifyEmail', { code }, W))).toBe('CODE_EXPIRED');
    expect(verifiedAt()).toBeNull();
    // Taken by someone else: CONFLICT, nothing changed.
    expect(resultCode(await t.call('contacts:changeEmail', { email: ADMIN.email }, W))).toBe(
      'CONFLICT',
    );
    expect((await t.must('contacts:status', {}, W)).email).toBe('carl.third@shop.test');
  });

  it("an admin's change of the address unverifies it", async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    await t.must('contacts:verifyEmail', { code: await codeFrom(1) }, W);
    expect(verifiedAt()).not.toBeNull();
    await t.must('staff:update', { id: memberId, email: 'carl.moved@shop.test' });
    expect(verifiedAt()).toBeNull();
    const list = await t.must('staff:list', { search: MEMBER.username });
    expect(list.items[0]!.emailVerifiedAt).toBeNull();
  });

  it('an admin changing only the display name keeps the verified status', async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    await t.must('contacts:verifyEmail', { code: await codeFrom(1) }, W);
    await t.must('staff:update', { id: memberId, displayName: 'Carl C.', email: MEMBER.email });
    expect(verifiedAt()).not.toBeNull();
  });

  it('bad input is VALIDATION_FAILED and counts no try', async () => {
    await t.must('contacts:sendEmailCode', {}, W);
    for (const code of ['12345', '1234567', 'abcdef', '', '１２３４５６', 'x'.repeat(40)])
      expect(resultCode(await t.call('contacts:verifyEmail', { code }, W)), code).toBe(
        'VALIDATION_FAILED',
      );
    expect(resultCode(await t.call('contacts:changeEmail', { email: 'not-mail' }, W))).toBe(
      'VALIDATION_FAILED',
    );
    expect(codeRows()[0]!.attempts).toBe(0);
    expect((await t.must('contacts:status', {}, W)).email).toBe(MEMBER.email);
  });

  it('needs a session', async () => {
    expect(resultCode(await t.call('contacts:sendEmailCode', {}, 7))).toBe('UNAUTHENTICATED');
    expect(resultCode(await t.call('contacts:verifyEmail', { code: '123456' }, 7))).toBe(
      'UNAUTHENTICATED',
    );
  });
});
