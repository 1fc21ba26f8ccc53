/**
 * Issue 9, section 4: the SMTP settings an admin enters, the sealed password, and "send test
 * e-mail", against a real SMTP server on loopback (tests/helpers/smtp-server.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
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

const SMTP_PASSWORD = 'Sm7p-pa55word-never-in-the-file';
const CREDENTIALS = { user: 'till@shop.test', pass: SMTP_PASSWORD };

let t: TestCore;
let smtp: TestSmtpServer;

function settingsFor(server: { host: string; port: number }): ChannelInput<'mail:updateSettings'> {
  return {
    host: server.host,
    port: server.port,
    tls: 'none',
    user: CREDENTIALS.user,
    password: SMTP_PASSWORD,
    from: 'till@shop.test',
  };
}

/** The database file and its WAL, as bytes. */
function fileBytes(): Buffer {
  const parts = [t.dbPath, `${t.dbPath}-wal`].filter(existsSync).map((p) => readFileSync(p));
  return Buffer.concat(parts);
}

beforeEach(async () => {
  t = await makeTestCore();
  await withAdmin(t);
  smtp = await startSmtpServer({ credentials: CREDENTIALS });
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

describe('before e-mail is set up', () => {
  it('is off: no settings, no test message, no codes, no password reset', async () => {
    expect(await t.must('mail:getSettings')).toMatchObject({
      configured: false,
      passwordSet: false,
    });
    expect(resultCode(await t.call('mail:sendTest', { to: 'owner@shop.test' }))).toBe(
      'MAIL_NOT_CONFIGURED',
    );
    expect(resultCode(await t.call('contacts:sendEmailCode', {}))).toBe('MAIL_NOT_CONFIGURED');
    expect(await t.must('reset:available', {}, 5)).toEqual({ available: false });
    expect(resultCode(await t.call('reset:request', { identifier: 'ada' }, 5))).toBe(
      'MAIL_NOT_CONFIGURED',
    );
    expect(auditCount(t, 'mail.test')).toBe(0);
  });
});

describe('saving the SMTP settings', () => {
  it('stores the password sealed: never in the file or the WAL, never in a view or the audit', async () => {
    const view = await t.must('mail:updateSettings', settingsFor(smtp));
    expect(view).toEqual({
      configured: true,
      host: '127.0.0.1',
      port: smtp.port,
      tls: 'none',
      user: CREDENTIALS.user,
      passwordSet: true,
      from: 'till@shop.test',
    });
    expect(JSON.stringify(await t.must('mail:getSettings'))).not.toContain(SMTP_PASSWORD);
    const bytes = fileBytes();
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(SMTP_PASSWORD, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from(SMTP_PASSWORD, 'utf16le'))).toBe(false);
    const row = t.raw().prepare("SELECT value FROM settings WHERE key = 'mail_smtp'").get() as {
      value: string;
    };
    expect(row.value).toMatch(/"sealedPassword":"v1\./);
    const audit = t
      .raw()
      .prepare("SELECT detail FROM audit_events WHERE action = 'mail.settings_update'")
      .all() as { detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toContain('password changed');
    expect(audit[0]!.detail).not.toContain(SMTP_PASSWORD);
  });

  it('sends the test message through the real server, logging in with the opened password', async () => {
    await t.must('mail:updateSettings', settingsFor(smtp));
    const sent = await t.must('mail:sendTest', { to: 'Owner@Shop.test' });
    expect(sent.sentAt).toBe(t.clock.now().toISOString());
    const mail = await smtp.waitFor(1);
    expect(mail.to).toEqual(['owner@shop.test']);
    expect(mail.from).toBe('till@shop.test');
    expect(mail.subject).toBe('Kassa test message');
    expect(smtp.refusedLogins).toBe(0);
    expect(auditCount(t, 'mail.test', 'success')).toBe(1);
  });

  it('keeps the stored password when it is left out, and removes it with null', async () => {
    await t.must('mail:updateSettings', settingsFor(smtp));
    const { password: _kept, ...withoutPassword } = settingsFor(smtp);
    expect(await t.must('mail:updateSettings', withoutPassword)).toMatchObject({
      passwordSet: true,
    });
    await t.must('mail:sendTest', { to: 'owner@shop.test' });
    expect(
      await t.must('mail:updateSettings', { ...withoutPassword, password: null }),
    ).toMatchObject({ passwordSet: false });
    // The server now refuses the login without the password.
    const r = await t.call('mail:sendTest', { to: 'owner@shop.test' });
    expect(resultCode(r)).toBe('MAIL_SEND_FAILED');
    expect(smtp.messages).toHaveLength(1);
  });

  it('a wrong SMTP password is a clear MAIL_SEND_FAILED, audited as a failure', async () => {
    await t.must('mail:updateSettings', { ...settingsFor(smtp), password: 'not-it' });
    const r = await t.call('mail:sendTest', { to: 'owner@shop.test' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('MAIL_SEND_FAILED');
      expect(r.error.message).toContain('refused the user name or password');
    }
    expect(smtp.refusedLogins).toBe(1);
    expect(auditCount(t, 'mail.test', 'failure')).toBe(1);
  });

  it('a server that is down is a clear MAIL_SEND_FAILED within seconds', async () => {
    await t.must('mail:updateSettings', { ...settingsFor(smtp), port: await closedPort() });
    const started = Date.now();
    const r = await t.call('mail:sendTest', { to: 'owner@shop.test' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.ok ? 'ok' : r.error.message).toBe(
      'The e-mail could not be sent: The SMTP server could not be reached.',
    );
  });

  it('bad input is VALIDATION_FAILED and changes nothing', async () => {
    await t.must('mail:updateSettings', settingsFor(smtp));
    const before = t.raw().prepare("SELECT value FROM settings WHERE key = 'mail_smtp'").get();
    const bad: Array<Record<string, unknown>> = [
      { ...settingsFor(smtp), port: 0 },
      { ...settingsFor(smtp), port: 65_536 },
      { ...settingsFor(smtp), port: 25.5 },
      { ...settingsFor(smtp), host: 'smtp example.com' },
      { ...settingsFor(smtp), host: '' },
      { ...settingsFor(smtp), tls: 'ssl' },
      { ...settingsFor(smtp), from: 'not-an-address' },
      { ...settingsFor(smtp), user: 'a\u0000b' },
      { ...settingsFor(smtp), password: '' },
      { ...settingsFor(smtp), extra: 1 },
    ];
    for (const input of bad)
      expect(
        resultCode(await t.call('mail:updateSettings', input as never)),
        JSON.stringify(input),
      ).toBe('VALIDATION_FAILED');
    expect(t.raw().prepare("SELECT value FROM settings WHERE key = 'mail_smtp'").get()).toEqual(
      before,
    );
    expect(auditCount(t, 'mail.settings_update')).toBe(1);
  });

  it('only settings.manage may read or change them; a cashier is FORBIDDEN', async () => {
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    expect(resultCode(await t.call('mail:getSettings', {}, 2))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('mail:updateSettings', settingsFor(smtp), 2))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('mail:sendTest', { to: 'x@shop.test' }, 2))).toBe('FORBIDDEN');
  });

  it('removing the settings turns e-mail off again', async () => {
    await t.must('mail:updateSettings', settingsFor(smtp));
    expect(await t.must('reset:available', {}, 5)).toEqual({ available: true });
    await t.must('mail:removeSettings', {});
    expect(await t.must('mail:getSettings')).toMatchObject({ configured: false });
    expect(await t.must('reset:available', {}, 5)).toEqual({ available: false });
    expect(auditCount(t, 'mail.settings_remove')).toBe(1);
  });
});

describe('without an OS keychain', () => {
  it('refuses to store a password (KEYCHAIN_UNAVAILABLE) and saves nothing', async () => {
    const broken = {
      get: async () => {
        throw new Error('no D-Bus session');
      },
      set: async () => {
        throw new Error('no D-Bus session');
      },
      delete: async () => {
        throw new Error('no D-Bus session');
      },
    };
    const k = await makeTestCore({ secretStore: broken });
    await withAdmin(k);
    expect(resultCode(await k.call('mail:updateSettings', settingsFor(smtp)))).toBe(
      'KEYCHAIN_UNAVAILABLE',
    );
    expect(await k.must('mail:getSettings')).toMatchObject({ configured: false });
    expect(auditCount(k, 'mail.settings_update')).toBe(0);
    await k.close();
  });
});
