/**
 * Kassa's SMS OTP adapter (issue 9, section 4) driven against a real HTTP counterpart on loopback
 * (tests/helpers/sms-provider-server.ts): the two calls, every error answer, a server that is down
 * and one that never answers.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  EngageLabOtpProvider,
  isAllowedProviderUrl,
} from '../../electron/core/sms/engagelab-provider';
import { SmsProviderError } from '../../electron/core/sms/sms-provider';
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
