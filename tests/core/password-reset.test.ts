/**
 * Issue 9, section 6 (OWASP Forgot Password Cheat Sheet): "forgot password" by e-mail, with the
 * message received by a real SMTP server on loopback. The same answer, in similar time, for
 * accounts that exist and those that do not; an 80-bit code, hashed, single use, 10 minutes,
 * 5 tries; on success a new password, every session ended, nobody signed in, audited, and a
 * "your password was changed" e-mail.
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
import { closedPort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const W = 2; // the member's own window, signed in before the reset
const A = 5; // an anonymous window at the sign-in screen
const NEW_PASSWORD = 'copper lantern over 7 hills';

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

/** The grouped reset code in the `n`th message (XXXX-XXXX-XXXX-XXXX). */
async function codeFrom(n: number): Promise<string> {
  const mail = await smtp.waitFor(n);
  const m = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(mail.text);
  if (!m) throw new Error(`no code in: ${mail.text}`);
  return m[1]!;
}

/** The same code with one character changed (still a valid shape). */
function wrong(code: string): string {
  const last = code.at(-1)!;
  return code.slice(0, -1) + (last === '0' ? '1' : '0');
}

const complete = (code: string, identifier = MEMBER.username, newPassword = NEW_PASSWORD) =>
  t.call('reset:complete', { identifier, code, newPassword }, A);

