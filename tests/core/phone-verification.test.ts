/**
 * Issue 9, section 4: a member verifies their phone with a 6-digit code that Kassa's SMS adapter
 * asks a real provider on loopback (tests/helpers/sms-provider-server.ts) to send and to check.
 * Same rules as e-mail: 10 minutes, 5 wrong tries, one a minute and five an hour; a provider that
 * is down or refuses the number gives a clear error and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approvedMember,
  auditCount,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { startSmsProviderServer, type SmsProviderServer } from '../helpers/sms-provider-server';

const W = 2; // the member's window
const PHONE = '+447700900123';

let t: TestCore;
let server: SmsProviderServer;
let memberId: number;

const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The member's own phone, set on the profile ('' removes it). */
async function setPhone(phone: string) {
  await t.must('profile:update', { phone }, W);
}

function phoneRows() {
  return t
    .raw()
    .prepare("SELECT * FROM verification_codes WHERE purpose = 'phone' ORDER BY id")
    .all() as Array<{
    code_hash: string | null;
    provider_request_id: string | null;
    attempts: number;
    closed_at: string | null;
    target: string;
  }>;
}

function verifiedAt(): string | null {
  return (
    t.raw().prepare('SELECT phone_verified_at AS v FROM staff WHERE id = ?').get(memberId) as {
      v: string | null;
    }
  ).v;
}

/** Lets `ms` pass while the member keeps the till busy (the idle lock is 5 minutes, S2). */
async function pass(ms: number) {
  for (let left = ms; left > 0; left -= 240_000) {
    t.clock.advance(Math.min(left, 240_000));
    await t.must('auth:activity', {}, W);
    await t.must('auth:activity', {}, 1); // the admin's window, which reads the staff list
  }
}

beforeEach(async () => {
  server = await startSmsProviderServer();
  t = await makeTestCore();
  await withAdmin(t);
  await t.must('sms:save', {
    baseUrl: server.url,
    keyId: server.devKey,
    keySecret: server.devSecret,
    templateId: server.templateId,
  });
  memberId = await approvedMember(t);
  await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
  await setPhone(PHONE);
});
afterEach(async () => {
  await t.close();
  await server.close();
});

