/**
 * Issue 12, section 3, with a synchronous standby (docs/deployment.md, "A streaming replica for
 * failover"): while the standby is down the store server holds every COMMIT. The till must say so
 * (app:status: storage `replica`, since the held sale's COMMIT) rather than show a sale being
 * completed with no reason, must not give the sale up (it has committed on the server), and must
 * complete it once the standby is back or the admin turns synchronous commits off, as the docs
 * say. A COMMIT that is slow for any other reason is not taken for the standby.
 */
import { REPLICA_CHECK_MS } from '../../electron/core/db/replica-wait';
import { callerFor } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  makeSynchronous,
  sqlOn,
  startPostgres,
  startStandby,
  type PgServer,
  type PgStandby,
} from '../helpers/postgres';
import { createMug, mugSale, setUpStore, storeTill, type StoreTill } from '../helpers/store-server';
import { sleep, within } from '../helpers/waits';

const bin = findPostgres();
/** How long a held sale gets to be said, in ms: the first check, and a slow machine's margin. */
const SAID_WITHIN_MS = REPLICA_CHECK_MS + 3_000;

describe.skipIf(!bin)(
  'a store server that holds sales for its synchronous standby (issue 12)',
  () => {
    let primary: PgServer | undefined;
    let standby: PgStandby | undefined;
    let url = '';
    let till: StoreTill | undefined;
    let mug = 0;
    beforeAll(async () => {
      primary = await startPostgres(bin!);
      url = await createDatabase(primary, 'store');
      standby = await startStandby(bin!, primary);
      await makeSynchronous(primary);
      till = await storeTill(url, 'till-1');
      await setUpStore(till, url);
      mug = await createMug(till);
    }, 60_000);
    afterAll(async () => {
      await till?.close();
      primary?.stop();
      standby?.stop();
    });

    const storage = async () => (await till!.must('app:status', undefined, 2)).storage;
    /** Sends a mug sale and answers it, recording when it settled. */
    const sell = (sale = mugSale(mug)) => {
      const sent = { settledAt: 0, sale };
      const answer = till!.invoke('sales:checkout', sale, callerFor(1)).finally(() => {
        sent.settledAt = Date.now();
      });
      return Object.assign(sent, { answer });
    };
    /** Asks app:status until it says the sale is held, within SAID_WITHIN_MS; answers what it said. */
    const saidHeld = () =>
      within(
        SAID_WITHIN_MS,
        'the till saying the sale is held',
        (async () => {
          for (;;) {
            const said = await storage();
            if (!said.ok) return said as { ok: false; reason?: string; since?: string };
            await sleep(100);
          }
        })(),
      );
    const countOf = async (id: string) =>
      Number((await sqlOn(url, `SELECT count(*) AS n FROM sales WHERE uuid = '${id}'`))[0]!.n);

    it('says the sale is held while the standby is down, and completes it once the standby is back', async () => {
      for (let i = 0; i < 10; i += 1) expect((await sell().answer).ok).toBe(true);
      expect(await storage()).toEqual({ ok: true });

      standby!.halt();
      const sentAt = Date.now();
      const held = [sell(), sell()];
      const said = await saidHeld();
      expect(said).toMatchObject({ ok: false, reason: 'replica' });
      expect(Math.abs(Date.parse(said.since!) - sentAt)).toBeLessThan(1_000);
      // Nothing was given up: both sales still wait, and the first is on the server already.
      expect(held.map((h) => h.settledAt)).toEqual([0, 0]);

      standby!.resume();
      const answers = await within(
        30_000,
        'the held sales',
        Promise.all(held.map((h) => h.answer)),
      );
      expect(answers.map((a) => a.ok)).toEqual([true, true]);
      expect(await storage()).toEqual({ ok: true });
      for (const h of held) expect(await countOf(h.sale.id)).toBe(1);
    }, 60_000);

    it('completes a held sale once the admin turns synchronous commits off, as the docs say', async () => {
      standby!.halt();
      const held = sell();
      expect(await saidHeld()).toMatchObject({ ok: false, reason: 'replica' });
      expect(held.settledAt).toBe(0);
      await sqlOn(primary!.url, 'ALTER SYSTEM RESET synchronous_standby_names');
      await sqlOn(primary!.url, 'SELECT pg_reload_conf()');
      expect((await within(10_000, 'the released sale', held.answer)).ok).toBe(true);
      expect(await storage()).toEqual({ ok: true });
      // Asynchronous now: sales go through with the standby still down.
      for (let i = 0; i < 3; i += 1) expect((await sell().answer).ok).toBe(true);
      expect(await countOf(held.sale.id)).toBe(1);
    }, 60_000);

    it('does not take a COMMIT that is slow for another reason for the standby', async () => {
      // A deferred trigger that sleeps at COMMIT: the COMMIT waits (PgSleep), not for a standby.
      await sqlOn(
        url,
        `CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(${(REPLICA_CHECK_MS * 2.5) / 1000}); RETURN NULL; END $$;
       CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON sales DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();`,
      );
      try {
        const slow = sell();
        const seen: boolean[] = [];
        while (slow.settledAt === 0) {
          seen.push((await storage()).ok);
          await sleep(100);
        }
        expect((await slow.answer).ok).toBe(true);
        expect(seen.length).toBeGreaterThan(REPLICA_CHECK_MS / 100);
        expect(seen.every(Boolean)).toBe(true);
      } finally {
        await sqlOn(url, 'DROP TRIGGER slow_commit ON sales; DROP FUNCTION slow_commit()');
      }
    }, 30_000);
  },
);
