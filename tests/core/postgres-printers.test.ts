/**
 * Issue 12: on a store server each till has its own receipt printer and cash drawer.
 *
 * Two tills share one throwaway server, each with its own network printer (a real TCP server on
 * 127.0.0.1 that captures the bytes). Each till sees, changes and uses only its own printer:
 * twenty cash sales rung up on both tills at once print on each till's printer and open each
 * till's drawer, and a till's print worker neither sends nor requeues another till's jobs, which
 * wait for their own till. Printers saved before tills had their own go to the first till, on
 * both engines (migration 1790000017000).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Printer } from '../../shared/contract';
import {
  createPostgresDataSource,
  createSqliteDataSource,
} from '../../electron/core/db/data-source';
import { PrintersPerTill1790000017000 } from '../../migrations/1790000017000-PrintersPerTill';
import { ADMIN, callerFor, resultCode, tempDir } from '../helpers/core';
import { decodeEscPos } from '../helpers/escpos-decoder';
import {
  createDatabase,
  findPostgres,
  sqlOn,
  startPostgres,
  type PgServer,
} from '../helpers/postgres';
import { createMug, mugSale, setUpStore, storeTill, type StoreTill } from '../helpers/store-server';
import { onClientQuery } from '../helpers/pg-statements';
import { networkPrinter, TestPrinter } from '../helpers/test-printer';
import { sleep } from '../helpers/waits';

const bin = findPostgres();
const FAST = { pollMs: 20, timeoutMs: 1_000 };
const TLS = { mode: 'disable' } as const;

/** The receipt headings ("Receipt #3 · till-1") and drawer kicks in `prints`. */
function receiptsIn(prints: Uint8Array[]): Array<{ heading: string; kicks: number }> {
  return prints.map((p) => {
    const d = decodeEscPos(p);
    return {
      heading: d.lines.map((l) => l.trim()).find((l) => l.startsWith('Receipt #'))!,
      kicks: d.kicks,
    };
  });
}

