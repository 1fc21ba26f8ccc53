/**
 * A real SMTP server on loopback for tests (issue 9, section 4): `smtp-server` on 127.0.0.1 at a
 * random port, capturing every message and parsing it with `mailparser`. It takes plain SMTP
 * (the `none` TLS mode) and, when `credentials` are given, AUTH PLAIN/LOGIN with exactly them.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export interface CapturedMail {
  to: string[];
  subject: string;
  text: string;
  from: string;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  messages: CapturedMail[];
  /** Resolves with the `n`th message (1-based) once it has arrived; rejects after `ms`. */
  waitFor(n: number, ms?: number): Promise<CapturedMail>;
  /** Logins that were refused. */
  refusedLogins: number;
  close(): Promise<void>;
}

export async function startSmtpServer(
  opts: { credentials?: { user: string; pass: string } } = {},
): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  const waiters: Array<() => void> = [];
  const state = { refusedLogins: 0 };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: opts.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      const c = opts.credentials;
      if (c && auth.username === c.user && auth.password === c.pass)
        return cb(null, { user: c.user });
      state.refusedLogins += 1;
      return cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            parsed,
          });
          for (const w of waiters.splice(0)) w();
          cb();
        })
        .catch((e: Error) => cb(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    messages,
    get refusedLogins() {
      return state.refusedLogins;
    },
    async waitFor(n, ms = 5_000) {
      const deadline = Date.now() + ms;
      while (messages.length < n) {
        if (Date.now() > deadline)
          throw new Error(`only ${messages.length} of ${n} messages arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return messages[n - 1]!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A test SMTP server for a whole test file: started before its tests, closed after them. The
 * answer reads through to the running server, so it can be kept in a `const` at describe level.
 */
export function useSmtpServer(): TestSmtpServer {
  let server: TestSmtpServer | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const live = () => {
    if (!server) throw new Error('the SMTP server starts in beforeAll');
    return server;
  };
  return {
    get host() {
      return live().host;
    },
    get port() {
      return live().port;
    },
    get messages() {
      return live().messages;
    },
    get refusedLogins() {
      return live().refusedLogins;
    },
    waitFor: (n, ms) => live().waitFor(n, ms),
    close: () => live().close(),
  };
}

/** A free loopback port with nothing listening: "the SMTP server is down". */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
