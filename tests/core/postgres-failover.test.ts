/**
 * Issue 12, sections 3 and 6: the store fails over to its streaming replica, as
 * docs/deployment.md ("A streaming replica for failover") tells an admin to. The tills reach the
 * server by a name (here a forwarder on 127.0.0.1, tests/helpers/server-address.ts); the primary
 * streams to a hot standby, synchronously, so a sale is acknowledged only once the standby has it.
 *
 * Two tills sell one mug after another; a sale that fails is sent again with the same id, as the
 * till does when the cashier completes it again. The primary's host hangs (SIGSTOP to the
 * postmaster and every process it started: its connections stay open and nothing answers), the
 * standby is promoted, and the name moves to it. The tills, neither restarted nor told, must sell
 * on there within seconds. Afterwards, on the promoted server: every acknowledged sale is there
 * exactly once, with the receipt number it was acknowledged with; each till's receipts run 1..n
 * with no gap; and each till's audit chain and seal verify.
 */
import { ADMIN } from '../helpers/core';
import {
  findPostgres,
  makeSynchronous,
  sqlOn,
  startPostgres,
  startStandby,
  type PgServer,
  type PgStandby,
} from '../helpers/postgres';
import { serverAddress, type ServerAddress } from '../helpers/server-address';
import {
  createMug,
  expectAcknowledged,
  sellMugs,
  setUpStore,
  storeTill,
  type StoreTill,
} from '../helpers/store-server';
import { sleep, until } from '../helpers/waits';

const bin = findPostgres();
/** How long the tills give the server to answer their round's `SELECT 1` (3 s in a shop). */
const ANSWER_MS = 1_000;

describe.skipIf(!bin)('failing over to a streaming replica (issue 12)', () => {
  let primary: PgServer | undefined;
  let standby: PgStandby | undefined;
  let address: ServerAddress | undefined;
  let frozen = false;
  afterAll(async () => {
    if (frozen) primary?.thaw();
    primary?.stop();
    standby?.stop();
    await address?.close();
  });

  it('tills sell on on the promoted replica with nothing lost or doubled, without a restart', async () => {
    primary = await startPostgres(bin!);
    await sqlOn(primary.url, 'CREATE DATABASE store');
    standby = await startStandby(bin!, primary);
    await makeSynchronous(primary);
    address = await serverAddress(primary.port);
    const url = `postgres://kassa@127.0.0.1:${address.port}/store`;
    const standbyUrl = standby.url.replace(/\/postgres$/, '/store');

    const tills: StoreTill[] = [];
    try {
      for (const name of ['till-1', 'till-2'])
        tills.push(await storeTill(url, name, undefined, { serverWaits: { answerMs: ANSWER_MS } }));
      await setUpStore(tills[0]!, url);
      const mug = await createMug(tills[0]!);
      await tills[1]!.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });

      const selling = sellMugs(
        tills.map((till, i) => [`till-${i + 1}`, till] as const),
        mug,
      );
      const { acked, codes } = selling;
      await sleep(1_000);
      primary.freeze();
      frozen = true;
      const frozenAt = Date.now();
      const before = acked.size;
      // The admin notices, promotes the standby and moves the name to it.
      await sleep(2 * ANSWER_MS);
      standby.promote();
      address.moveTo(standby.port);
      const movedAt = Date.now();
      await until(() => [...acked.values()].some((a) => a.at > movedAt), 20_000);
      const firstAfter = Math.min(
        ...[...acked.values()].filter((a) => a.at > movedAt).map((a) => a.at),
      );
      await sleep(1_000);
      await selling.stop();
      const status = (await tills[0]!.must('app:status', undefined, 2)).storage;

      console.info(
        `[failover] ${before} sales acknowledged before the freeze, ${acked.size} in all; the first on the promoted replica ${firstAfter - movedAt} ms after the move (${movedAt - frozenAt} ms after the freeze); failed answers ${JSON.stringify(Object.fromEntries(codes))}`,
      );
      expect(before).toBeGreaterThan(0);
      expect([...codes.keys()]).toEqual(['SERVER_UNREACHABLE']);
      expect(status).toEqual({ ok: true });
      for (const name of ['till-1', 'till-2'])
        expect([...acked.values()].some((a) => a.till === name && a.at > movedAt)).toBe(true);

      const { rows, receipts } = await expectAcknowledged(standbyUrl, acked);
      expect(rows.length).toBe(acked.size);
      expect(receipts.map((r) => r.name)).toEqual(['till-1', 'till-2']);
      for (const till of tills) {
        const checked = await till.checkIntegrity();
        expect({ ok: checked.ok, chain: checked.auditChain.state }).toEqual({
          ok: true,
          chain: 'ok',
        });
      }
    } finally {
      await Promise.all(tills.map((t) => t.close()));
    }
  }, 90_000);
});