describe('verifying a phone number through the SMS provider', () => {
  it('the provider texts a code; the right one verifies the phone, once', async () => {
    expect(await t.must('contacts:status', {}, W)).toMatchObject({
      phone: PHONE,
      phoneVerifiedAt: null,
      phoneCodeExpiresAt: null,
      smsAvailable: true,
    });
    const sent = await t.must('contacts:sendPhoneCode', {}, W);
    expect(sent).toEqual({
      sentTo: PHONE,
      expiresAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    expect(server.sent.map((s) => s.to)).toEqual([PHONE]);
    const [row] = phoneRows();
    // Kassa keeps only the provider's request id, never the code.
    expect(row).toMatchObject({ code_hash: null, provider_request_id: server.sent[0]!.messageId });
    expect((await t.must('contacts:status', {}, W)).phoneCodeExpiresAt).toBe(sent.expiresAt);

    await pass(9 * 60_000);
    const code = server.lastCodeTo(PHONE)!;
    const done = await t.must(
      'contacts:verifyPhone',
      { code: `${code.slice(0, 3)}-${code.slice(3)}` },
      W,
    );
    expect(done.phoneVerifiedAt).toBe(t.clock.now().toISOString());
    expect(verifiedAt()).toBe(done.phoneVerifiedAt);
    const list = await t.must('staff:list', { search: MEMBER.username });
    expect(list.items[0]!.phoneVerifiedAt).toBe(done.phoneVerifiedAt);
    expect(auditCount(t, 'contacts.verify', 'success')).toBe(1);
    expect(resultCode(await t.call('contacts:verifyPhone', { code }, W))).toBe('CODE_EXPIRED');
    expect(resultCode(await t.call('contacts:sendPhoneCode', {}, W))).toBe('CONFLICT');
  });

  it('a wrong code counts a try; the fifth ends the code, and then even the right one fails', async () => {
    await t.must('contacts:sendPhoneCode', {}, W);
    const code = server.lastCodeTo(PHONE)!;
    for (let i = 1; i <= 5; i++) {
      expect(resultCode(await t.call('contacts:verifyPhone', { code: other(code) }, W))).toBe(
        'CODE_INVALID',
      );
      expect(phoneRows()[0]!.attempts).toBe(i);
    }
    expect(phoneRows()[0]!.closed_at).not.toBeNull();
    expect(resultCode(await t.call('contacts:verifyPhone', { code }, W))).toBe('CODE_EXPIRED');
    expect(verifiedAt()).toBeNull();
  });

  it('twenty wrong guesses at once reach the provider at most five times', async () => {
    await t.must('contacts:sendPhoneCode', {}, W);
    const code = server.lastCodeTo(PHONE)!;
    const before = server.requests.length;
    const guesses = Array.from({ length: 20 }, () =>
      t.call('contacts:verifyPhone', { code: other(code) }, W),
    );
    const codes = (await Promise.all(guesses)).map(resultCode);
    expect(codes.filter((c) => c === 'CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CODE_EXPIRED')).toHaveLength(15);
    expect(server.requests.length - before).toBe(5);
    expect(resultCode(await t.call('contacts:verifyPhone', { code }, W))).toBe('CODE_EXPIRED');
  });

  it('a code is valid for 10 minutes (fake clock), and one the provider expired is dead too', async () => {
    await t.must('contacts:sendPhoneCode', {}, W);
    await pass(10 * 60_000);
    const code = server.lastCodeTo(PHONE)!;
    expect(resultCode(await t.call('contacts:verifyPhone', { code }, W))).toBe('CODE_EXPIRED');
    expect((await t.must('contacts:status', {}, W)).phoneCodeExpiresAt).toBeNull();

    await t.must('contacts:sendPhoneCode', {}, W);
    server.expire(server.sent.at(-1)!.messageId);
    const again = server.lastCodeTo(PHONE)!;
    expect(resultCode(await t.call('contacts:verifyPhone', { code: again }, W))).toBe(
      'CODE_EXPIRED',
    );
    expect(phoneRows().at(-1)!.closed_at).not.toBeNull();
    expect(verifiedAt()).toBeNull();
  });

  it('resend: at most once a minute and five an hour', async () => {
    await t.must('contacts:sendPhoneCode', {}, W);
    t.clock.advance(59_000);
    expect(resultCode(await t.call('contacts:sendPhoneCode', {}, W))).toBe('RATE_LIMITED');
    for (let n = 2; n <= 5; n++) {
      await pass(61_000);
      await t.must('contacts:sendPhoneCode', {}, W);
    }
    await pass(61_000);
    expect(resultCode(await t.call('contacts:sendPhoneCode', {}, W))).toBe('RATE_LIMITED');
    expect(server.sent).toHaveLength(5);
    // Only the newest is open, and it works.
    expect(phoneRows().filter((r) => r.closed_at === null)).toHaveLength(1);
    await t.must('contacts:verifyPhone', { code: server.lastCodeTo(PHONE)! }, W);
  });

  it('a number the provider refuses is an error on `phone`, and nothing is kept', async () => {
    server.failNext(400, 3002); // the provider's "invalid number"
    const r = await t.call('contacts:sendPhoneCode', {}, W);
    expect(resultCode(r)).toBe('VALIDATION_FAILED');
    expect(r.ok ? [] : r.error.issues?.map((i) => i.path)).toEqual(['phone']);
    expect(phoneRows()).toHaveLength(0);
    expect(auditCount(t, 'contacts.code_sent', 'failure')).toBe(1);
  });

  it('the provider down or rate-limited: a clear error and nothing changed', async () => {
    server.failNext(500);
    expect(resultCode(await t.call('contacts:sendPhoneCode', {}, W))).toBe('SMS_UNAVAILABLE');
    server.failNext(429);
    expect(resultCode(await t.call('contacts:sendPhoneCode', {}, W))).toBe('SMS_RATE_LIMITED');
    expect(phoneRows()).toHaveLength(0);

    // A failed send did not use up the resend limit.
    await t.must('contacts:sendPhoneCode', {}, W);
    const code = server.lastCodeTo(PHONE)!;
    server.failNext(503);
    expect(resultCode(await t.call('contacts:verifyPhone', { code }, W))).toBe('SMS_UNAVAILABLE');
    expect(phoneRows()[0]).toMatchObject({ attempts: 0, closed_at: null });
    expect(verifiedAt()).toBeNull();
    await t.must('contacts:verifyPhone', { code }, W);
    expect(verifiedAt()).not.toBeNull();
  });

  it('without SMS set up, or without a phone, it says so and writes nothing', async () => {
    await setPhone('');
    const r = await t.call('contacts:sendPhoneCode', {}, W);
    expect(resultCode(r)).toBe('VALIDATION_FAILED');
    expect(r.ok ? '' : r.error.message).toMatch(/phone number to your profile/);
    await t.must('sms:clear', {});
    await setPhone(PHONE);
    expect(resultCode(await t.call('contacts:sendPhoneCode', {}, W))).toBe('SMS_NOT_CONFIGURED');
    expect(resultCode(await t.call('contacts:verifyPhone', { code: '123456' }, W))).toBe(
      'SMS_NOT_CONFIGURED',
    );
    expect((await t.must('contacts:status', {}, W)).smsAvailable).toBe(false);
    expect(phoneRows()).toHaveLength(0);
    expect(server.sent).toHaveLength(0);
    expect(auditCount(t, 'contacts.code_sent')).toBe(0);
  });

  it('bad input is refused and changes nothing', async () => {
    await t.must('contacts:sendPhoneCode', {}, W);
    for (const code of ['12345', '1234567', 'abcdef', '', '12 34 5x'])
      expect(resultCode(await t.call('contacts:verifyPhone', { code }, W))).toBe(
        'VALIDATION_FAILED',
      );
    expect(
      resultCode(await t.call('contacts:verifyPhone', { code: '123456', x: 1 } as never, W)),
    ).toBe('VALIDATION_FAILED');
    expect(phoneRows()[0]).toMatchObject({ attempts: 0, closed_at: null });
    expect(server.requests.filter((r) => r.path.includes('verif'))).toHaveLength(0);
  });

  it('a changed phone is unverified again, and its open code dies', async () => {
    await t.must('contacts:sendPhoneCode', {}, W);
    const code = server.lastCodeTo(PHONE)!;
    await setPhone('+447700900456');
    expect(resultCode(await t.call('contacts:verifyPhone', { code }, W))).toBe('CODE_EXPIRED');
    expect(verifiedAt()).toBeNull();
  });
});
