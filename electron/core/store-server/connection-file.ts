/**
 * The till's own record of its store server (issue 12, section 1): `store-server.json` beside the
 * till's database path. Its password is sealed with the keychain's data key (AES-256-GCM,
 * sealed-text.ts; docs/security-requirements.md "Keychain"), so the file alone opens nothing.
 * Without the file the till keeps its data in its own SQLite file.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import {
  TLS_MODES,
  serverConnectionSchema,
  type ServerConnection,
} from '../../../shared/contract/store-server';
import { openText, sealText } from '../secrets/sealed-text';
import type { DatabaseOption, SecretStore } from '../types';
import { connectionUrl, serverTls } from './connection-test';

/** The purpose the password is sealed for: it opens for nothing else (sealed-text.ts AAD). */
export const PASSWORD_PURPOSE = 'storeServer.password';

const fileSchema = z.strictObject({
  version: z.literal(1),
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  /** `v1.<nonce>.<tag>.<ciphertext>` from sealText. */
  password: z.string(),
  tls: z.enum(TLS_MODES),
  ca: z.string().optional(),
  tillName: z.string().min(1).max(64),
});

/** The store server a till uses, with its password opened: what the core boots from. */
export interface JoinedServer {
  database: Extract<DatabaseOption, { kind: 'postgres' }>;
  /** The connection without its password, for Settings. */
  connection: Omit<ServerConnection, 'password'>;
  tillName: string;
}

/** Where a till with its database at `databasePath` keeps its store server file. */
export function storeServerFilePath(databasePath: string): string {
  return join(dirname(databasePath), 'store-server.json');
}

/**
 * The server the file at `path` names, its password opened with the data key; null when there is
 * no file (a till on its own SQLite file). Throws Error when the file is not Kassa's, and AppError
 * KEYCHAIN_UNAVAILABLE when the password cannot be opened on this computer.
 */
export async function readStoreServerFile(
  path: string,
  secrets: SecretStore,
): Promise<JoinedServer | null> {
  if (!existsSync(path)) return null;
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a store server file Kassa wrote`);
  const { version: _version, password, tillName, ...connection } = parsed.data;
  const opened = await openText(secrets, PASSWORD_PURPOSE, password);
  const url = connectionUrl({ ...connection, password: opened });
  return { database: { kind: 'postgres', url, tls: serverTls(connection) }, connection, tillName };
}

/**
 * Writes the file at `path` for `connection` and `tillName`, the password sealed, readable by the
 * till's OS user only; replaced in one rename, so a crash leaves the old file or the new one.
 * Throws AppError KEYCHAIN_UNAVAILABLE when the data key cannot be had.
 */
export async function writeStoreServerFile(
  path: string,
  secrets: SecretStore,
  connection: ServerConnection,
  tillName: string,
): Promise<void> {
  const checked = serverConnectionSchema.parse(connection);
  const password = await sealText(secrets, PASSWORD_PURPOSE, checked.password);
  const body: z.infer<typeof fileSchema> = { version: 1, ...checked, password, tillName };
  const partial = `${path}.partial`;
  writeFileSync(partial, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, path);
}

/**
 * The JoinedServer of a `database` option given to createCore directly (tests, the bench), so
 * Settings shows where the till is; `tillName` is the till's terminal name.
 */
export function joinedFromOption(
  database: Extract<DatabaseOption, { kind: 'postgres' }>,
  tillName: string,
): JoinedServer {
  const url = new URL(database.url);
  const { tls } = database;
  return {
    database,
    tillName,
    connection: {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 5432),
      database: decodeURIComponent(url.pathname.slice(1)),
      user: decodeURIComponent(url.username),
      tls: tls.mode,
      ...(tls.mode === 'verify-full' ? { ca: tls.ca } : {}),
    },
  };
}