function hashOf(): string {
  return (
    t.raw().prepare('SELECT password_hash AS h FROM staff WHERE id = ?').get(memberId) as {
      h: string;
    }
  ).h;
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

describe('forgot password by e-mail', () => {
  it('the e-mailed code sets a new password, ends every session and signs nobody in', async () => {
    expect(await t.must('reset:request', { identifier: ' Carl ' }, A)).toEqual({});
    const mail = await smtp.waitFor(1);
    expect(mail.to).toEqual([MEMBER.email]);
    expect(mail.subject).toContain('reset your password');
    const code = await codeFrom(1);
    const row = t.raw().prepare('SELECT code_hash FROM verification_codes').get() as {
      code_hash: string;
    };
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);

    // Pasted in lower case with spaces instead of dashes.
    expect(await complete(code.toLowerCase().replace(/-/g, ' '))).toEqual({ ok: true, data: {} });
    // Every session of the member ended; the reset window is not signed in (2FA stays in front).
    expect(resultCode(await t.call('auth:activity', {}, W))).toBe('UNAUTHENTICATED');
    expect((await t.must('auth:session', {}, A)).session).toBeNull();
    expect(
      resultCode(await t.call('auth:login', { identifier: 'carl', password: MEMBER.password }, A)),
    ).toBe('INVALID_CREDENTIALS');
    await t.must('auth:login', { identifier: 'carl', password: NEW_PASSWORD }, A);
    // Audited, and told by e-mail.
    expect(auditCount(t, 'auth.password_reset_request', 'success')).toBe(1);
    expect(auditCount(t, 'auth.password_reset', 'success')).toBe(1);
    const changed = await smtp.waitFor(2);
    expect(changed.to).toEqual([MEMBER.email]);
    expect(changed.subject).toContain('your password was changed');
    // Single use.
    expect(resultCode(await complete(code, MEMBER.username, 'another fine password 9'))).toBe(
      'CODE_EXPIRED',
    );
  });

  it("ends the member's sessions on another till sharing the file too (A8)", async () => {
    const other = await makeTestCore({ dir: t.dir, clock: t.clock, terminalName: 'till-2' });
    try {
      await other.must('auth:login', { identifier: 'carl', password: MEMBER.password }, 3);
      await t.must('reset:request', { identifier: MEMBER.username }, A);
      await t.must(
        'reset:complete',
        {
          identifier: MEMBER.username,
          code: await codeFrom(1),
          newPassword: NEW_PASSWORD,
        },
        A,
      );
      expect(resultCode(await other.call('auth:activity', {}, 3))).toBe('UNAUTHENTICATED');
    } finally {
      await other.close();
    }
  });

  it('answers the same, in similar time, for an account that does not exist', async () => {
    const time = async (identifier: string) => {
      const started = process.hrtime.bigint();
      const r = await t.call('reset:request', { identifier }, A);
      return { r, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(61_000);
      await t.must('auth:activity', {}, 1);
      const a = await time(i % 2 ? MEMBER.email : MEMBER.username);
      const b = await time(`nobody${i}`);
      expect(b.r).toEqual(a.r);
      known.push(a.ms);
      unknown.push(b.ms);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[2]!;
    // Neither answer waits for the SMTP server: both are a lookup and one audited write.
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(50);
    await smtp.waitFor(5);
    expect(smtp.messages.every((m) => m.to[0] === MEMBER.email)).toBe(true);
    expect(auditCount(t, 'auth.password_reset_request', 'denied')).toBe(5);
  });

  it('a pending or disabled member gets no code, with the same answer', async () => {
    await t.must(
      'auth:requestAccess',
      {
        username: 'dora',
        email: 'dora@shop.test',
        displayName: 'Dora',
        password: 'sunflower teapot 31',
      },
      9,
    );
    await t.must('staff:disable', { id: memberId });
    expect(await t.must('reset:request', { identifier: 'dora' }, A)).toEqual({});
    expect(await t.must('reset:request', { identifier: 'carl' }, A)).toEqual({});
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages).toHaveLength(0);
  });

  it('wrong codes count; the fifth ends the code; nothing changes', async () => {
    const before = hashOf();
    await t.must('reset:request', { identifier: MEMBER.username }, A);
    const code = await codeFrom(1);
    for (let i = 0; i < 5; i++)
      expect(resultCode(await complete(wrong(code)))).toBe('CODE_INVALID');
    expect(resultCode(await complete(code))).toBe('CODE_EXPIRED');
    expect(hashOf()).toBe(before);
    expect(auditCount(t, 'auth.password_reset', 'failure')).toBe(6);
    // The member's session lives on.
    expect(resultCode(await t.call('auth:activity', {}, W))).toBe('ok');
  });

  it('a code is valid for 10 minutes (fake clock)', async () => {
    const before = hashOf();
    await t.must('reset:request', { identifier: MEMBER.username }, A);
    const code = await codeFrom(1);
    t.clock.advanceMinutes(10);
    expect(resultCode(await complete(code))).toBe('CODE_EXPIRED');
    expect(hashOf()).toBe(before);
  });

  it('an unknown account gets the answer of a known one without a code', async () => {
    expect(resultCode(await complete('0123-4567-89AB-CDEF', 'nobody'))).toBe('CODE_EXPIRED');
    expect(resultCode(await complete('0123-4567-89AB-CDEF', MEMBER.username))).toBe('CODE_EXPIRED');
  });

  it('a weak new password is refused and the code still works', async () => {
    await t.must('reset:request', { identifier: MEMBER.username }, A);
    const code = await codeFrom(1);
    expect(resultCode(await complete(code, MEMBER.username, 'short'))).toBe('WEAK_PASSWORD');
    expect(resultCode(await complete(code, MEMBER.username, 'password123'))).toBe('WEAK_PASSWORD');
    expect(resultCode(await complete(code))).toBe('ok');
  });

  it('resend limits apply, silently: the answer stays the same', async () => {
    for (let i = 0; i < 3; i++) await t.must('reset:request', { identifier: MEMBER.username }, A);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages).toHaveLength(1);
    expect(auditCount(t, 'auth.password_reset_request', 'denied')).toBe(2);
  });

  it('with the SMTP server down: the same answer, and the undelivered code is removed', async () => {
    await useServer({ host: '127.0.0.1', port: await closedPort() });
    expect(await t.must('reset:request', { identifier: MEMBER.username }, A)).toEqual({});
    const deadline = Date.now() + 5_000;
    const count = () =>
      (t.raw().prepare('SELECT COUNT(*) AS n FROM verification_codes').get() as { n: number }).n;
    while (count() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(count()).toBe(0);
  });

  it('bad input is VALIDATION_FAILED and changes nothing', async () => {
    const before = hashOf();
    await t.must('reset:request', { identifier: MEMBER.username }, A);
    const code = await codeFrom(1);
    for (const bad of ['', 'ABC', 'UUUU-UUUU-UUUU-UUUU', `${code}-0`, 'x'.repeat(70)])
      expect(resultCode(await complete(bad)), bad).toBe('VALIDATION_FAILED');
    expect(resultCode(await t.call('reset:request', { identifier: '' }, A))).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      resultCode(
        await t.call(
          'reset:complete',
          { identifier: 'carl', code, newPassword: 'x'.repeat(1025) },
          A,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    const attempts = t.raw().prepare('SELECT attempts FROM verification_codes').get() as {
      attempts: number;
    };
    expect(attempts.attempts).toBe(0);
    expect(hashOf()).toBe(before);
    expect(resultCode(await complete(code))).toBe('ok');
  });

  it('admin temporary passwords (R1) still work beside it', async () => {
    const reset = await t.must('staff:resetPassword', { id: memberId });
    await t.must('auth:login', { identifier: 'carl', password: reset.temporaryPassword }, A);
    expect((await t.must('auth:session', {}, A)).session?.mustChangePassword).toBe(true);
  });
});
