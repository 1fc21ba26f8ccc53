/**
 * Issue 12, section 3: a store server that stops answering without closing its connections (a
 * hung host, a switch gone between till and server). The server is frozen for real (SIGSTOP to
 * the postmaster and every process it started), so its connections stay open and nothing on them
 * answers; a stopped or crashed server is postgres-outage.test.ts.
 * - The till's round asks `SELECT 1` on its LISTEN connection; with no answer in time (1 s here,
 *   3 s in a shop) the till says "Store server unreachable since …", and every call but
 *   `app:status` answers SERVER_UNREACHABLE at once instead of waiting on the server.
 * - A sale sent just before the freeze waits for the server: it is never answered as saved unless
 *   it was, and sent again with its id it is recorded once.
 * - Once the server answers again the warning goes by itself, and the till sells on with gapless
 *   receipts.
 */
import {
  createPostgresDataSource,
  SERVER_CONNECT_TIMEOUT_MS,
} from '../../electron/core/db/data-source';
import { Database } from '../../electron/core/db/database';
import { ServerSockets } from '../../electron/core/db/server-sockets';
import { callerFor, resultCode } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { onClientQuery } from '../helpers/pg-statements';
import { createMug, mugSale, setUpStore, storeTill, type StoreTill } from '../helpers/store-server';
import { sleep, until, within } from '../helpers/waits';

const bin = findPostgres();
const ANSWER_MS = 1_000;

/** The till's storage status as a window without a session reads it (no server needed). */
async function storage(till: StoreTill): Promise<{ ok: boolean; reason?: string; since?: string }> {
  return (await till.must('app:status', undefined, 2)).storage;
}

/**
 * Asks app:status every 100 ms, as the till's screen does (each ask on its own: one that waits on
 * the server holds up none after it), until its storage `ok` is `ok`; answers the time it took.
 */
function whenStorage(till: StoreTill, ok: boolean, ms: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (Date.now() - started > ms) {
        clearInterval(timer);
        reject(new Error(`app:status did not say ok: ${ok} within ${ms} ms`));
      }
      void storage(till).then((s) => {
        if (s.ok !== ok) return;
        clearInterval(timer);
        resolve(Date.now() - started);
      }, reject);
    }, 100);
  });
}

