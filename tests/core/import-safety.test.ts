/**
 * F1 and F3 on the bulk imports (products:import, customers:import, import:onlineRetail): who may
 * import, the size and row caps, the text encoding, and that an import runs in slices that give
 * the event loop back, with its progress visible through import:progress meanwhile.
 *
 * The stall itself (≤ 50 ms during a 20 MB import) is timed in `npm run bench`; here it is checked
 * by structure, which does not depend on the machine's speed: a poller that takes one turn of the
 * event loop at a time must see the import advance by at most MAX_ROWS_PER_SLICE rows per turn.
 */
import { randomUUID } from 'node:crypto';
import type { ImportProgress } from '../../shared/contract';
import { MAX_ROWS_PER_SLICE } from '../../electron/core/imports/import-jobs';
import {
  approvedMember,
  auditCount,
  makeTestCore,
  MEMBER,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { importFile } from '../helpers/import-file';

const count = (t: TestCore, table: string) =>
  (t.raw().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const names = (t: TestCore) =>
  t.raw().prepare('SELECT name, country FROM customers ORDER BY id').all() as {
    name: string;
    country: string | null;
  }[];
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `rows` customer rows with unique emails, about 100 bytes each. */
function customersCsv(rows: number): string {
  const lines = ['name,email,phone,country,notes'];
  for (let i = 0; i < rows; i++)
    lines.push(`Customer ${i},c${i}@shop.test,+44 7700 ${String(i).padStart(6, '0')},UK,Imported`);
  return `${lines.join('\n')}\n`;
}

/**
 * Starts `call` and, until it settles, reads import:progress for `jobId` once per turn of the
 * event loop. Answers the call's result and every progress seen (nulls left out).
 */
async function watch<R>(t: TestCore, jobId: string, call: () => Promise<R>) {
  const seen: ImportProgress[] = [];
  let settled = false;
  const pending = call().finally(() => (settled = true));
  while (!settled) {
    const p = await t.must('import:progress', { jobId });
    if (p.progress) seen.push(p.progress);
    await turn();
  }
  return { result: await pending, seen };
}

/** The phases seen, in order, each once per stretch. */
const phases = (seen: ImportProgress[]) =>
  seen.map((p) => p.phase).filter((p, i, all) => i === 0 || all[i - 1] !== p);

/** The largest step of `rowsDone` between two readings within the same phase. */
function largestStep(seen: ImportProgress[]): number {
  let largest = 0;
  for (let i = 1; i < seen.length; i++)
    if (seen[i]!.phase === seen[i - 1]!.phase)
      largest = Math.max(largest, seen[i]!.rowsDone - seen[i - 1]!.rowsDone);
  return largest;
}

describe('bulk imports (F1, F3)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  it('need data.import: a cashier who manages customers may not bulk-import them', async () => {
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 3);
    const csv = 'name\nMallory\n';
    // She can still add one customer by hand…
    await t.must('customers:create', { name: 'One by hand' }, 3);
    // …but not a file of them.
    for (const commit of [false, true])
      expect(resultCode(await t.call('customers:import', { ...importFile(csv), commit }, 3))).toBe(
        'FORBIDDEN',
      );
    expect(
      resultCode(await t.call('products:import', { ...importFile(csv), commit: false }, 3)),
    ).toBe('FORBIDDEN');
    // Progress answers only for the caller's own imports, so it is open to any member.
    expect(await t.must('import:progress', { jobId: randomUUID() }, 3)).toEqual({
      progress: null,
    });
    expect(names(t).map((c) => c.name)).toEqual(['One by hand']);
    expect(auditCount(t, 'authz.denied')).toBe(3);
  });

  it('refuses a file of 200,001 rows, counting exactly and skipping blank lines', async () => {
    // 200,000 rows pass the count; the 200,001st (on line 200,003, after a blank line) stops it.
    const over = await t.call('customers:import', {
      ...importFile(`name\n\n${'x\n'.repeat(200_000)}x\n`),
      commit: true,
    });
    expect(resultCode(over)).toBe('IMPORT_TOO_MANY_ROWS');
    expect(over.ok ? '' : over.error.message).toBe(
      'The file has more than 200,000 rows (row 200,001 is on line 200003). Split it into smaller files.',
    );
    expect(count(t, 'customers')).toBe(0);
    expect(auditCount(t, 'customer.import')).toBe(0);
  }, 60_000);

  it('refuses a file of 50 MB + 1 byte before reading it, and reads one of exactly 50 MB', async () => {
    const over = await t.call('customers:import', {
      ...importFile(Buffer.alloc(50_000_001, 0x61)),
      commit: false,
    });
    expect(resultCode(over)).toBe('IMPORT_TOO_LARGE');
    expect(over.ok ? '' : over.error.message).toMatch(/the limit is 50 MB/);
    // 50,000,000 bytes pass the size check: this one is refused for its encoding instead.
    const utf16 = Buffer.alloc(50_000_000, 0x61);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    const exact = await t.call('customers:import', { ...importFile(utf16), commit: false });
    expect(resultCode(exact)).toBe('IMPORT_ENCODING');
    expect(count(t, 'customers')).toBe(0);
  }, 60_000);

  it('reads a Windows-1252 file as Windows-1252: Café, never Caf�', async () => {
    const cp1252 = Buffer.from('name,country,notes\nCafé Olé,España,Prix 5 €\n', 'latin1');
    cp1252[cp1252.length - 2] = 0x80; // the euro sign in Windows-1252 (not in Latin-1)
    const dry = await t.must('customers:import', { ...importFile(cp1252), commit: false });
    expect(dry).toMatchObject({ encoding: 'windows-1252', rows: 1, accepted: 1 });
    await t.must('customers:import', { ...importFile(cp1252), commit: true });
    expect(names(t)).toEqual([{ name: 'Café Olé', country: 'España' }]);
    expect(t.raw().prepare('SELECT notes FROM customers').get()).toEqual({ notes: 'Prix 5 €' });

    const retail = await t.must(
      'import:onlineRetail',
      importFile(
        Buffer.from(
          'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
            '536365,85123A,CRÈME BRÛLÉE DISH,6,2010-12-01 08:26:00,2.55,17850,Österreich\n',
          'latin1',
        ),
      ),
    );
    expect(retail).toMatchObject({ encoding: 'windows-1252', salesCreated: 1 });
    expect(t.raw().prepare("SELECT name FROM products WHERE sku = '85123A'").get()).toEqual({
      name: 'CRÈME BRÛLÉE DISH',
    });
  });

  it('keeps a UTF-8 byte-order mark working, and reads UTF-8 as UTF-8', async () => {
    const bom = Buffer.from('\uFEFFName,Email\nZoë Quinn,zoe@shop.test\n', 'utf8');
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = await t.must('customers:import', { ...importFile(bom), commit: true });
    expect(r).toMatchObject({ encoding: 'utf-8', rows: 1, created: 1 });
    expect(names(t)).toEqual([{ name: 'Zoë Quinn', country: null }]);
  });

  it('refuses text that is neither UTF-8 nor Windows-1252, and writes nothing', async () => {
    const files = {
      'UTF-16': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\nA\n', 'utf16le')]),
      'UTF-16 without a byte-order mark': Buffer.from('name\nA\n', 'utf16le'),
      'a byte Windows-1252 leaves undefined': Buffer.from([...Buffer.from('name\nA'), 0x81, 10]),
      'a UTF-8 byte-order mark, then Latin-1': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('name\nCafé\n', 'latin1'),
      ]),
    };
    for (const [what, bytes] of Object.entries(files)) {
      const r = await t.call('customers:import', { ...importFile(bytes), commit: true });
      expect(resultCode(r), what).toBe('IMPORT_ENCODING');
      expect(r.ok ? '' : r.error.message, what).toMatch(/Save the file as "CSV UTF-8"/);
    }
    // Not base64 at all (or cut short): refused, never half-read.
    for (const csvBase64 of ['bmFtZQpB!', 'bmFtZQpBQ'])
      expect(
        resultCode(
          await t.call('customers:import', { csvBase64, jobId: randomUUID(), commit: true }),
        ),
      ).toBe('IMPORT_REJECTED');
    expect(count(t, 'customers')).toBe(0);
    expect(auditCount(t, 'customer.import')).toBe(0);
  });

  it('reports progress while it runs, and gives the event loop a turn at least every 500 rows', async () => {
    const csv = customersCsv(30_000); // about 2.5 MB
    const dryId = randomUUID();
    const dry = await watch(t, dryId, () =>
      t.must('customers:import', { ...importFile(csv, dryId), commit: false }),
    );
    expect(dry.result).toMatchObject({ rows: 30_000, accepted: 30_000 });
    const checking = dry.seen.filter((p) => p.phase === 'checking');
    // One reading per turn: a 30,000-row file takes at least 60 turns of 500 rows.
    expect(checking.length).toBeGreaterThanOrEqual(30_000 / MAX_ROWS_PER_SLICE);
    expect(checking.some((p) => p.rowsDone > 0 && p.rowsDone < 30_000)).toBe(true);
    expect(checking.every((p) => p.rowsTotal === 30_000)).toBe(true);
    expect(largestStep(dry.seen)).toBeLessThanOrEqual(MAX_ROWS_PER_SLICE);
    expect(phases(dry.seen)).toEqual(expect.arrayContaining(['checking']));
    expect(['queued', 'reading', 'checking']).toEqual(expect.arrayContaining(phases(dry.seen)));

    // Rows that are all rejected never reach a batch write: the slicing alone must yield.
    const badId = randomUUID();
    const bad = await watch(t, badId, () =>
      t.must('customers:import', {
        ...importFile(`name,email\n${'Ann,not-an-email\n'.repeat(30_000)}`, badId),
        commit: false,
      }),
    );
    expect(bad.result).toMatchObject({ rows: 30_000, accepted: 0, rejectedCount: 30_000 });
    expect(bad.seen.filter((p) => p.phase === 'checking').length).toBeGreaterThanOrEqual(
      30_000 / MAX_ROWS_PER_SLICE,
    );
    expect(largestStep(bad.seen)).toBeLessThanOrEqual(MAX_ROWS_PER_SLICE);

    const jobId = randomUUID();
    const done = await watch(t, jobId, () =>
      t.must('customers:import', { ...importFile(csv, jobId), commit: true }),
    );
    expect(done.result).toMatchObject({ created: 30_000 });
    const writing = done.seen.filter((p) => p.phase === 'writing');
    expect(writing.length).toBeGreaterThanOrEqual(30_000 / MAX_ROWS_PER_SLICE);
    expect(writing.at(-1)!.rowsTotal).toBe(30_000);
    expect(phases(done.seen).at(-1)).toBe('writing');
    expect(largestStep(done.seen)).toBeLessThanOrEqual(MAX_ROWS_PER_SLICE);
    expect(count(t, 'customers')).toBe(30_000);
    // Finished: nothing to report any more.
    expect(await t.must('import:progress', { jobId })).toEqual({ progress: null });
  }, 120_000);

  it('runs one import at a time, refuses a job id in use, and lets other writes queue behind', async () => {
    const first = randomUUID();
    const second = randomUUID();
    const a = t.must('customers:import', {
      ...importFile(customersCsv(5_000), first),
      commit: true,
    });
    const b = t.call('customers:import', {
      ...importFile('name\nLate Customer\n', second),
      commit: true,
    });
    const clash = t.call('customers:import', { ...importFile('name\nX\n', first), commit: true });
    expect(resultCode(await clash)).toBe('CONFLICT');
    expect((await t.must('import:progress', { jobId: second })).progress?.phase).toBe('queued');

    // Wait until the first import is writing, then add a customer by hand: it waits for the commit.
    while ((await t.must('import:progress', { jobId: first })).progress?.phase !== 'writing')
      await turn();
    const byHand = t.must('customers:create', { name: 'By hand' });
    await Promise.all([a, b, byHand]);
    const order = names(t).map((c) => c.name);
    expect(order).toHaveLength(5_002);
    expect(order.indexOf('By hand')).toBe(5_000);
    expect(order.at(-1)).toBe('Late Customer');
    expect(auditCount(t, 'customer.import')).toBe(2);
  }, 120_000);
});
