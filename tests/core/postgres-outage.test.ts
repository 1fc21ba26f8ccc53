/**
 * Issue 12, section 3: the store server goes away in the middle of a stream of sales from three
 * tills (`pg_ctl stop -m immediate`, as a crash), and comes back.
 *
 * Each till sells one mug after another; a sale that fails is sent again with the same id, as the
 * till does when the cashier completes it again, until the server answers. While the server is
 * away every till says so: each failed sale answers SERVER_UNREACHABLE (never INTERNAL), and so
 * does any call of a signed-in window (its session follows the staff row, which cannot be read);
 * app:status in a window without a session says `reason: 'server'` and since when. Afterwards every acknowledged sale is there
 * exactly once, each till's receipts run 1..n with no gap, and the warning is gone. Then the
 * server goes away once more with nobody selling: the warning goes by itself once the core's
 * round (every 5 s; TEST_SERVER_TICK_MS in these tests) reaches the server again.
 *
 * A till started while its server is away (from its store-server.json, or the `database` option)
 * is not in safe mode: it starts at once, says "unreachable since", answers SERVER_UNREACHABLE,
 * and opens by itself within seconds of the server coming back, without a restart. So does one
 * whose server's host takes the connection and never answers (a hung machine): its start-up waits
 * only SERVER_CONNECT_TIMEOUT_MS, not the operating system's minutes. Once it opens, the start's
 * checks run as ever: a guard trigger dropped meanwhile is safe mode.
 */
import { createServer, type Socket } from 'node:net';
import { SERVER_CONNECT_TIMEOUT_MS } from '../../electron/core/db/data-source';
import { ADMIN, callerFor, resultCode, tempDir } from '../helpers/core';
import { createDatabase, findPostgres, startPostgres, sqlOn } from '../helpers/postgres';
import { serverAddress } from '../helpers/server-address';
import {
  createMug,
  expectAcknowledged,
  mugSale,
  sellMugs,
  setUpStore,
  storeTill,
  tillIn,
  type StoreTill,
} from '../helpers/store-server';
import { sleep } from '../helpers/waits';

const bin = findPostgres();

