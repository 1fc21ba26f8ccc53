/**
 * Issue 12, section 2: LISTEN/NOTIFY. Two tills share one throwaway server; what one changes in
 * the catalogue, the settings, the staff or stock levels (a sale) is heard by the other (`Core.onStoreChange`) within a
 * few seconds, and only once committed: a write that rolls back at its COMMIT announces nothing.
 * After the server crashes and comes back, the other till listens again by itself: it announces
 * every topic once (what was sent meanwhile is lost), then hears new changes.
 *
 * No fixed sleeps: each step awaits the event with a time limit. "Nothing heard" is shown by a
 * later change of another topic from the same till arriving first: the server delivers
 * notifications in commit order.
 */
import { STORE_CHANGE_TOPICS } from '../../shared/contract/store-changes';
import { ADMIN, callerFor, resultCode, tempDir } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  startPostgres,
  sqlOn,
  type PgServer,
} from '../helpers/postgres';
import { Heard } from '../helpers/heard-topics';
import { countOf } from '../helpers/shifts';
import {
  createMug,
  mugSale,
  setUpStore,
  storeTill,
  tillIn,
  type StoreTill,
} from '../helpers/store-server';

const bin = findPostgres();

/** `till.must`, tried again while it answers SERVER_UNREACHABLE, for up to 10 s. */
async function mustSoon(till: StoreTill, channel: string, input: unknown): Promise<any> {
  for (const until = Date.now() + 10_000; ;) {
    const r = await till.invoke(channel, input, callerFor(1));
    if (r.ok) return r.data;
    if (resultCode(r) !== 'SERVER_UNREACHABLE' || Date.now() > until)
      throw new Error(`${channel}: ${resultCode(r)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!bin)('store changes between tills (issue 12, section 2)', () => {
  let pg: PgServer;
  let url: string;
  let one: StoreTill;
  let two: StoreTill;
  let heard: Heard;
  let mug: number;

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    url = await createDatabase(pg, 'store');
    one = await storeTill(url, 'till-1');
    await setUpStore(one, url);
    two = await storeTill(url, 'till-2');
    await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    heard = new Heard(two);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    pg?.stop();
  });

  it('a product created, then its price changed, on till 1 is heard as catalogue on till 2', async () => {
    let since = heard.mark();
    mug = await createMug(one);
    await heard.next('catalogue', since);
    since = heard.mark();
    const product = await one.must('products:get', { id: mug });
    const { id, sku, name, taxRateBps } = product;
    await one.must('products:update', { id, sku, name, taxRateBps, price: 275 });
    await heard.next('catalogue', since);
    expect((await two.must('products:get', { id: mug })).price).toBe(275);
  });

  it('a sale on till 1 is heard as stock on till 2, which reads the new on-hand', async () => {
    const before = (await two.must('stock:levels', { productIds: [mug] }))[0]!.onHand;
    const since = heard.mark();
    // Its price is 275 now (above): cash over the total, change given.
    await one.must('sales:checkout', {
      ...mugSale(mug, 2),
      tenders: [{ type: 'cash', amount: 1000 }],
    });
    await heard.next('stock', since);
    expect((await two.must('stock:levels', { productIds: [mug] }))[0]!.onHand).toBe(before - 2);
  });

  it('a settings change is heard as settings, and till 2 answers the new value', async () => {
    const since = heard.mark();
    await one.must('auth:reauthenticate', { password: ADMIN.password });
    await one.must('settings:update', { storeName: 'Corner Shop' });
    await heard.next('settings', since);
    expect((await two.must('settings:get')).storeName).toBe('Corner Shop');
  });

  it('a staff change is heard as staff', async () => {
    const since = heard.mark();
    await one.must('staff:create', {
      username: 'mia',
      email: 'mia@shop.test',
      displayName: 'Mia Member',
      role: 'cashier',
      approve: true,
    });
    await heard.next('staff', since);
  });

  it('a write rolled back at its COMMIT announces nothing', async () => {
    // The price change fails when it commits, after its audit row (and its notification) were
    // written inside the transaction: a deferred constraint trigger refuses it.
    await sqlOn(
      url,
      `CREATE FUNCTION refuse_price() RETURNS trigger LANGUAGE plpgsql AS
         $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
       CREATE CONSTRAINT TRIGGER refuse_price AFTER INSERT ON audit_events
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (NEW.action = 'product.update') EXECUTE FUNCTION refuse_price();`,
    );
    try {
      const since = heard.mark();
      const product = await one.must('products:get', { id: mug });
      const { id, sku, name, taxRateBps } = product;
      const failed = await one.invoke(
        'products:update',
        { id, sku, name, taxRateBps, price: 300 },
        callerFor(1),
      );
      expect(resultCode(failed)).not.toBe('ok');
      // A later change from the same till: once it is heard, an earlier one would have been too.
      await one.must('auth:reauthenticate', { password: ADMIN.password });
      await one.must('settings:update', { storeName: 'Corner Shop 2' });
      await heard.next('settings', since);
      expect(heard.topics.slice(since)).toEqual(['settings']);
      expect((await two.must('products:get', { id: mug })).price).toBe(275);
    } finally {
      await sqlOn(url, 'DROP TRIGGER refuse_price ON audit_events; DROP FUNCTION refuse_price();');
    }
  });

  it('a till joining, a shift opened and closed, and a till retired on others are heard as tills', async () => {
    let since = heard.mark();
    const three = await tillIn(tempDir(), 'till-3');
    const connection = {
      ...{ host: '127.0.0.1', port: pg.port, database: 'store', user: 'kassa' },
      ...{ password: 'unused with trust', tls: 'disable' },
    };
    await three.must('storeServer:join', { connection, tillName: 'till-3' });
    await heard.next('tills', since);
    since = heard.mark();
    const shift = await one.must('shifts:open', { floatCount: countOf(2000) });
    await heard.next('tills', since);
    since = heard.mark();
    await one.must('auth:reauthenticate', { password: ADMIN.password });
    const closed = { shiftId: shift.id, countedCash: countOf(2000), countedOther: [] };
    await one.must('shifts:close', closed);
    await heard.next('tills', since);
    // Till 3 stops (it says so to the server); till 1 retires it.
    const tillThree = (await one.must('storeServer:tills')).items.find(
      (t: { name: string }) => t.name === 'till-3',
    );
    await three.close();
    since = heard.mark();
    await one.must('storeServer:retireTill', { tillId: tillThree.id });
    await heard.next('tills', since);
    // Nothing else was announced: the settings change after it arrives alone.
    since = heard.mark();
    await one.must('settings:update', { storeName: 'Corner Shop 3' });
    await heard.next('settings', since);
    expect(heard.topics.slice(since)).toEqual(['settings']);
  }, 60_000);

  it('after the server crashes and comes back, till 2 listens again by itself', async () => {
    let since = heard.mark();
    pg.halt();
    pg.resume();
    // Reconnected: every topic is announced once, since what was sent meanwhile is lost.
    await Promise.all(STORE_CHANGE_TOPICS.map((t) => heard.next(t, since, 20_000)));
    since = heard.mark();
    // Till 1's first call may still meet a pooled connection the crash cut (SERVER_UNREACHABLE).
    const product = await mustSoon(one, 'products:get', { id: mug });
    const { id, sku, name, taxRateBps } = product;
    await mustSoon(one, 'products:update', { id, sku, name, taxRateBps, price: 325 });
    await heard.next('catalogue', since);
  }, 40_000);
});
