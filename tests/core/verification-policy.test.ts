/**
 * Issue 9, section 4: the "verified before access" policy (none / email / phone / either). A member
 * who has not verified what it asks for gets a session that can only verify (the router's gate,
 * VERIFICATION_REQUIRED), read from the staff row and the policy at every call, on every till; and
 * a request for access verifies its contact before it reaches the admins' pending list. Real
 * SQLite files, a real SMTP server and a local SMS provider on loopback, a fake clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../shared/contract';
import {
  ADMIN,
  approvedMember,
  asSession,
  auditCount,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { startSmsProviderServer, type SmsProviderServer } from '../helpers/sms-provider-server';
import { recordStatements } from '../helpers/pg-statements';
import { ON_POSTGRES } from '../helpers/test-engine';

const W = 2; // the member's window
const ANON = 9; // the sign-in screen of someone asking for access

let t: TestCore;
let smtp: TestSmtpServer;
let mails = 0;

async function useMail(server: { host: string; port: number }, core = t) {
  await core.must('auth:reauthenticate', { password: ADMIN.password });
  await core.must('mail:updateSettings', {
    host: server.host,
    port: server.port,
    tls: 'none',
    user: '',
    from: 'till@shop.test',
  });
}

/** The code in the next message, which must go to `to`. */
async function nextCode(to: string): Promise<string> {
  mails += 1;
  const mail = await smtp.waitFor(mails);
  expect(mail.to).toEqual([to]);
  const m = /\b(\d{6})\b/.exec(mail.text);
  if (!m) throw new Error(`no code in: ${mail.text}`);
  return m[1]!;
}

/** The member on `window` verifies their own e-mail address with a real message. */
async function verifyOwnEmail(window: number, email: string, core = t) {
  await core.must('contacts:sendEmailCode', {}, window);
  await core.must('contacts:verifyEmail', { code: await nextCode(email) }, window);
}

async function setPolicy(policy: 'none' | 'email' | 'phone' | 'either', core = t) {
  await core.must('auth:reauthenticate', { password: ADMIN.password });
  return core.must('contacts:setPolicy', { policy });
}

/** Lets `ms` pass while the admin and the member keep their tills busy (idle lock: 5 minutes). */
async function pass(ms: number) {
  for (let left = ms; left > 0; left -= 240_000) {
    t.clock.advance(Math.min(left, 240_000));
    await t.call('auth:activity', {}, 1);
    await t.call('auth:activity', {}, W);
  }
}

const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function policyRow(core = t): string | undefined {
  return (
    core.raw().prepare("SELECT value FROM settings WHERE key = 'verification_policy'").get() as
      { value: string } | undefined
  )?.value;
}