describe.skipIf(!bin)('each till its own printer on a store server (issue 12)', () => {
  let pg: PgServer;
  let url: string;
  let one: StoreTill;
  let two: StoreTill;
  let printerOne: TestPrinter;
  let printerTwo: TestPrinter;
  let mug: number;
  let saved: { one: Printer; two: Printer };

  beforeAll(async () => {
    pg = await startPostgres(bin!);
    url = await createDatabase(pg, 'store');
    [printerOne, printerTwo] = await Promise.all([TestPrinter.start(), TestPrinter.start()]);
    one = await storeTill(url, 'till-1', TLS, { printing: FAST });
    await setUpStore(one, url);
    two = await storeTill(url, 'till-2', TLS, { printing: FAST });
    await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    mug = await createMug(one);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([one?.close(), two?.close(), printerOne?.close(), printerTwo?.close()]);
    pg?.stop();
  });

  it('each till adds its own default printer and sees, changes and deletes only its own', async () => {
    saved = {
      one: await one.must(
        'printing:savePrinter',
        networkPrinter(printerOne.port, { name: 'Till 1 desk' }),
      ),
      two: await two.must(
        'printing:savePrinter',
        networkPrinter(printerTwo.port, { name: 'Till 2 desk' }),
      ),
    };
    // Both stay their till's default: saving till 2's did not clear till 1's.
    expect(
      (await one.must('printing:listPrinters')).map((p: Printer) => [p.name, p.isDefault]),
    ).toEqual([['Till 1 desk', true]]);
    expect(
      (await two.must('printing:listPrinters')).map((p: Printer) => [p.name, p.isDefault]),
    ).toEqual([['Till 2 desk', true]]);
    const rows = () =>
      sqlOn(
        url,
        `SELECT p.name, p.is_default, p.connection, t.name AS till FROM printers p
          JOIN tills t ON t.id = p.till_id ORDER BY p.id`,
      );
    const before = await rows();
    expect(before.map((r) => [r.name, r.till])).toEqual([
      ['Till 1 desk', 'till-1'],
      ['Till 2 desk', 'till-2'],
    ]);

    // Till 1's printer is not there for till 2: every call naming it is NOT_FOUND, nothing changes.
    const caller = callerFor(1);
    const theirs = saved.one.id;
    const refused = await Promise.all([
      two.invoke(
        'printing:savePrinter',
        { ...networkPrinter(printerTwo.port, { name: 'Taken' }), id: theirs },
        caller,
      ),
      two.invoke('printing:testPage', { id: theirs }, caller),
      two.invoke('printing:deletePrinter', { id: theirs }, caller),
    ]);
    expect(refused.map(resultCode)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(await rows()).toEqual(before);
    expect(printerOne.prints).toHaveLength(0);
  });

  it('ten cash sales on each till at once print on its own printer and open its own drawer', async () => {
    const sellTen = async (till: StoreTill) => {
      const receipts: number[] = [];
      for (let i = 0; i < 10; i++)
        receipts.push((await till.must('sales:checkout', mugSale(mug))).receiptNo);
      return receipts;
    };
    const [ones, twos] = await Promise.all([sellTen(one), sellTen(two)]);
    const [printedOne, printedTwo] = await Promise.all([
      printerOne.waitForPrints(10),
      printerTwo.waitForPrints(10),
    ]);
    expect(receiptsIn(printedOne)).toEqual(
      ones.map((n) => ({ heading: `Receipt #${n} · till-1`, kicks: 1 })),
    );
    expect(receiptsIn(printedTwo)).toEqual(
      twos.map((n) => ({ heading: `Receipt #${n} · till-2`, kicks: 1 })),
    );
    // Both queues empty out (a job is marked printed once its connection has closed), and
    // nothing more arrived at either printer.
    for (const till of [one, two])
      await expect
        .poll(async () => (await till.must('printing:status')).waiting, { timeout: 5_000 })
        .toBe(0);
    expect([printerOne.prints.length, printerTwo.prints.length]).toEqual([10, 10]);
  });

  it("a till's worker neither sends nor requeues another till's jobs: they wait for their till", async () => {
    // Till 1 stops with one receipt queued and one cut off mid-send (a crash), both for its printer.
    await one.close();
    await sqlOn(
      url,
      `INSERT INTO print_jobs (printer_id, kind, sale_id, label, format, payload, status, attempts,
         created_at, updated_at)
       VALUES (${saved.one.id}, 'test', NULL, 'left queued', 'escpos', '\\x4c6566740a'::bytea,
               'queued', 0, '2026-12-05T10:00:00.000Z', '2026-12-05T10:00:00.000Z'),
              (${saved.one.id}, 'test', NULL, 'cut off', 'escpos', '\\x4375740a'::bytea,
               'printing', 1, '2026-12-05T10:00:01.000Z', '2026-12-05T10:00:01.000Z')`,
    );
    const jobs = () =>
      sqlOn(
        url,
        `SELECT label, status FROM print_jobs WHERE printer_id = ${saved.one.id} AND kind = 'test' ORDER BY id`,
      );

    // Till 2 starts again (its worker's start requeues interrupted jobs) and sells: its worker
    // sends the oldest due job it sees first, so its own receipt arriving shows it saw neither.
    await two.close();
    two = await storeTill(url, 'till-2', TLS, { printing: FAST });
    await two.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    const sale = await two.must('sales:checkout', mugSale(mug));
    const [printed] = (await printerTwo.waitForPrints(11)).slice(10);
    expect(receiptsIn([printed!])[0]!.heading).toBe(`Receipt #${sale.receiptNo} · till-2`);
    expect(await jobs()).toEqual([
      { label: 'left queued', status: 'queued' },
      { label: 'cut off', status: 'printing' },
    ]);
    expect(printerOne.prints).toHaveLength(10);
    // Till 2's queue holds none of them (its own receipt is marked printed soon after it arrived).
    await expect
      .poll(async () => {
        const status = await two.must('printing:status');
        return [status.waiting, status.jobs];
      })
      .toEqual([0, []]);

    // Till 1 comes back: it requeues its cut-off job and prints both, in order.
    one = await storeTill(url, 'till-1', TLS, { printing: FAST });
    const resent = (await printerOne.waitForPrints(12)).slice(10);
    expect(resent.map((p) => Buffer.from(p).toString())).toEqual(['Left\n', 'Cut\n']);
    await expect.poll(jobs).toEqual([
      { label: 'left queued', status: 'printed' },
      { label: 'cut off', status: 'printed' },
    ]);
  });

  it('a till closed the moment its last sale is answered queues every receipt first', async () => {
    // A slow server: each read of the till's printers (the first step of queueing a receipt)
    // takes 100 ms, so the receipts of ten sales are still being queued when the till closes.
    const printer = await TestPrinter.start();
    await printer.setMode('down');
    const three = await storeTill(url, 'till-3', TLS, { printing: FAST });
    let open = true;
    const restore = onClientQuery((statement, send) =>
      statement.session === 'kassa: till-3' && statement.text.includes('FROM printers')
        ? sleep(100).then(send)
        : send(),
    );
    try {
      await three.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
      await three.must('printing:savePrinter', networkPrinter(printer.port, { name: 'Till 3' }));
      const sales: number[] = [];
      for (let i = 0; i < 10; i++)
        sales.push((await three.must('sales:checkout', mugSale(mug))).id);
      await three.close();
      open = false;
      const jobs = await sqlOn(
        url,
        `SELECT j.sale_id AS sale, j.kind FROM print_jobs j JOIN printers p ON p.id = j.printer_id
          JOIN tills t ON t.id = p.till_id WHERE t.name = 'till-3' ORDER BY j.id`,
      );
      expect(jobs).toEqual(sales.map((sale) => ({ sale, kind: 'receipt' })));
    } finally {
      restore();
      if (open) await three.close();
      await printer.close();
    }
  });

  it('printers saved before tills had their own go to the first till, on both engines', async () => {
    const server = createPostgresDataSource(await createDatabase(pg, 'upgrade'));
    const dir = tempDir();
    const file = createSqliteDataSource({ databasePath: join(dir, 'till.sqlite') });
    try {
      for (const ds of [server, file]) {
        await ds.initialize();
        await ds.runMigrations({ transaction: 'each' });
        const q = ds.createQueryRunner();
        await new PrintersPerTill1790000017000().down(q);
        const now = "'2026-12-05T10:00:00.000Z'";
        await q.query(
          `INSERT INTO tills (name, next_receipt_no, created_at) VALUES ('first', 1, ${now}), ('second', 1, ${now})`,
        );
        await q.query(
          `INSERT INTO printers (name, connection, paper_width, codepage, auto_print, cash_drawer,
             is_default, created_at, updated_at)
           VALUES ('Desk', '{}', 80, 'cp858', false, false, true, ${now}, ${now}),
                  ('Kitchen', '{}', 58, 'cp858', false, false, false, ${now}, ${now})`,
        );
        await new PrintersPerTill1790000017000().up(q);
        expect(
          await q.query(
            'SELECT p.name, t.name AS till FROM printers p JOIN tills t ON t.id = p.till_id ORDER BY p.id',
          ),
        ).toEqual([
          { name: 'Desk', till: 'first' },
          { name: 'Kitchen', till: 'first' },
        ]);
        await q.release();
      }
    } finally {
      for (const ds of [server, file]) if (ds.isInitialized) await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