describe.skipIf(!bin)('a store server that goes away (issue 12, section 3)', () => {
  it('three tills selling through a crash of the server: nothing lost or doubled, and they said so', async () => {
    const pg = await startPostgres(bin!);
    const tills: StoreTill[] = [];
    try {
      const url = await createDatabase(pg, 'store');
      const head = await storeTill(url, 'till-0');
      tills.push(head);
      await setUpStore(head, url);
      const mug = await createMug(head);
      for (const name of ['till-1', 'till-2', 'till-3']) {
        const till = await storeTill(url, name);
        await till.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
        tills.push(till);
      }
      const selling = sellMugs(
        tills.slice(1).map((till, i) => [`till-${i + 1}`, till] as const),
        mug,
      );
      const { acked, codes } = selling;
      await sleep(1_000);
      const before = acked.size;
      pg.halt();
      await sleep(1_500);
      // A window with no session reads the status; a signed-in one is told at once too.
      const away = (await tills[1]!.must('app:status', undefined, 2)).storage;
      const signedIn = resultCode(await tills[1]!.invoke('app:status', undefined, callerFor(1)));
      const duringOutage = acked.size;
      pg.resume();
      await sleep(2_000);
      await selling.stop();
      const after = (await tills[1]!.must('app:status')).storage;

      console.info(
        `[outage] sales acknowledged ${before} before the crash, ${acked.size} in all; failed answers ${JSON.stringify(Object.fromEntries(codes))}`,
      );
      expect(before).toBeGreaterThan(0);
      expect(acked.size).toBeGreaterThan(duringOutage);
      expect([...codes.keys()]).toEqual(['SERVER_UNREACHABLE']);
      expect(away).toMatchObject({ ok: false, reason: 'server' });
      expect(signedIn).toBe('SERVER_UNREACHABLE');
      expect(after).toEqual({ ok: true });

      await expectAcknowledged(url, acked);

      // With nobody selling, the warning goes once the server answers the core's own probe.
      pg.halt();
      const refused = await tills[1]!.invoke('sales:checkout', mugSale(mug), callerFor(1));
      expect(resultCode(refused)).toBe('SERVER_UNREACHABLE');
      // Read while the server is still away: a round 0.3 s apart may find it back at once.
      let storage = (await tills[1]!.must('app:status', undefined, 2)).storage;
      expect(storage).toMatchObject({ ok: false, reason: 'server' });
      pg.resume();
      for (const until = Date.now() + 15_000; !storage.ok && Date.now() < until;) {
        await sleep(250);
        storage = (await tills[1]!.must('app:status', undefined, 2)).storage;
      }
      expect(storage).toEqual({ ok: true });
    } finally {
      await Promise.all(tills.map((t) => t.close()));
      pg.stop();
    }
  }, 120_000);

  it('a till started while the server is away waits for it, then opens by itself', async () => {
    const pg = await startPostgres(bin!);
    const tills: StoreTill[] = [];
    try {
      const url = await createDatabase(pg, 'store');
      const dir = tempDir();
      const first = await tillIn(dir, 'till-1');
      await first.must('storeServer:join', {
        connection: {
          host: '127.0.0.1',
          port: pg.port,
          database: 'store',
          user: 'kassa',
          password: 'unused with trust',
          tls: 'disable',
        },
        tillName: 'Till 1',
      });
      await setUpStore(first, url);
      const mug = await createMug(first);
      await first.close();

      pg.halt();
      const started = Date.now();
      // One from its store-server.json, one from the `database` option.
      tills.push(await tillIn(dir, 'till-1'), await storeTill(url, 'Till 2'));
      expect(Date.now() - started).toBeLessThan(10_000);
      const since: string[] = [];
      for (const till of tills) {
        expect(till.safeMode).toBe(false);
        const status = await till.must('app:status');
        expect(status).toMatchObject({
          safeMode: false,
          setupRequired: false,
          database: 'server',
          storage: { ok: false, reason: 'server' },
          integrity: { safeModeReason: null },
        });
        since.push(status.storage.since);
        const sale = await till.invoke('sales:checkout', mugSale(mug), callerFor(1));
        expect(resultCode(sale)).toBe('SERVER_UNREACHABLE');
        const login = await till.invoke(
          'auth:login',
          { identifier: ADMIN.username, password: ADMIN.password },
          callerFor(1),
        );
        expect(resultCode(login)).toBe('SERVER_UNREACHABLE');
        // The sender check (E5) still comes first.
        const stranger = { origin: 'https://evil.example', isTopFrame: true, windowId: 1 };
        expect(resultCode(await till.invoke('app:status', undefined, stranger))).toBe(
          'FORBIDDEN_SENDER',
        );
      }
      expect((await tills[0]!.must('app:status')).terminalName).toBe('Till 1');
      // A probe that still finds nobody keeps the till waiting, and the time it started.
      await sleep(5_500);
      for (const [i, till] of tills.entries())
        expect((await till.must('app:status')).storage).toMatchObject({
          ok: false,
          since: since[i],
        });

      pg.resume();
      const back = Date.now();
      for (const till of tills) {
        let status = await till.must('app:status');
        for (const until = Date.now() + 15_000; !status.storage.ok && Date.now() < until;) {
          await sleep(250);
          status = await till.must('app:status');
        }
        expect(status).toMatchObject({ safeMode: false, storage: { ok: true } });
      }
      console.info(`[outage] both tills open ${Date.now() - back} ms after the server came back`);
      for (const till of tills) {
        await till.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
        expect((await till.must('sales:checkout', mugSale(mug))).receiptNo).toBe(1);
      }
      const sold = await sqlOn(
        url,
        'SELECT t.name FROM sales s JOIN tills t ON t.id = s.till_id ORDER BY t.name',
      );
      expect(sold).toEqual([{ name: 'Till 1' }, { name: 'Till 2' }]);
    } finally {
      await Promise.all(tills.map((t) => t.close()));
      pg.stop();
    }
  }, 90_000);

  it('a server that never answers holds start-up only for the connect timeout; then the checks run', async () => {
    const pg = await startPostgres(bin!);
    // A hung host: takes every connection and says nothing. The tills' address points at it
    // until it is moved to the server.
    const held: Socket[] = [];
    const hung = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const address = await serverAddress((hung.address() as { port: number }).port);
    const behind = (url: string) => url.replace(`:${pg.port}/`, `:${address.port}/`);
    const tills: StoreTill[] = [];
    try {
      const url = await createDatabase(pg, 'store');
      const head = await storeTill(url, 'Till 1');
      await setUpStore(head, url);
      await head.close();
      // A second store whose guard trigger is dropped while its till cannot reach it.
      const tampered = await createDatabase(pg, 'tampered');
      await (await storeTill(tampered, 'Till 1')).close();
      await sqlOn(tampered, 'DROP TRIGGER sale_lines_append_only ON sale_lines');

      const started = Date.now();
      tills.push(
        ...(await Promise.all([
          storeTill(behind(url), 'Till 2'),
          storeTill(behind(tampered), 'Till 2'),
        ])),
      );
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(SERVER_CONNECT_TIMEOUT_MS - 500);
      expect(waited).toBeLessThan(SERVER_CONNECT_TIMEOUT_MS + 3_000);
      for (const till of tills)
        expect(await till.must('app:status')).toMatchObject({
          safeMode: false,
          storage: { ok: false, reason: 'server' },
        });

      address.moveTo(pg.port);
      held.forEach((socket) => socket.destroy());
      const [fine, guardless] = tills as [StoreTill, StoreTill];
      let storage = (await fine.must('app:status')).storage;
      for (const until = Date.now() + 15_000; !storage.ok && Date.now() < until;) {
        await sleep(250);
        storage = (await fine.must('app:status')).storage;
      }
      expect(storage).toEqual({ ok: true });
      await fine.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      // Opened at last, the other finds its trigger gone: safe mode, as at any start.
      for (const until = Date.now() + 15_000; !guardless.safeMode && Date.now() < until;)
        await sleep(250);
      const status = await guardless.must('app:status');
      expect(status.safeMode).toBe(true);
      expect(status.integrity.safeModeReason).toContain('sale_lines (UPDATE), sale_lines (DELETE)');
    } finally {
      await Promise.all(tills.map((t) => t.close()));
      held.forEach((socket) => socket.destroy());
      hung.close();
      await address.close();
      pg.stop();
    }
  }, 60_000);
});