beforeEach(async () => {
  mails = 0;
  t = await makeTestCore();
  await withAdmin(t);
  smtp = await startSmtpServer();
  await useMail(smtp);
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

describe('setting the policy', () => {
  it('shows the policy, and refuses what cannot be in force, changing nothing', async () => {
    expect(await t.must('contacts:policy')).toEqual({
      policy: 'none',
      inForce: 'none',
      mailAvailable: true,
      smsAvailable: false,
    });
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    // SMS is not set up.
    expect(resultCode(await t.call('contacts:setPolicy', { policy: 'phone' }))).toBe(
      'SMS_NOT_CONFIGURED',
    );
    // The admin's own e-mail is not verified: no admin shuts themselves out.
    for (const policy of ['email', 'either'] as const)
      expect(resultCode(await t.call('contacts:setPolicy', { policy }))).toBe(
        'VERIFICATION_REQUIRED',
      );
    // Without e-mail set up, neither 'email' nor 'either' (SMS is not set up either).
    await t.must('mail:removeSettings');
    for (const policy of ['email', 'either'] as const)
      expect(resultCode(await t.call('contacts:setPolicy', { policy }))).toBe(
        'MAIL_NOT_CONFIGURED',
      );
    expect(policyRow()).toBeUndefined();
    expect(auditCount(t, 'contacts.policy_changed')).toBe(0);

    await useMail(smtp);
    await verifyOwnEmail(1, ADMIN.email);
    expect(await setPolicy('email')).toEqual({
      policy: 'email',
      inForce: 'email',
      mailAvailable: true,
      smsAvailable: false,
    });
    expect(policyRow()).toBe('email');
    const row = t
      .raw()
      .prepare(
        "SELECT detail, actor_name FROM audit_events WHERE action = 'contacts.policy_changed'",
      )
      .all();
    expect(row).toEqual([{ detail: 'none -> email', actor_name: ADMIN.username }]);
    // The same again changes and audits nothing.
    await setPolicy('email');
    expect(auditCount(t, 'contacts.policy_changed')).toBe(1);
    // 'either' with only e-mail set up asks for e-mail.
    expect((await setPolicy('either')).inForce).toBe('email');
  });

  it('a PIN switch to a member who has not verified gives a session that can only verify', async () => {
    await verifyOwnEmail(1, ADMIN.email);
    const memberId = await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
    await t.must('pin:set', { password: MEMBER.password, pin: '4826' }, W);
    await setPolicy('email');
    const switched = await t.must('pin:switch', { staffId: memberId, pin: '4826' });
    expect(switched.staff.username).toBe(MEMBER.username);
    expect(switched.verificationRequired).toBe('email');
    expect(resultCode(await t.call('products:list', {}))).toBe('VERIFICATION_REQUIRED');
  });

  it('is for staff managers only, and asks for the password again', async () => {
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
    expect(resultCode(await t.call('contacts:policy', {}, W))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('contacts:setPolicy', { policy: 'none' }, W))).toBe('FORBIDDEN');
    t.clock.advance(4 * 60_000);
    await t.must('auth:activity');
    t.clock.advance(2 * 60_000);
    expect(resultCode(await t.call('contacts:setPolicy', { policy: 'none' }))).toBe(
      'REAUTH_REQUIRED',
    );
  });
});

describe('a member who has not verified can only verify', () => {
  beforeEach(async () => {
    await verifyOwnEmail(1, ADMIN.email);
    await approvedMember(t);
    await setPolicy('email');
  });

  it('gets VERIFICATION_REQUIRED everywhere else, and full access at the next call after', async () => {
    const signedIn = asSession(
      await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W),
    );
    expect(signedIn.verificationRequired).toBe('email');
    for (const [channel, input] of [
      ['products:list', {}],
      ['sales:list', {}],
      ['sales:quote', { lines: [] }],
      ['customers:search', { query: 'a' }],
      ['profile:signIns', {}],
    ] as const) {
      const r = await t.call(channel as 'products:list', input as never, W);
      expect(r, channel).toMatchObject({
        ok: false,
        error: {
          code: 'VERIFICATION_REQUIRED',
          message: 'Verify your e-mail address to continue.',
        },
      });
    }
    // What verifying needs still answers.
    expect((await t.must('auth:session', {}, W)).session?.verificationRequired).toBe('email');
    expect((await t.must('contacts:status', {}, W)).emailVerifiedAt).toBeNull();
    expect((await t.must('profile:get', {}, W)).email).toBe(MEMBER.email);
    await t.must('auth:lock', {}, W);
    await t.must('auth:unlock', { password: MEMBER.password }, W);

    await verifyOwnEmail(W, MEMBER.email);
    // The next call, same session: no new sign-in.
    expect(resultCode(await t.call('products:list', {}, W))).toBe('ok');
    expect((await t.must('auth:session', {}, W)).session?.verificationRequired).toBeUndefined();

    // A changed address is unverified again: the gate is back at the next call.
    await t.must('profile:update', { email: 'carl.new@shop.test' }, W);
    expect(resultCode(await t.call('products:list', {}, W))).toBe('VERIFICATION_REQUIRED');
    await pass(61_000); // one code a minute
    await verifyOwnEmail(W, 'carl.new@shop.test');
    expect(resultCode(await t.call('products:list', {}, W))).toBe('ok');
  });

  it('can change the address it verifies, then verify it', async () => {
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
    await t.must('contacts:changeEmail', { email: 'carl@elsewhere.test' }, W);
    await verifyOwnEmail(W, 'carl@elsewhere.test');
    expect(resultCode(await t.call('products:list', {}, W))).toBe('ok');
  });

  it("stops asking when the mail server is removed, and the policy 'none' lifts it", async () => {
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
    expect(resultCode(await t.call('products:list', {}, W))).toBe('VERIFICATION_REQUIRED');
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    await t.must('mail:removeSettings');
    expect(await t.must('contacts:policy')).toMatchObject({ policy: 'email', inForce: 'none' });
    expect(resultCode(await t.call('products:list', {}, W))).toBe('ok');
    expect((await t.must('auth:session', {}, W)).session?.verificationRequired).toBeUndefined();
    await useMail(smtp);
    expect(resultCode(await t.call('products:list', {}, W))).toBe('VERIFICATION_REQUIRED');
    await setPolicy('none');
    expect(resultCode(await t.call('products:list', {}, W))).toBe('ok');
  });

  it('applies on another till sharing the file: the policy and a verification made on the first', async () => {
    const two = await makeTestCore({ dir: t.dir, clock: t.clock, terminalName: 'till-2' });
    try {
      await two.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
      expect(resultCode(await two.call('products:list', {}, W))).toBe('VERIFICATION_REQUIRED');
      // Verified on the first till: the second lets the member in at the next call.
      await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
      await verifyOwnEmail(W, MEMBER.email);
      expect(resultCode(await two.call('products:list', {}, W))).toBe('ok');
      // A policy set on the second till applies on the first.
      await t.must('profile:update', { email: 'carl2@shop.test' }, W);
      expect(resultCode(await two.call('products:list', {}, W))).toBe('VERIFICATION_REQUIRED');
      await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
      await setPolicy('none', two);
      expect(resultCode(await t.call('products:list', {}, W))).toBe('ok');
      expect(resultCode(await two.call('products:list', {}, W))).toBe('ok');
    } finally {
      await two.close();
    }
  });

  // On a server the router reads every settings row at each call's start (issue 12); the gate
  // takes the policy from that read rather than a second round trip of its own, and a call that
  // is not a write reads the member's access (A8) in that same statement.
  it.runIf(ON_POSTGRES)(
    'reads the settings and the member once per read call on a store server, and still follows a policy changed on another till',
    async () => {
      const two = await makeTestCore({ dir: t.dir, clock: t.clock, terminalName: 'till-2' });
      let watch: ReturnType<typeof recordStatements> | undefined;
      const settingsReads = async (core: TestCore) => {
        watch!.sent.length = 0;
        const code = resultCode(await core.call('products:list', {}, W));
        const sent = watch!.sent.map((q) => q.text);
        return {
          code,
          reads: sent.filter((q) => /\bFROM settings\b/.test(q)).length,
          // The member's access read in a statement of its own.
          accessApart: sent.filter((q) => /\bJOIN roles\b/.test(q) && !/\bFROM settings\b/.test(q))
            .length,
        };
      };
      try {
        await two.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
        watch = recordStatements();
        expect(await settingsReads(two)).toEqual({
          code: 'VERIFICATION_REQUIRED',
          reads: 1,
          accessApart: 0,
        });
        // Set on the first till, in force on the second at its next call.
        await setPolicy('none');
        expect(await settingsReads(two)).toEqual({ code: 'ok', reads: 1, accessApart: 0 });
        await setPolicy('email');
        expect(await settingsReads(two)).toEqual({
          code: 'VERIFICATION_REQUIRED',
          reads: 1,
          accessApart: 0,
        });
      } finally {
        watch?.restore();
        await two.close();
      }
    },
  );
});

