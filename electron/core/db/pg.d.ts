/**
 * The part of node-postgres (`pg`, the driver TypeORM uses for a store server) that the core uses
 * directly: one plain client for LISTEN (db/change-listener.ts), and a pooled client's query with
 * a COPY stream (store-server/copy-to-server.ts) or a named prepared statement (db/sql.ts). `pg`
 * ships no types and `@types/pg` is not a dependency, so this declares only what is called, after
 * the node-postgres documentation (Client, "notification" and "error" events, "Prepared
 * statements") and pg-copy-streams' README (`from`).
 */
declare module 'pg' {
  export interface Notification {
    processId: number;
    channel: string;
    payload?: string;
  }
  export interface ClientConfig {
    connectionString: string;
    ssl?: false | { rejectUnauthorized: boolean; ca?: string };
    connectionTimeoutMillis?: number;
    keepAlive?: boolean;
    application_name?: string;
  }
  export class Client {
    constructor(config: ClientConfig);
    connect(): Promise<void>;
    query(sql: string): Promise<unknown>;
    end(): Promise<void>;
    on(event: 'notification', listener: (message: Notification) => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'end', listener: () => void): this;
  }
  /** A named prepared statement: parsed once per connection, then only bound and executed. */
  export interface NamedQuery {
    name: string;
    text: string;
    values: unknown[];
  }
  /**
   * A pool's client (TypeORM's query runner holds one): `query` with a COPY stream, or with a
   * named statement (db/sql.ts).
   */
  export interface PoolClient {
    query<R>(config: NamedQuery): Promise<{ rows: R[] }>;
    query<T>(submittable: T): T;
  }
  const pg: { Client: typeof Client };
  export default pg;
}

declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  /** `COPY … FROM STDIN`: write the rows in COPY's text format, then end the stream. */
  export function from(sql: string): Writable;
}
