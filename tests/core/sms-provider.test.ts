/**
 * Kassa's SMS OTP adapter (issue 9, section 4) driven against a real HTTP counterpart on loopback
 * (tests/helpers/sms-provider-server.ts): the two calls, every error answer, a server that is down
 * and one that never answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { EngageLabOtpProvider } from '../../electron/core/sms/engagelab-provider';
import { isAllowedProviderUrl } from '../../shared/contract/sms';
import { SmsProviderError } from '../../electron/core/sms/sms-provider';
import { createMemorySecretStore } from '../../electron/core/secrets';
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
import { startSmsProviderServer, type SmsProviderServer } from '../helpers/sms-provider-server';

const PHONE = '+447700900123';

let server: SmsProviderServer;
beforeEach(async () => {
  server = await startSmsProviderServer({ sendLimitPerNumber: 3 });
});
afterEach(async () => {
  await server.close();
});

function adapter(over: Partial<ConstructorParameters<typeof EngageLabOtpProvider>[0]> = {}) {
  return new EngageLabOtpProvider({
    baseUrl: server.url,
    devKey: server.devKey,
    devSecret: server.devSecret,
    templateId: server.templateId,
    timeoutMs: 1_000,
    ...over,
  });
}

async function failureOf(p: Promise<unknown>): Promise<SmsProviderError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SmsProviderError);
  return e as SmsProviderError;
}

describe('SMS OTP adapter against the provider on loopback', () => {
  it('sends a code with Basic auth and verifies it once', async () => {
    const sms = adapter();
    const { requestId } = await sms.sendCode(PHONE);
    expect(server.sent).toHaveLength(1);
    expect(server.sent[0]).toMatchObject({ to: PHONE, messageId: requestId });
    expect(server.requests[0]!.authorization).toBe(
      `Basic ${Buffer.from(`${server.devKey}:${server.devSecret}`).toString('base64')}`,
    );
    const code = server.lastCodeTo(PHONE)!;
    expect(await sms.verifyCode(requestId, code)).toBe(true);
    // Single use at the provider: the same code again is a used-up request.
    expect((await failureOf(sms.verifyCode(requestId, code))).code).toBe('EXPIRED');
  });

  it('a wrong code is false, and the right one still works after it', async () => {
    const sms = adapter();
    const { requestId } = await sms.sendCode(PHONE);
    const code = server.lastCodeTo(PHONE)!;
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await sms.verifyCode(requestId, wrong)).toBe(false);
    expect(await sms.verifyCode(requestId, code)).toBe(true);
  });

  it('an invalid number is INVALID_NUMBER and nothing is sent', async () => {
    const e = await failureOf(adapter().sendCode('07700900123'));
    expect(e.code).toBe('INVALID_NUMBER');
    expect(e.status).toBe(400);
    expect(server.sent).toHaveLength(0);
  });

  it("the provider's rate limit is RATE_LIMITED", async () => {
    const sms = adapter();
    for (let i = 0; i < 3; i++) await sms.sendCode(PHONE);
    const e = await failureOf(sms.sendCode(PHONE));
    expect(e.code).toBe('RATE_LIMITED');
    expect(e.status).toBe(429);
    expect(server.sent).toHaveLength(3);
  });

  it('an expired or unknown request is EXPIRED', async () => {
    const sms = adapter();
    const { requestId } = await sms.sendCode(PHONE);
    server.expire(requestId);
    expect((await failureOf(sms.verifyCode(requestId, server.lastCodeTo(PHONE)!))).code).toBe(
      'EXPIRED',
    );
    expect((await failureOf(sms.verifyCode('no-such-request', '123456'))).code).toBe('EXPIRED');
  });

  it('a 500, refused credentials and a wrong template are UNAVAILABLE', async () => {
    server.failNext(500);
    expect((await failureOf(adapter().sendCode(PHONE))).code).toBe('UNAVAILABLE');
    server.failNext(503);
    expect((await failureOf(adapter().verifyCode('x', '123456'))).code).toBe('UNAVAILABLE');
    const badKey = await failureOf(adapter({ devSecret: 'wrong' }).sendCode(PHONE));
    expect(badKey).toMatchObject({ code: 'UNAVAILABLE', status: 401 });
    expect(badKey.message).not.toContain('wrong');
    expect((await failureOf(adapter({ templateId: 'nope' }).sendCode(PHONE))).code).toBe(
      'UNAVAILABLE',
    );
    expect(server.sent).toHaveLength(0);
  });

  it('a server that is down is UNAVAILABLE (connection refused)', async () => {
    // A port that was free a moment ago and has nothing listening now.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const e = await failureOf(adapter({ baseUrl: `http://127.0.0.1:${port}` }).sendCode(PHONE));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/cannot be reached/);
  });

  it('a server that never answers is UNAVAILABLE after the timeout', async () => {
    server.hang(true);
    const started = Date.now();
    const e = await failureOf(adapter({ timeoutMs: 300 }).sendCode(PHONE));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/in time/);
    expect(Date.now() - started).toBeLessThan(2_000);
    const v = await failureOf(adapter({ timeoutMs: 300 }).verifyCode('1', '123456'));
    expect(v.code).toBe('UNAVAILABLE');
  });

  it('ten sends in a row get ten distinct request ids', async () => {
    await server.close();
    server = await startSmsProviderServer();
    const sms = adapter();
    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        sms.sendCode(`+4477009001${String(i).padStart(2, '0')}`),
      ),
    );
    expect(new Set(ids.map((r) => r.requestId)).size).toBe(10);
  });

  it('credentials only go to https, or http on loopback', () => {
    expect(isAllowedProviderUrl('https://otp.api.engagelab.cc')).toBe(true);
    expect(isAllowedProviderUrl('http://127.0.0.1:8080')).toBe(true);
    expect(isAllowedProviderUrl('http://otp.example.com')).toBe(false);
    expect(isAllowedProviderUrl('https://user:pw@otp.example.com')).toBe(false);
    expect(isAllowedProviderUrl('ftp://otp.example.com')).toBe(false);
    expect(isAllowedProviderUrl('not a url')).toBe(false);
    expect(() => adapter({ baseUrl: 'http://otp.example.com' })).toThrow(SmsProviderError);
  });
});

describe('SMS settings through the channels (settings.manage, sealed at rest)', () => {
  const settingsFor = (s: SmsProviderServer) => ({
    baseUrl: s.url,
    keyId: s.devKey,
    keySecret: s.devSecret,
    templateId: s.templateId,
  });

  it('starts unconfigured; a test send then says so and writes nothing', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    expect(await t.must('sms:status', {})).toEqual({
      configured: false,
      templateId: null,
      updatedAt: null,
      unreadable: false,
    });
    const before = auditCount(t, 'settings.sms_test');
    expect(resultCode(await t.call('sms:sendTest', { phone: PHONE }))).toBe('SMS_NOT_CONFIGURED');
    expect(auditCount(t, 'settings.sms_test')).toBe(before);
    await t.close();
  });

  it('saves, reports only "configured", and sends a test code to the number in E.164', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    const status = await t.must('sms:save', settingsFor(server));
    expect(status).toMatchObject({ configured: true, templateId: server.templateId });
    const shown = JSON.stringify([status, await t.must('sms:status', {})]);
    for (const hidden of [server.url, server.devKey, server.devSecret])
      expect(shown).not.toContain(hidden);
    await t.must('sms:sendTest', { phone: '07700 900123' });
    expect(server.sent.map((s) => s.to)).toEqual([PHONE]);
    expect(auditCount(t, 'settings.sms_update', 'success')).toBe(1);
    expect(auditCount(t, 'settings.sms_test', 'success')).toBe(1);
    await t.close();
  });

  it('never stores the URL or the credentials in plain text (database file and WAL)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await t.must('sms:save', settingsFor(server));
    await t.must('sms:sendTest', { phone: PHONE });
    const basic = Buffer.from(`${server.devKey}:${server.devSecret}`).toString('base64');
    const files = [t.dbPath, `${t.dbPath}-wal`].filter((f) => existsSync(f));
    expect(files.length).toBe(2);
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const secret of [server.devSecret, server.devKey, server.url, basic])
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${f}`).toBe(false);
    }
    // What is stored is sealed, and opens again after a restart on the same keychain.
    const row = t.raw().prepare("SELECT value FROM settings WHERE key = 'sms_provider'").get() as {
      value: string;
    };
    expect(row.value).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    await t.core.close();
    const again = await makeTestCore({ dir: t.dir });
    await again.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    expect((await again.must('sms:status', {})).configured).toBe(true);
    await again.close();
  });

  it('another keychain cannot open the settings: shown as unreadable, no code is sent', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await t.must('sms:save', settingsFor(server));
    await t.core.close();
    const other = await makeTestCore({ dir: t.dir, secretStore: createMemorySecretStore() });
    await other.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    expect(await other.must('sms:status', {})).toMatchObject({
      configured: false,
      unreadable: true,
    });
    expect(resultCode(await other.call('sms:sendTest', { phone: PHONE }))).toBe(
      'SMS_NOT_CONFIGURED',
    );
    expect(server.sent).toHaveLength(0);
    await other.close();
  });

  it('without a keychain saving is KEYCHAIN_UNAVAILABLE and nothing is written', async () => {
    const broken = createMemorySecretStore();
    const t = await makeTestCore({ secretStore: broken });
    await withAdmin(t);
    broken.set = () => Promise.reject(new Error('no keychain'));
    broken.get = () => Promise.reject(new Error('no keychain'));
    expect(resultCode(await t.call('sms:save', settingsFor(server)))).toBe('KEYCHAIN_UNAVAILABLE');
    expect(smsRows(t)).toBe(0);
    expect(auditCount(t, 'settings.sms_update')).toBe(0);
    await t.close();
  });

  it('bad input is refused and changes nothing', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await t.must('sms:save', settingsFor(server));
    const stored = t.raw().prepare('SELECT key, value FROM settings ORDER BY key').all();
    for (const bad of [
      { ...settingsFor(server), baseUrl: 'http://otp.example.com' },
      { ...settingsFor(server), baseUrl: 'https://u:p@otp.example.com' },
      { ...settingsFor(server), keySecret: 'has space' },
      { ...settingsFor(server), keyId: '' },
      { ...settingsFor(server), templateId: 'x'.repeat(101) },
      { ...settingsFor(server), extra: 1 },
    ])
      expect(resultCode(await t.call('sms:save', bad as never))).toBe('VALIDATION_FAILED');
    expect(resultCode(await t.call('sms:sendTest', { phone: 'call me' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(t.raw().prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual(stored);
    expect(server.sent).toHaveLength(0);
    await t.close();
  });

  it("maps the provider's refusals and a server that is down; each failure is audited", async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await t.must('sms:save', settingsFor(server));
    const refused = await t.call('sms:sendTest', { phone: '+1 23' + '4'.repeat(2) });
    expect(resultCode(refused)).toBe('VALIDATION_FAILED');
    expect(refused.ok ? [] : refused.error.issues?.map((i) => i.path)).toEqual(['phone']);
    server.failNext(429);
    expect(resultCode(await t.call('sms:sendTest', { phone: PHONE }))).toBe('SMS_RATE_LIMITED');
    await server.close();
    expect(resultCode(await t.call('sms:sendTest', { phone: PHONE }))).toBe('SMS_UNAVAILABLE');
    expect(auditCount(t, 'settings.sms_test', 'failure')).toBe(3);
    server = await startSmsProviderServer();
    await t.close();
  });

  it('only settings.manage may read, change or use them; clearing turns SMS off', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    await t.must('sms:save', settingsFor(server));
    for (const [channel, input] of [
      ['sms:status', {}],
      ['sms:save', settingsFor(server)],
      ['sms:clear', {}],
      ['sms:sendTest', { phone: PHONE }],
    ] as const)
      expect(resultCode(await t.call(channel, input as never, 2)), channel).toBe('FORBIDDEN');
    expect(server.sent).toHaveLength(0);
    expect((await t.must('sms:clear', {})).configured).toBe(false);
    expect(smsRows(t)).toBe(0);
    expect(auditCount(t, 'settings.sms_clear')).toBe(1);
    // Clearing again changes nothing and audits nothing.
    await t.must('sms:clear', {});
    expect(auditCount(t, 'settings.sms_clear')).toBe(1);
    await t.close();
  });
});

function smsRows(t: TestCore): number {
  return (
    t.raw().prepare("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'sms_%'").get() as {
      n: number;
    }
  ).n;
}
