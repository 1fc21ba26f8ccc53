/**
 * Joining a store server (issue 12, section 1): a till keeps its data in its own SQLite file, or
 * joins a PostgreSQL server that the store's tills share. First run offers the choice; later an
 * admin changes the connection in Settings, with re-authentication (S3). The password never
 * comes back out: it is sealed with the keychain's data key on the till (issue 9, "Keychain").
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { displayText, emptyInput, idSchema, utcTimestamp } from './common';
import { mailHostSchema } from './mail';

/** libpq's sslmode values Kassa offers: no TLS, TLS without checks, or TLS checked against a CA. */
export const TLS_MODES = ['disable', 'require', 'verify-full'] as const;
export type TlsMode = (typeof TLS_MODES)[number];

/** What a connection test found wrong: each has its own plain message on the till. */
export const CONNECTION_PROBLEMS = [
  /** Nothing answered at host:port (refused, no route, unknown name, timed out). */
  'unreachable',
  /** The server refused the user or password (SQLSTATE 28P01, 28000). */
  'authentication',
  /** TLS could not be set up: not offered by the server, or its certificate did not check out. */
  'tls',
  /** The database does not exist on that server (SQLSTATE 3D000). */
  'database',
  /** The server is older than PostgreSQL 14. */
  'version',
] as const;
export type ConnectionProblem = (typeof CONNECTION_PROBLEMS)[number];

/** The oldest PostgreSQL a store server may run: 14 (`server_version_num` 140000). */
export const MIN_SERVER_VERSION_NUM = 140000;

/** What the store server's address and sign-in take, whatever the TLS mode. */
const connectionFields = {
  /** A host name (RFC 1123) or an IP address, as the SMTP server's is checked. */
  host: mailHostSchema,
  port: z.number().int().min(1).max(65535),
  /** PostgreSQL names databases and roles with at most 63 bytes. */
  database: displayText(63),
  user: displayText(63),
  password: z.string().min(1, 'Required').max(200),
};

/** The CA certificate that signed the server's, as PEM text (RFC 7468). */
const caPemSchema = z
  .string()
  .max(20_000)
  .refine((pem) => pem.includes('-----BEGIN CERTIFICATE-----'), 'A PEM certificate (CA)');

/**
 * Where the store server is and how to sign in to it; the CA only with verify-full (libpq's
 * sslmode names): `disable` (no TLS), `require` (TLS, certificate not checked), `verify-full`.
 */
export const serverConnectionSchema = z.discriminatedUnion('tls', [
  z.strictObject({ ...connectionFields, tls: z.literal('disable') }),
  z.strictObject({ ...connectionFields, tls: z.literal('require') }),
  z.strictObject({ ...connectionFields, tls: z.literal('verify-full'), ca: caPemSchema }),
]);

/** A connection as the core handles it: any of serverConnectionSchema's shapes. */
export interface ServerConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tls: TlsMode;
  /** With verify-full only. */
  ca?: string;
}

/** A till's name on the store server: unique among the store's tills (`tills.name`). */
export const tillNameSchema = displayText(64);

export const connectionTestSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), serverVersion: z.string().max(40) }),
  z.strictObject({
    ok: z.literal(false),
    problem: z.enum(CONNECTION_PROBLEMS),
    /** The server's or the network's own words, shortened; never the password. */
    detail: z.string().max(300),
  }),
]);
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

/** Where this till's data is: its own file, or a store server (never the password). */
export const storeServerConnectionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('local') }),
  z.strictObject({
    kind: z.literal('server'),
    host: z.string(),
    port: z.number().int(),
    database: z.string(),
    user: z.string(),
    tls: z.enum(TLS_MODES),
    tillName: z.string(),
  }),
]);

/**
 * One till of the store (`storeServer:tills`): `lastSeenAt` is UTC, written by the till at its
 * start, then every minute while it runs, and when it closes (null before it first ran with this
 * version); `running` is true for this till, and for one seen in the last 150 s that has not
 * closed since; `storeKey`, whether it holds the store key (issue 12; secrets/store-key.ts);
 * `openShift`, its open shift, if any (another till may close it while this one is off:
 * `shifts:close`); `retiredAt`, when an admin retired it (UTC; `storeServer:retireTill`), null
 * while in service. A retired till is never running.
 */
