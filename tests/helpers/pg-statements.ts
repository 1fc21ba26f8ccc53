/**
 * What this process's node-postgres clients send to a store server, seen on the way out: for
 * tests that count a till's statements, or hold one back to freeze a till mid-sale. Every
 * `Client#query` call goes through a hook until its `restore()` puts the driver's own method
 * back. Hooks nest: restore them in the reverse order.
 */
import pgDriver, { type Client } from 'pg';

/** One statement as a client is about to send it. */
export interface Statement {
  /** The client (one connection) that sends it. */
  client: Client;
  /** Its SQL, whitespace folded to single spaces and trimmed. */
  text: string;
  /**
   * The connection's `application_name`: `kassa: <till>` for a till's pool, with ` (listen)`
   * on its LISTEN connection (`sessionName`, electron/core/db/data-source.ts).
   */
  session: string | undefined;
}

/** Puts the driver's own `query` back. */
export type Restore = () => void;

/**
 * Sends every statement through `around(statement, send)`, whose result the caller gets:
 * `send()` sends it now and returns the driver's own answer (a promise), so `around` may pass
 * it on, wait before sending, or hold the answer back.
 */
export function onClientQuery(
  around: (statement: Statement, send: () => unknown) => unknown,
): Restore {
  const query = pgDriver.Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
  (pgDriver.Client.prototype as { query: unknown }).query = function (
    this: Client,
    ...args: unknown[]
  ) {
    const first = args[0] as string | { text?: string } | undefined;
    const sql = typeof first === 'string' ? first : (first?.text ?? '');
    const session = (this as unknown as { connectionParameters?: { application_name?: string } })
      .connectionParameters?.application_name;
    const statement = { client: this, text: sql.replace(/\s+/g, ' ').trim(), session };
    return around(statement, () => query.apply(this, args));
  };
  return () => {
    (pgDriver.Client.prototype as { query: unknown }).query = query;
  };
}

/** Records every statement sent, in order, until `restore()`; `sent.length = 0` starts afresh. */
export function recordStatements(): { sent: Statement[]; restore: Restore } {
  const sent: Statement[] = [];
  const restore = onClientQuery((statement, send) => (sent.push(statement), send()));
  return { sent, restore };
}
