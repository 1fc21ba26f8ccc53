/**
 * The till's one LISTEN connection to its store server (issue 12, section 2): a plain node-postgres
 * client of its own, never one of the pool's (a pooled connection is handed to other work and
 * would stop listening). It hears `kassa_changes` and passes on each valid topic.
 *
 * When the server goes away the connection ends ("error"/"end"), and the core's 5-second timer
 * (the same one that probes the server) calls `tick`, which connects again. The notifications
 * sent while it was away are lost (PostgreSQL keeps none for a session that is gone), so after
 * every reconnection `onResync` asks the screens to read everything again.
 *
 * Each `tick` also asks the server `SELECT 1` on this connection (issue 12, section 3). A server
 * that stops answering without closing its connections (a hung host, a switch gone between till
 * and server) ends none of them: the till's statements would wait for TCP itself, for minutes,
 * and it would say nothing. An answer that has not come after `answerMs` (SERVER_ANSWER_MS) calls
 * `onSilent`, and the connection is dropped, to be made again once the server answers.
 */
import type { Socket } from 'node:net';
import pg from 'pg';
import type { Client } from 'pg';
import { isStoreChangeTopic, type StoreChangeTopic } from '../../../shared/contract/store-changes';
import type { Logger, ServerTls } from '../types';
import { pgSsl, sessionName } from './data-source';
import { CHANGES_CHANNEL } from './store-changes';

/** How long one connection attempt may take, in ms (it must end before the next 5 s tick). */
const CONNECT_TIMEOUT_MS = 4_000;

/**
 * How long the server may take to answer the round's `SELECT 1`, in ms. Loopback or a shop's
 * network answers in well under a millisecond, a busy server in a few; 3 s without an answer is a
 * server that is not answering.
 */
export const SERVER_ANSWER_MS = 3_000;

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
  /** The server did not answer the round's `SELECT 1` within `answerMs`. */
  onSilent: () => void;
  /** Default SERVER_ANSWER_MS. */
  answerMs?: number;
  /** The socket of each connection (ServerSockets.stream), so the till can drop it. */
  stream?: () => Socket;
}

export class ChangeListener {
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  /** Whether the lost connection was reported (once per outage). */
  private reported = false;
  /** Whether the round's `SELECT 1` is still waiting for its answer, and which one it is. */
  private asking = false;
  private asked = 0;

  constructor(private readonly o: ChangeListenerOptions) {}

  /** The first connection, at start-up; resolves whether or not it was made (never rejects). */
  start(): Promise<void> {
    return this.connect(false);
  }

  /**
   * From the core's timer: connects again when there is no connection, and otherwise asks the
   * server `SELECT 1` (see the top). Never throws.
   */
  tick(): void {
    if (this.closed || this.connecting || this.asking) return;
    if (this.client) this.ask(this.client);
    else void this.connect(true);
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
      ...(this.o.stream ? { stream: this.o.stream } : {}),
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

  private ask(client: Client): void {
    const ask = ++this.asked;
    this.asking = true;
    const done = () => {
      if (this.asked === ask) this.asking = false;
    };
    const silent = () => {
      if (this.asked !== ask || !this.asking) return;
      done();
      this.lost(client, new Error('the store server did not answer'));
      this.o.onSilent();
    };
    // Decided after the loop's next look at the sockets (setImmediate runs after its I/O): when
    // this process itself stalled past the limit (a long GC, synchronous work), an answer that
    // came meanwhile is read first, and the server is not taken for silent.
    const silence = setTimeout(() => setImmediate(silent), this.o.answerMs ?? SERVER_ANSWER_MS);
    void client
      .query('SELECT 1')
      .catch(() => undefined) // a connection that ends is reported by its own events
      .finally(() => {
        clearTimeout(silence);
        done();
      });
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