describe("the policy 'either' and phone codes", () => {
  let sms: SmsProviderServer;
  const PHONE = '+447700900123';

  beforeEach(async () => {
    sms = await startSmsProviderServer();
    await t.must('sms:save', {
      baseUrl: sms.url,
      keyId: sms.devKey,
      keySecret: sms.devSecret,
      templateId: sms.templateId,
    });
    await verifyOwnEmail(1, ADMIN.email);
    await approvedMember(t);
  });
  afterEach(async () => {
    await sms.close();
  });

  it('accepts a verified phone instead of an e-mail address', async () => {
    expect(await setPolicy('either')).toEqual({
      policy: 'either',
      inForce: 'either',
      mailAvailable: true,
      smsAvailable: true,
    });
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, W);
    expect(await t.call('products:list', {}, W)).toMatchObject({
      error: {
        code: 'VERIFICATION_REQUIRED',
        message: 'Verify your e-mail address or phone number to continue.',
      },
    });
    await t.must('profile:update', { phone: '07700 900123' }, W);
    await t.must('contacts:sendPhoneCode', {}, W);
    await t.must('contacts:verifyPhone', { code: sms.lastCodeTo(PHONE)! }, W);
    expect(resultCode(await t.call('products:list', {}, W))).toBe('ok');
    // 'phone' alone asks the admin for a phone too.
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    expect(resultCode(await t.call('contacts:setPolicy', { policy: 'phone' }))).toBe(
      'VERIFICATION_REQUIRED',
    );
  });

  it("sends a request's code by SMS when only the phone counts", async () => {
    await t.must('profile:update', { phone: '07700 900999' });
    await t.must('contacts:sendPhoneCode', {});
    await t.must('contacts:verifyPhone', { code: sms.lastCodeTo('+447700900999')! });
    await setPolicy('phone');
    const dora = {
      username: 'dora',
      email: 'dora@shop.test',
      displayName: 'Dora',
      password: MEMBER.password,
    };
    const r = await t.call('auth:requestAccess', dora, ANON);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(r)).toContain('phone');
    expect(t.raw().prepare("SELECT id FROM staff WHERE username = 'dora'").get()).toBeUndefined();

    const asked = await t.must('auth:requestAccess', { ...dora, phone: '07700 900456' }, ANON);
    expect(asked).toMatchObject({
      status: 'verify',
      channel: 'phone',
      sentTo: '+44 •••• •••456',
      sent: true,
    });
    expect((await t.must('staff:pendingCount')).count).toBe(0);
    const code = sms.lastCodeTo('+447700900456')!;
    expect(
      resultCode(
        await t.call('contacts:verifyRequest', { identifier: 'dora', code: other(code) }, ANON),
      ),
    ).toBe('CODE_INVALID');
    await t.must('contacts:verifyRequest', { identifier: 'dora', code }, ANON);
    expect((await t.must('staff:pendingCount')).count).toBe(1);
    const row = t
      .raw()
      .prepare(
        "SELECT phone, phone_verified_at, awaiting_verification FROM staff WHERE username = 'dora'",
      )
      .get();
    expect(row).toEqual({
      phone: '+447700900456',
      phone_verified_at: t.clock.now().toISOString(),
      awaiting_verification: null,
    });
  });
});

