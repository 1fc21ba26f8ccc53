/**
 * A local stand-in for the SMS OTP provider (EngageLab-style API, see
 * electron/core/sms/engagelab-provider.ts): node:http on 127.0.0.1 at a random port, with the
 * provider's two calls and its error answers. Tests drive Kassa's real adapter against it.
 *
 * - `POST /v1/messages` `{to, template: {id}}` → `{message_id}`; a `to` that is not E.164 is
 *   400 code 3002; more than `sendLimitPerNumber` sends to one number is 429; a wrong template id
 *   is 400 code 3003; bad credentials are 401 code 2001.
 * - `POST /v1/verifications` `{message_id, verify_code}` → `{verified}`; an expired (see
 *   `expire`) or unknown message is 400 code 4001; a message already verified is 400 code 4002.
 * - `failNext(status)` answers the next call with that status (e.g. 500); `hang(true)` accepts
 *   requests and never answers (timeouts).
 *
 * Exported for every test that needs an SMS counterpart (phone verification too).
 */
import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  to: string;
  templateId: string;
  messageId: string;
  code: string;
}

export interface SmsProviderServer {
  /** `http://127.0.0.1:<port>`: the base URL to configure. */
  url: string;
  devKey: string;
  devSecret: string;
  templateId: string;
  /** Every accepted send, oldest first. */
  sent: SentSms[];
  /** Every request's Authorization header, method and path, oldest first. */
  requests: { path: string; authorization: string | undefined }[];
  /** The code of the latest message to `to`, or undefined. */
  lastCodeTo(to: string): string | undefined;
  /** Makes a message's code expired. */
  expire(messageId: string): void;
  /** Answers the next call with `status` (and `{code, message}`), whatever it asks. */
  failNext(status: number, code?: number): void;
  /** While true, requests are read and never answered. */
  hang(on: boolean): void;
  close(): Promise<void>;
}

export interface SmsProviderServerOptions {
  devKey?: string;
  devSecret?: string;
  templateId?: string;
  /** Sends accepted per number before 429; default unlimited. */
  sendLimitPerNumber?: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export async function startSmsProviderServer(
  opts: SmsProviderServerOptions = {},
): Promise<SmsProviderServer> {
  const devKey = opts.devKey ?? 'kassa-test-key';
  const devSecret = opts.devSecret ?? 'sms-secret-9f3c1e7a5b';
  const templateId = opts.templateId ?? 'kassa-verify';
  const expectedAuth = `Basic ${Buffer.from(`${devKey}:${devSecret}`).toString('base64')}`;
  const sent: SentSms[] = [];
  const requests: SmsProviderServer['requests'] = [];
  const expired = new Set<string>();
  const used = new Set<string>();
  const sendsPerNumber = new Map<string, number>();
  let forced: { status: number; code: number | undefined } | null = null;
  let hanging = false;

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
      if (hanging) return;
      if (forced) {
        const f = forced;
        forced = null;
        return reply(res, f.status, { code: f.code ?? f.status, message: 'forced failure' });
      }
      if (req.method !== 'POST') return reply(res, 405, { code: 1001, message: 'method' });
      if (req.headers.authorization !== expectedAuth)
        return reply(res, 401, { code: 2001, message: 'authentication failed' });
      if (!body) return reply(res, 400, { code: 3001, message: 'invalid body' });
      if (req.url === '/v1/messages') {
        const to = body['to'];
        const template = body['template'] as Record<string, unknown> | undefined;
        if (typeof to !== 'string' || !E164.test(to))
          return reply(res, 400, { code: 3002, message: 'invalid to' });
        if (template?.['id'] !== templateId)
          return reply(res, 400, { code: 3003, message: 'template not found' });
        const n = (sendsPerNumber.get(to) ?? 0) + 1;
        if (n > (opts.sendLimitPerNumber ?? Infinity))
          return reply(res, 429, { code: 4290, message: 'frequency limit' });
        sendsPerNumber.set(to, n);
        const messageId = String(1_700_000_000_000_000 + sent.length * 7919 + randomInt(1000));
        const code = String(randomInt(1_000_000)).padStart(6, '0');
        sent.push({ to, templateId, messageId, code });
        return reply(res, 200, { message_id: messageId, send_channel: 'sms' });
      }
      if (req.url === '/v1/verifications') {
        const messageId = body['message_id'];
        const code = body['verify_code'];
        const message = sent.find((s) => s.messageId === messageId);
        if (!message || expired.has(message.messageId))
          return reply(res, 400, { code: 4001, message: 'verification code expired' });
        if (used.has(message.messageId))
          return reply(res, 400, { code: 4002, message: 'verification code already verified' });
        const verified = code === message.code;
        if (verified) used.add(message.messageId);
        return reply(res, 200, { message_id: messageId, verify_code: code, verified });
      }
      return reply(res, 404, { code: 1002, message: 'not found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    devKey,
    devSecret,
    templateId,
    sent,
    requests,
    lastCodeTo: (to) => sent.filter((s) => s.to === to).at(-1)?.code,
    expire: (id) => void expired.add(id),
    failNext: (status, code) => void (forced = { status, code }),
    hang: (on) => void (hanging = on),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