export const storeTillSummarySchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  thisTill: z.boolean(),
  running: z.boolean(),
  lastSeenAt: utcTimestamp.nullable(),
  retiredAt: utcTimestamp.nullable(),
  storeKey: z.boolean(),
  openShift: z
    .strictObject({ id: z.number().int(), openedAt: utcTimestamp, openedBy: z.string() })
    .nullable(),
});
export type StoreTillSummary = z.infer<typeof storeTillSummarySchema>;

export const storeServerChannels = {
  'storeServer:test': defineChannel({
    summary:
      'First run only: try a store server connection and say what failed, if anything: unreachable, authentication, tls, database, or a version below PostgreSQL 14. Changes nothing. SETUP_ALREADY_DONE once this till has staff.',
    input: z.strictObject({ connection: serverConnectionSchema }),
    output: connectionTestSchema,
    access: 'public',
  }),
  'storeServer:join': defineChannel({
    summary:
      'First run only: join a store server as the till `tillName`. Tests the connection (STORE_SERVER_REFUSED, saying what failed), runs the migrations if this is the first till, claims the name (TILL_NAME_TAKEN if another till has it), seals the password with the keychain data key, then reopens this till on the server. SETUP_ALREADY_DONE once this till has staff of its own.',
    input: z.strictObject({ connection: serverConnectionSchema, tillName: tillNameSchema }),
    output: z.strictObject({ tillName: z.string() }),
    access: 'public',
  }),
  'storeServer:connection': defineChannel({
    summary:
      "Where this till's data is: `local`, or the store server's host, port, database, user, TLS mode and this till's name. Never the password.",
    input: emptyInput,
    output: storeServerConnectionSchema,
    access: 'settings.manage',
  }),
  'storeServer:change': defineChannel({
    summary:
      "Change this till's store server connection (a new host, password or TLS mode), keeping its till name; with re-authentication (S3). Tested first: STORE_SERVER_REFUSED says what failed and nothing changes. The new server must hold this store's data: the till's name must be there (NOT_FOUND otherwise). CONFLICT on a till that keeps its data in its own file.",
    input: z.strictObject({ connection: serverConnectionSchema }),
    output: z.strictObject({ tillName: z.string() }),
    access: 'settings.manage',
    reauth: true,
  }),
  'storeServer:copy': defineChannel({
    summary:
      'Copy my data to the server: moves everything this till kept in its own file to an empty store server, in one server transaction checked table by table (row counts and the sums of every integer column: money in minor units, quantities) before it commits (COPY_MISMATCH: nothing committed). This till is then `tillName` there and reopens on it; its SQLite file stays untouched, as a backup. With re-authentication (S3). CONFLICT on a till already on a server or a server that holds a store; STORE_SERVER_REFUSED when the connection fails.',
    input: z.strictObject({ connection: serverConnectionSchema, tillName: tillNameSchema }),
    output: z.strictObject({
      tillName: z.string(),
      tables: z.number().int(),
      rows: z.number().int(),
      /** Sum of every sale's total, minor units, as read back from the server. */
      salesTotal: z.number().int(),
    }),
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
  'storeServer:tills': defineChannel({
    summary:
      'The tills of this store server, this till first, then by name, retired ones last: when each was last seen (UTC; a running till says so every minute), whether it is running, whether it holds the store key, and its open shift (since when, opened by whom). Changes nothing. CONFLICT on a till that keeps its data in its own file.',
    input: emptyInput,
    output: z.strictObject({ items: z.array(storeTillSummarySchema) }),
    access: 'settings.manage',
  }),
  'storeServer:retireTill': defineChannel({
    summary:
      "Retire the till `tillId` of this store server: a computer that died, was replaced or was lost. It opens on the server no more (its window shows that it was retired; a till running finds out within a minute), its share of the store key is removed, and its name stays taken; its sales, Z reports and audit chain stay. With re-authentication (S3): it takes a till's right to sell away. CONFLICT, nothing written: a till with its own file, this till, a till running or already retired, or one with a shift open (close it first). NOT_FOUND for no such till. Audited (till.retire).",
    input: z.strictObject({ tillId: idSchema }),
    output: z.strictObject({ name: z.string(), retiredAt: utcTimestamp }),
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
} as const;