describe('requests for access by SMS when the provider fails', () => {
  let sms: SmsProviderServer;

  beforeEach(async () => {
    sms = await startSmsProviderServer();
    await t.must('sms:save', {
      baseUrl: sms.url,
      keyId: sms.devKey,
      keySecret: sms.devSecret,
      templateId: sms.templateId,
    });
    await t.must('profile:update', { phone: '07700 900999' });
    await t.must('contacts:sendPhoneCode', {});
    await t.must('contacts:verifyPhone', { code: sms.lastCodeTo('+447700900999')! });
    await setPolicy('phone');
  });
  afterEach(async () => {
    await sms.close();
  });

  it('answers sent false, keeps no code, and a check the provider misses counts no try', async () => {
    const eve = {
      username: 'eve',
      email: 'eve@shop.test',
      displayName: 'Eve',
      password: MEMBER.password,
      phone: '+44 7700 900456',
    };
    sms.failNext(500);
    expect(await t.must('auth:requestAccess', eve, ANON)).toEqual({
      status: 'verify',
      channel: 'phone',
      sentTo: '+44 •••• •••456',
      sent: false,
      expiresAt: null,
    });
    const codes = () =>
      t
        .raw()
        .prepare(
          "SELECT attempts, closed_at FROM verification_codes WHERE staff_id = (SELECT id FROM staff WHERE username = 'eve')",
        )
        .all();
    expect(codes()).toEqual([]);
    expect((await t.must('staff:pendingCount')).count).toBe(0);
    expect(await t.must('contacts:resendRequestCode', { identifier: 'eve' }, ANON)).toEqual({
      sent: true,
    });
    const code = sms.lastCodeTo('+447700900456')!;
    sms.failNext(500);
    expect(
      resultCode(await t.call('contacts:verifyRequest', { identifier: 'eve', code }, ANON)),
    ).toBe('SMS_UNAVAILABLE');
    expect(codes()).toEqual([{ attempts: 0, closed_at: null }]);
    await t.must('contacts:verifyRequest', { identifier: 'eve', code }, ANON);
    expect((await t.must('staff:pendingCount')).count).toBe(1);
  });
});

