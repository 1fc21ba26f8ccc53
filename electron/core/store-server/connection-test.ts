/**
 * Trying a store server connection before a till relies on it (issue 12, section 1): one real
 * sign-in through the same driver and TLS options the till will use, then the server's version. What failed is told apart by the
 * server's SQLSTATE (PostgreSQL docs, Appendix A) or the network's and TLS's own error codes, so
 * the till can say "wrong password" rather than "failed".
 */
import { DataSource } from 'typeorm';
import {
  MIN_SERVER_VERSION_NUM,
  type ConnectionProblem,
  type ConnectionTest,
  type ServerConnection,
} from '../../../shared/contract/store-server';
import { pgSsl, SERVER_CONNECT_TIMEOUT_MS } from '../db/data-source';
import { serverUnreachable } from '../db/storage-errors';
import type { ServerTls } from '../types';

/** The ServerTls of a connection's mode and CA (createPostgresDataSource's `tls`). */
export function serverTls(connection: Pick<ServerConnection, 'tls' | 'ca'>): ServerTls {
  if (connection.tls === 'verify-full') return { mode: 'verify-full', ca: connection.ca ?? '' };
  return { mode: connection.tls };
}

/** The postgres:// URL of a connection, every part percent-encoded (RFC 3986), password included. */
export function connectionUrl(c: Omit<ServerConnection, 'tls' | 'ca'>): string {
  const host = c.host.includes(':') ? `[${c.host}]` : c.host;
  const user = encodeURIComponent(c.user);
  return `postgres://${user}:${encodeURIComponent(c.password)}@${host}:${c.port}/${encodeURIComponent(c.database)}`;
}

/**
 * Signs in to the server of `connection` once and reads its version. Answers `{ok: true,
 * serverVersion}` for PostgreSQL 14 or newer, or `{ok: false, problem, detail}` where `problem`
 * is one of CONNECTION_PROBLEMS and `detail` is the server's or the network's message without
 * the password. Never throws; closes its connection either way.
 */
export async function testConnection(connection: ServerConnection): Promise<ConnectionTest> {
  const ds = new DataSource({
    type: 'postgres',
    url: connectionUrl(connection),
    ssl: pgSsl(serverTls(connection)),
    connectTimeoutMS: SERVER_CONNECT_TIMEOUT_MS,
    poolSize: 1,
    logging: false,
  });
  try {
    await ds.initialize();
    const rows = (await ds.query(
      "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
    )) as Array<{ num: string; version: string }>;
    const { num, version } = rows[0]!;
    if (Number(num) < MIN_SERVER_VERSION_NUM)
      return {
        ok: false,
        problem: 'version',
        detail: `PostgreSQL ${version}; Kassa needs 14 or newer`,
      };
    return { ok: true, serverVersion: version.slice(0, 40) };
  } catch (error) {
    return {
      ok: false,
      problem: connectionProblem(error),
      detail: withoutSecret(String((error as Error).message ?? error), connection.password),
    };
  } finally {
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
  }
}

/** Which of CONNECTION_PROBLEMS a failed sign-in is. */
export function connectionProblem(error: unknown): ConnectionProblem {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = String((error as { message?: unknown }).message ?? '');
  // pg_hba.conf refusing a connection for lack of TLS is 28000 too: that is a TLS problem.
  if (code === '28000' && /SSL|encryption/i.test(message)) return 'tls';
  if (code === '28P01' || code === '28000') return 'authentication';
  if (code === '3D000') return 'database';
  if (serverUnreachable(error) || /timeout|timed out|ENOTFOUND|EAI_AGAIN/i.test(message))
    return 'unreachable';
  if (/CERT|TLS|SSL/.test(code) || /SSL|certificate/i.test(message)) return 'tls';
  return 'unreachable';
}

/** `text` cut to 300 characters with every occurrence of `secret` masked. */
function withoutSecret(text: string, secret: string): string {
  return text.split(secret).join('•••').slice(0, 300);
}