describe.skipIf(!bin)('a store server that stops answering (issue 12)', () => {
  let pg: PgServer;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterAll(() => {
    pg?.thaw();
    pg?.stop();
  });

  it('the till says so within seconds, answers at once meanwhile, and sells on once it answers', async () => {
    const url = await createDatabase(pg, 'silent');
    const till = await storeTill(url, 'till-1', undefined, {
      serverWaits: { answerMs: ANSWER_MS },
    });
    let frozen = false;
    try {
      await setUpStore(till, url);
      const mug = await createMug(till);
      const receipts: number[] = [];
      for (let i = 0; i < 2; i++)
        receipts.push((await till.must('sales:checkout', mugSale(mug))).receiptNo);
      expect(await storage(till)).toEqual({ ok: true });

      pg.freeze();
      frozen = true;
      // Sent as the server froze: it waits for the server, like any statement under way.
      const inFlight = mugSale(mug);
      const inFlightAnswer = till.invoke('sales:checkout', inFlight, callerFor(1));

      const noticed = await whenStorage(till, false, ANSWER_MS + 3_000);
      expect(await storage(till)).toMatchObject({ ok: false, reason: 'server' });
      // Meanwhile a call is answered at once, and nothing is saved.
      const refusedSale = mugSale(mug);
      const asked = Date.now();
      const refused = await within(
        3_000,
        'a sale while the server is silent',
        till.invoke('sales:checkout', refusedSale, callerFor(1)),
      );
      const answeredIn = Date.now() - asked;
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'SERVER_UNREACHABLE', message: expect.stringMatching(/nothing was saved/) },
      });
      expect(answeredIn).toBeLessThan(500);
      // Silent for a while longer: the rounds go on (every 0.3 s) and the answer stays the same.
      await sleep(2_000);
      expect(await storage(till)).toMatchObject({ ok: false, reason: 'server' });
      expect(resultCode(await till.invoke('sales:checkout', mugSale(mug), callerFor(1)))).toBe(
        'SERVER_UNREACHABLE',
      );

      pg.thaw();
      frozen = false;
      const back = await whenStorage(till, true, 5_000);
      const first = await inFlightAnswer;
      if (first.ok) receipts.push((first.data as { receiptNo: number }).receiptNo);
      else receipts.push((await till.must('sales:checkout', inFlight)).receiptNo);
      receipts.push((await till.must('sales:checkout', refusedSale)).receiptNo);
      for (let i = 0; i < 3; i++)
        receipts.push((await till.must('sales:checkout', mugSale(mug))).receiptNo);

      console.info(
        `[silent server] noticed ${noticed} ms after the freeze, a call answered in ${answeredIn} ms meanwhile; the warning went ${back} ms after the thaw; the sale under way ${first.ok ? 'completed' : `answered ${resultCode(first)}`}`,
      );
      expect(noticed).toBeLessThan(ANSWER_MS + 2_000);
      expect(receipts).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const ids = [inFlight.id, refusedSale.id].map((id) => `'${id}'`).join(', ');
      expect(
        await sqlOn(url, `SELECT COUNT(*)::int AS n FROM sales WHERE uuid IN (${ids})`),
      ).toEqual([{ n: 2 }]);
    } finally {
      if (frozen) pg.thaw();
      await till.close();
    }
  }, 60_000);
  it('a till whose own process stalls past the limit does not take the server for silent', async () => {
    const url = await createDatabase(pg, 'stalled');
    const till = await storeTill(url, 'till-1', undefined, {
      serverWaits: { answerMs: ANSWER_MS },
    });
    // The till's process stalls (a long GC, synchronous work) right after its round asked the
    // server: the answer comes at once, but is read only after the limit has passed.
    let stalled = 0;
    const restore = onClientQuery(({ text, session }, send) => {
      const sent = send();
      if (text === 'SELECT 1' && session === 'kassa: till-1 (listen)' && stalled < 2) {
        stalled += 1;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2 * ANSWER_MS);
      }
      return sent;
    });
    try {
      await setUpStore(till, url);
      const mug = await createMug(till);
      await until(() => stalled === 2);
      expect(await storage(till)).toEqual({ ok: true });
      expect((await till.must('sales:checkout', mugSale(mug))).receiptNo).toBe(1);
    } finally {
      restore();
      await till.close();
    }
  });

  it('a till closes at once while its server stays silent, ending the sales that waited on it', async () => {
    const url = await createDatabase(pg, 'closing');
    const till = await storeTill(url, 'till-1', undefined, {
      serverWaits: { answerMs: ANSWER_MS },
    });
    let frozen = false;
    let closed = false;
    try {
      await setUpStore(till, url);
      const mug = await createMug(till);
      expect((await till.must('sales:checkout', mugSale(mug))).receiptNo).toBe(1);
      pg.freeze();
      frozen = true;
      // Four sales sent as it froze: the first waits on the server, the others behind it.
      const inFlight = Array.from({ length: 4 }, () =>
        till.invoke('sales:checkout', mugSale(mug), callerFor(1)),
      );
      await whenStorage(till, false, ANSWER_MS + 3_000);
      // Each is answered: the first once its connection is dropped (or a new one to the silent
      // server timed out), the others at their turn, without trying the server one by one.
      const answered = await within(
        SERVER_CONNECT_TIMEOUT_MS + 2_000,
        'the sales under way',
        Promise.all(inFlight),
      );
      expect(answered.map(resultCode)).toEqual(Array(4).fill('SERVER_UNREACHABLE'));
      // Its rounds go on asking the silent server meanwhile.
      await sleep(1_000);
      const closing = Date.now();
      await within(10_000, 'closing the till', till.close());
      closed = true;
      const closedIn = Date.now() - closing;
      console.info(`[silent server] the till closed in ${closedIn} ms, the server still frozen`);
      expect(closedIn).toBeLessThan(1_000);
    } finally {
      if (frozen) pg.thaw();
      if (!closed) await till.close();
    }
  });

  it('a call that waited for a connection to the silent server is told it cannot be reached', async () => {
    const url = await createDatabase(pg, 'queued');
    const sockets = new ServerSockets();
    const ds = createPostgresDataSource(url, undefined, { sockets });
    await ds.initialize();
    const db = new Database(ds);
    let frozen = false;
    try {
      pg.freeze();
      frozen = true;
      // Every pooled connection (10) waits on the server; the next call waits for one of them.
      const busy = Array.from({ length: 10 }, () => ds.query('SELECT 1').catch(() => undefined));
      const queued = await ds.query('SELECT 1').then(
        () => new Error('answered'),
        (e: unknown) => e,
      );
      expect(String(queued)).toMatch(/timeout exceeded when trying to connect/);
      expect(db.markUnreachable(queued)?.code).toBe('SERVER_UNREACHABLE');
      sockets.dropAll();
      await Promise.all(busy);
    } finally {
      if (frozen) pg.thaw();
      await ds.destroy();
    }
  }, 20_000);
});
