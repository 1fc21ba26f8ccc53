/**
 * The till's one LISTEN connection to its store server (issue 12, section 2): a plain node-postgres
 * client of its own, never one of the pool's (a pooled connection is handed to other work and
 * would stop listening). It hears `kassa_changes` and passes on each valid topic.
 *
 * When the server goes away the connection ends ("error"/"end"), and the core's 5-second timer
 * (the same one that probes the server) calls `tick`, which connects again. The notifications
 * sent while it was away are lost (PostgreSQL keeps none for a session that is gone), so after
 * every reconnection `onResync` asks the screens to read everything again.
 */
import pg from 'pg';
import type { Client } from 'pg';
import { isStoreChangeTopic, type StoreChangeTopic } from '../../../shared/contract/store-changes';
import type { Logger, ServerTls } from '../types';
import { pgSsl, sessionName } from './data-source';
import { CHANGES_CHANNEL } from './store-changes';

/** How long one connection attempt may take, in ms (it must end before the next 5 s tick). */
const CONNECT_TIMEOUT_MS = 4_000;

export interface ChangeListenerOptions {
  url: string;
  tls: ServerTls;
  /** The till's name, in the connection's `application_name` (data-source.ts sessionName). */
  till: string;
  logger: Logger;
  /** A topic notified on `kassa_changes` (payloads that are not a topic are ignored). */
  onTopic: (topic: StoreChangeTopic) => void;
  /** Connected again after the connection was lost or could not be made. */
  onResync: () => void;
}

export class ChangeListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  /** Whether the lost connection was reported (once per outage). */
  private reported = false;

  constructor(private readonly o: ChangeListenerOptions) {}

  /** The first connection, at start-up; resolves whether or not it was made (never rejects). */
  start(): Promise<void> {
    return this.connect(false);
  }

  /** From the core's timer: connects again when there is no connection. Never throws. */
  tick(): void {
    if (this.client || this.connecting || this.closed) return;
    void this.connect(true);
  }

  /** Ends the connection for good (Core.close). */
  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(resync: boolean): Promise<void> {
    const attempt = this.attempt(resync).finally(() => {
      this.connecting = null;
    });
    this.connecting = attempt;
    return attempt;
  }

  private async attempt(resync: boolean): Promise<void> {
    const client = new pg.Client({
      connectionString: this.o.url,
      ssl: pgSsl(this.o.tls),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      application_name: sessionName(`${this.o.till} (listen)`),
    });
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && isStoreChangeTopic(message.payload))
        this.o.onTopic(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.report(error);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.reported) this.o.logger.info('store changes: listening again');
    this.reported = false;
    if (resync) this.o.onResync();
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    void client.end().catch(() => undefined);
    if (!this.closed) this.report(error ?? new Error('connection ended'));
  }

  private report(error: unknown): void {
    if (this.reported) return;
    this.reported = true;
    this.o.logger.warn('store changes: not listening until the server answers', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
