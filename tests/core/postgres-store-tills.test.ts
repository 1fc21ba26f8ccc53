/**
 * Issue 12: the tills of a store server, as Settings → Store server lists them
 * (`storeServer:tills`; electron/core/store-server/store-tills.ts, migration 1790000019000). On a
 * throwaway server with real tills:
 * - each till records at its start that it is running (`tills.last_seen_at`);
 * - the list puts this till first, then the others by name, with whether each is running, holds
 *   the store key, and its open shift (since when, by whom);
 * - a till switched off is off at once (it records its close), and runs again at its next start;
 * - a till whose computer died ten minutes ago (no close recorded), and one that never recorded
 *   itself, are not running;
 * - a till on its own SQLite file has no store: CONFLICT, and nothing is written.
 */
import { ADMIN, makeTestCore, resultCode } from '../helpers/core';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { countOf } from '../helpers/shifts';
import { setUpStore, storeTill, type StoreTill } from '../helpers/store-server';

const bin = findPostgres();
const SIGN_IN = { identifier: ADMIN.username, password: ADMIN.password };

describe.skipIf(!bin)("a store server's tills (issue 12)", () => {
  let pg: PgServer;
  const open: StoreTill[] = [];
  const till = async (url: string, name: string) => {
    const t = await storeTill(url, name);
    open.push(t);
    return t;
  };

  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });
  afterAll(() => pg?.stop());

  it('lists each till with whether it runs, holds the store key, and its open shift', async () => {
    const url = await createDatabase(pg, 'tills');
    const started = Date.now();
    const front = await till(url, 'Front');
    await setUpStore(front, url);
    const back = await till(url, 'Back');
    await back.must('auth:login', SIGN_IN);
    await expect
      .poll(async () => (await sqlOn(url, 'SELECT till_id FROM store_keys')).length, {
        timeout: 15_000,
      })
      .toBe(2);
    const shift = await back.must('shifts:open', { floatCount: countOf(10_000) });

    // Each till recorded itself at its start.
    const seen = await sqlOn(url, 'SELECT name, last_seen_at FROM tills ORDER BY name');
    for (const row of seen)
      expect(Date.parse(String(row.last_seen_at))).toBeGreaterThanOrEqual(started - 1_000);

    const fromFront = (await front.must('storeServer:tills')).items;
    expect(fromFront).toEqual([
      {
        id: expect.any(Number),
        name: 'Front',
        thisTill: true,
        running: true,
        lastSeenAt: expect.any(String),
        storeKey: true,
        openShift: null,
      },
      {
        id: expect.any(Number),
        name: 'Back',
        thisTill: false,
        running: true,
        lastSeenAt: expect.any(String),
        storeKey: true,
        openShift: { openedAt: shift.openedAt, openedBy: ADMIN.displayName },
      },
    ]);
    // From the other till, it comes first.
    expect(
      (await back.must('storeServer:tills')).items.map((t: { name: string }) => t.name),
    ).toEqual(['Back', 'Front']);

    // The back till is switched off, its shift still open: off at once, since its close.
    const closing = Date.now();
    await back.close();
    open.splice(open.indexOf(back), 1);
    const off = (await front.must('storeServer:tills')).items[1];
    expect(off).toMatchObject({
      name: 'Back',
      running: false,
      openShift: { openedBy: ADMIN.displayName },
    });
    expect(Date.parse(off.lastSeenAt)).toBeGreaterThanOrEqual(closing - 1_000);

    // Started again, it runs; its close is forgotten.
    const again = await till(url, 'Back');
    expect((await front.must('storeServer:tills')).items[1]).toMatchObject({ running: true });
    expect(await sqlOn(url, "SELECT stopped_at FROM tills WHERE name = 'Back'")).toEqual([
      { stopped_at: null },
    ]);

    // A till whose computer died ten minutes ago never said it stopped: off once its last
    // record is old. A till of an older version never recorded itself.
    await again.close();
    open.splice(open.indexOf(again), 1);
    const tenMinutesAgo = new Date(Date.now() - 600_000).toISOString();
    await sqlOn(
      url,
      `UPDATE tills SET last_seen_at = '${tenMinutesAgo}', stopped_at = NULL WHERE name = 'Back'`,
    );
    await sqlOn(
      url,
      `INSERT INTO tills (name, next_receipt_no, created_at) VALUES ('Old', 1, '${tenMinutesAgo}')`,
    );
    const later = (await front.must('storeServer:tills')).items;
    expect(later.map((t: { name: string; running: boolean }) => [t.name, t.running])).toEqual([
      ['Front', true],
      ['Back', false],
      ['Old', false],
    ]);
    expect(later[1]).toMatchObject({
      lastSeenAt: tenMinutesAgo,
      openShift: { openedBy: ADMIN.displayName },
    });
    expect(later[2]).toMatchObject({ lastSeenAt: null, storeKey: false, openShift: null });
  });

  it("refuses on a till with its own file, which has no store's tills", async () => {
    const t = await makeTestCore();
    try {
      await t.must('setup:createAdmin', ADMIN);
      await t.must('auth:login', SIGN_IN);
      const before = t.raw().prepare('SELECT name, last_seen_at FROM tills').all();
      expect(resultCode(await t.call('storeServer:tills'))).toBe('CONFLICT');
      expect(before).toEqual([{ name: expect.any(String), last_seen_at: null }]);
      expect(t.raw().prepare('SELECT name, last_seen_at FROM tills').all()).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