describe('requests for access verify before they reach the pending list', () => {
  const DORA = {
    username: 'dora',
    email: 'dora@shop.test',
    displayName: 'Dora Door',
    password: 'counter top 7 register',
  };

  beforeEach(async () => {
    await verifyOwnEmail(1, ADMIN.email);
    await setPolicy('email');
  });

  function doraRow() {
    return t
      .raw()
      .prepare(
        "SELECT id, status, awaiting_verification, email_verified_at FROM staff WHERE username = 'dora'",
      )
      .get() as {
      id: number;
      status: string;
      awaiting_verification: string | null;
      email_verified_at: string | null;
    };
  }

  async function pendingNames(): Promise<string[]> {
    return (await t.must('staff:list', { status: 'pending' })).items.map((i) => i.username);
  }

  it('is not on the list, nor approvable, until the e-mailed code is entered', async () => {
    const asked = await t.must('auth:requestAccess', DORA, ANON);
    expect(asked).toEqual({
      status: 'verify',
      channel: 'email',
      sentTo: 'd•••@shop.test',
      sent: true,
      expiresAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    const code = await nextCode(DORA.email);
    const { id } = doraRow();
    expect(doraRow()).toMatchObject({ status: 'pending', awaiting_verification: 'email' });
    expect(await pendingNames()).toEqual([]);
    expect((await t.must('staff:list', {})).items.map((i) => i.username)).not.toContain('dora');
    expect((await t.must('staff:pendingCount')).count).toBe(0);
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    expect(resultCode(await t.call('staff:approve', { id }))).toBe('NOT_FOUND');
    expect(resultCode(await t.call('staff:reject', { id }))).toBe('NOT_FOUND');
    expect(doraRow().status).toBe('pending');
    // Signing in tells only that the request waits.
    expect(
      resultCode(await t.call('auth:login', { identifier: 'dora', password: DORA.password }, ANON)),
    ).toBe('ACCOUNT_PENDING');

    expect(
      resultCode(
        await t.call('contacts:verifyRequest', { identifier: 'dora', code: other(code) }, ANON),
      ),
    ).toBe('CODE_INVALID');
    expect(await pendingNames()).toEqual([]);
    // By e-mail as well as by username.
    expect(await t.must('contacts:verifyRequest', { identifier: DORA.email, code }, ANON)).toEqual({
      status: 'pending',
    });
    expect(doraRow()).toMatchObject({
      awaiting_verification: null,
      email_verified_at: t.clock.now().toISOString(),
    });
    expect(await pendingNames()).toEqual(['dora']);
    expect((await t.must('staff:pendingCount')).count).toBe(1);
    // The code is single use.
    expect(
      resultCode(await t.call('contacts:verifyRequest', { identifier: 'dora', code }, ANON)),
    ).toBe('CODE_EXPIRED');
    await t.must('staff:approve', { id });
    // Approved and verified: in at once, no gate.
    const s = asSession(
      await t.must('auth:login', { identifier: 'dora', password: DORA.password }, W),
    );
    expect(s.verificationRequired).toBeUndefined();
    expect(auditCount(t, 'contacts.verify', 'success')).toBe(2); // the admin's own, and Dora's
  });

  it('an unknown request answers like a dead code, and a resend answers the same', async () => {
    expect(
      resultCode(
        await t.call('contacts:verifyRequest', { identifier: 'nobody', code: '123456' }, ANON),
      ),
    ).toBe('CODE_EXPIRED');
    expect(await t.must('contacts:resendRequestCode', { identifier: 'nobody' }, ANON)).toEqual({
      sent: true,
    });
    // A member who is not a request awaiting verification is "nobody" here too.
    expect(
      await t.must('contacts:resendRequestCode', { identifier: ADMIN.username }, ANON),
    ).toEqual({
      sent: true,
    });
    expect(t.raw().prepare('SELECT COUNT(*) AS n FROM verification_codes').get()).toEqual({ n: 1 });
    expect(smtp.messages).toHaveLength(1); // the admin's own code only
  });

  it('codes expire after 10 minutes and die after 5 wrong tries; a resend gives a new one', async () => {
    await t.must('auth:requestAccess', DORA, ANON);
    const first = await nextCode(DORA.email);
    await pass(10 * 60_000);
    expect(
      resultCode(await t.call('contacts:verifyRequest', { identifier: 'dora', code: first }, ANON)),
    ).toBe('CODE_EXPIRED');
    await t.must('contacts:resendRequestCode', { identifier: 'dora' }, ANON);
    const second = await nextCode(DORA.email);
    for (let i = 1; i <= 5; i++)
      expect(
        resultCode(
          await t.call('contacts:verifyRequest', { identifier: 'dora', code: other(second) }, ANON),
        ),
        `try ${i}`,
      ).toBe('CODE_INVALID');
    expect(
      resultCode(
        await t.call('contacts:verifyRequest', { identifier: 'dora', code: second }, ANON),
      ),
    ).toBe('CODE_EXPIRED');
    expect(await pendingNames()).toEqual([]);
  });

  it('resends once a minute and five an hour', async () => {
    await t.must('auth:requestAccess', DORA, ANON);
    await nextCode(DORA.email);
    expect(
      resultCode(await t.call('contacts:resendRequestCode', { identifier: 'dora' }, ANON)),
    ).toBe('RATE_LIMITED');
    for (let i = 2; i <= 5; i++) {
      await pass(61_000);
      await t.must('contacts:resendRequestCode', { identifier: 'dora' }, ANON);
      await nextCode(DORA.email);
    }
    await pass(61_000);
    expect(
      resultCode(await t.call('contacts:resendRequestCode', { identifier: 'dora' }, ANON)),
    ).toBe('RATE_LIMITED');
    expect(smtp.messages).toHaveLength(mails);
    // Only the newest code works.
    const newest = /\b(\d{6})\b/.exec(smtp.messages.at(-1)!.text)![1]!;
    await t.must('contacts:verifyRequest', { identifier: 'dora', code: newest }, ANON);
  });

  it('with the mail server down: sent false, nothing on the list; a resend once it is back works', async () => {
    await useMail({ host: '127.0.0.1', port: await closedPort() });
    const asked = await t.must('auth:requestAccess', DORA, ANON);
    expect(asked).toEqual({
      status: 'verify',
      channel: 'email',
      sentTo: 'd•••@shop.test',
      sent: false,
      expiresAt: null,
    });
    expect(
      t
        .raw()
        .prepare('SELECT COUNT(*) AS n FROM verification_codes WHERE staff_id = ?')
        .get(doraRow().id),
    ).toEqual({ n: 0 });
    expect(auditCount(t, 'contacts.code_sent', 'failure')).toBe(1);
    expect(await pendingNames()).toEqual([]);
    expect((await t.must('staff:pendingCount')).count).toBe(0);

    await useMail(smtp);
    await t.must('contacts:resendRequestCode', { identifier: 'dora' }, ANON);
    await t.must(
      'contacts:verifyRequest',
      { identifier: 'dora', code: await nextCode(DORA.email) },
      ANON,
    );
    expect(await pendingNames()).toEqual(['dora']);
  });

  it('ten requests in a row each get their own code and each reach the list', async () => {
    const asked: Array<ChannelOutput<'auth:requestAccess'>> = [];
    for (let i = 0; i < 10; i++)
      asked.push(
        await t.must(
          'auth:requestAccess',
          { ...DORA, username: `dora${i}`, email: `dora${i}@shop.test` },
          ANON,
        ),
      );
    expect(asked.every((a) => a.status === 'verify' && a.sent)).toBe(true);
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push(await nextCode(`dora${i}@shop.test`));
    expect((await t.must('staff:pendingCount')).count).toBe(0);
    // Another request's code does not work.
    expect(
      resultCode(
        await t.call('contacts:verifyRequest', { identifier: 'dora0', code: codes[1]! }, ANON),
      ),
    ).toBe(codes[0] === codes[1] ? 'ok' : 'CODE_INVALID');
    for (let i = 9; i >= 0; i--)
      await t.call('contacts:verifyRequest', { identifier: `dora${i}`, code: codes[i]! }, ANON);
    expect((await t.must('staff:pendingCount')).count).toBe(10);
  });

  it('of five concurrent checks of the same code, exactly one succeeds', async () => {
    await t.must('auth:requestAccess', DORA, ANON);
    const code = await nextCode(DORA.email);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.call('contacts:verifyRequest', { identifier: 'dora', code }, ANON),
      ),
    );
    expect(results.map(resultCode).sort()).toEqual([
      'CODE_EXPIRED',
      'CODE_EXPIRED',
      'CODE_EXPIRED',
      'CODE_EXPIRED',
      'ok',
    ]);
    expect(auditCount(t, 'contacts.verify', 'success')).toBe(2);
  });

  it('a request unverified after 24 hours gives its name and address back to a new one', async () => {
    await t.must('auth:requestAccess', DORA, ANON);
    await nextCode(DORA.email);
    const old = doraRow().id;
    // Within the 24 hours the name stays taken.
    t.clock.advance(23 * 3_600_000);
    expect(resultCode(await t.call('auth:requestAccess', DORA, ANON))).toBe('CONFLICT');
    t.clock.advance(2 * 3_600_000);
    const again = await t.must('auth:requestAccess', { ...DORA, username: 'dora.d' }, ANON);
    expect(again).toMatchObject({ status: 'verify', sent: true });
    expect(doraRow()).toBeUndefined();
    expect(
      t
        .raw()
        .prepare(
          "SELECT target_id, detail FROM audit_events WHERE action = 'staff.request_expired'",
        )
        .all(),
    ).toEqual([
      {
        target_id: String(old),
        detail: `dora; unverified since ${new Date(t.clock.now().getTime() - 25 * 3_600_000).toISOString()}`,
      },
    ]);
    await t.must(
      'contacts:verifyRequest',
      { identifier: 'dora.d', code: await nextCode(DORA.email) },
      ANON,
    );
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    expect(await pendingNames()).toEqual(['dora.d']);
  });

  it('once the policy asks for nothing, a request still verifying is an ordinary one', async () => {
    await t.must('auth:requestAccess', DORA, ANON);
    await nextCode(DORA.email);
    expect(await pendingNames()).toEqual([]);
    // The mail server removed: nothing is asked, so nothing is hidden.
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    await t.must('mail:removeSettings');
    expect(await pendingNames()).toEqual(['dora']);
    expect((await t.must('staff:pendingCount')).count).toBe(1);
    await useMail(smtp);
    expect(await pendingNames()).toEqual([]);
    await setPolicy('none');
    expect(await pendingNames()).toEqual(['dora']);
    await t.must('staff:approve', { id: doraRow().id });
    expect(doraRow()).toMatchObject({ status: 'active', awaiting_verification: null });
    // Approved: the policy turned on again does not hide the member.
    await setPolicy('email');
    expect((await t.must('staff:list', { search: 'dora' })).items).toHaveLength(1);
  });

  it("with the policy 'none', a request is pending at once as before", async () => {
    await setPolicy('none');
    expect(await t.must('auth:requestAccess', DORA, ANON)).toEqual({ status: 'pending' });
    expect(await pendingNames()).toEqual(['dora']);
    expect(smtp.messages).toHaveLength(1);
  });
});
