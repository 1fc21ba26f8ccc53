/**
 * Issue 8, item 7: customer phones in E.164 read in the store's country, digits matching names and
 * customer codes, apostrophe and quote variants folded, duplicates by the normalised forms, and the
 * migration that brings stored rows to those forms. Real SQLite files throughout.
 */
import fc from 'fast-check';
import type { ChannelInput } from '../../shared/contract';
import { normalisePhone } from '../../shared/phone';
import { foldForSearch } from '../../electron/core/search/normalize';
import {
  ADMIN,
  auditCount,
  makeTestCore,
  tempDir,
  withAdmin,
  type TestCore,
} from '../helpers/core';

type NewCustomer = ChannelInput<'customers:create'>;

function all(t: TestCore, sql: string, ...args: unknown[]) {
  return t
    .raw()
    .prepare(sql)
    .all(...args) as Record<string, unknown>[];
}

/** Writes to the core's file directly (settings the store helper has no channel for yet, codes). */
function write(t: TestCore, sql: string, ...args: unknown[]) {
  const db = t.writable();
  try {
    db.prepare(sql).run(...args);
  } finally {
    db.close();
  }
}

function setSetting(t: TestCore, key: string, value: string) {
  write(
    t,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    key,
    value,
  );
}

describe('customer phones and search (issue 8, item 7)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  const add = (c: NewCustomer) => t.must('customers:create', c);
  const names = async (search: string) =>
    (await t.must('customers:search', { search })).items.map((c) => c.name);

  it('stores phones in E.164 read in the store country', async () => {
    const c = await add({ name: 'Maria Lopez', phone: '07700 900123' });
    expect(c.phone).toBe('+447700900123');
    expect(all(t, 'SELECT phone, phone_digits FROM customers WHERE id = ?', c.id)).toEqual([
      { phone: '+447700900123', phone_digits: '447700900123' },
    ]);
    // A number no country can have (an extension) is kept as typed, compared by its digits.
    const ext = await add({ name: 'Back Office', phone: '1234' });
    expect(ext.phone).toBe('1234');
    // A Berlin store reads a national number as German; the country setting wins over the zone.
    setSetting(t, 'time_zone', 'Europe/Berlin');
    const de = await add({ name: 'Jonas Weber', phone: '030 1234567' });
    expect(all(t, 'SELECT phone FROM customers WHERE id = ?', de.id)).toEqual([
      { phone: '+49301234567' },
    ]);
    setSetting(t, 'country', 'AT');
    const at = await add({ name: 'Anna Gruber', phone: '0664 1234567' });
    expect(all(t, 'SELECT phone FROM customers WHERE id = ?', at.id)).toEqual([
      { phone: '+436641234567' },
    ]);
  });

  it('finds "Customer 17850" by digits, the international phone by its national form, O’Brien by o\'brien', async () => {
    const imported = await add({ name: 'Customer 17850' });
    write(t, "UPDATE customers SET external_ref = '17850' WHERE id = ?", imported.id);
    await add({ name: 'Customer 17851' });
    await add({ name: 'Phone Owner', phone: '+44 20 1785 0000' });
    await add({ name: 'Maria Lopez', phone: '+44 7700 900123' });
    await add({ name: 'Siobhán O’Brien' });
    await add({ name: 'Liam O‘Brien' });
    await add({ name: 'Pat Oʼbrien' });
    await add({ name: 'The “Corner” Café' });

    // The customer code ranks first; then names and phones holding the digits, newest first.
    expect(await names('17850')).toEqual(['Customer 17850', 'Phone Owner']);
    expect(await names('1785')).toEqual(['Phone Owner', 'Customer 17851', 'Customer 17850']);
    for (const q of ['07700900123', '07700 900123', '+44 7700 900123', '0044 7700 900123'])
      expect(await names(q), q).toEqual(['Maria Lopez']);
    expect(await names('07700 9001')).toEqual(['Maria Lopez']);
    expect(await names("o'brien")).toEqual(['Pat Oʼbrien', 'Liam O‘Brien', 'Siobhán O’Brien']);
    expect(await names('O’BRIEN')).toEqual(await names("o'brien"));
    expect(await names('"corner"')).toEqual(['The “Corner” Café']);
  });

  it('refuses the same phone in national and international format (CONFLICT) and writes nothing', async () => {
    const ann = await add({ name: 'Ann', phone: '+44 7700 900123' });
    const bob = await add({ name: 'Bob', phone: '020 7946 0001' });
    const before = all(t, 'SELECT * FROM customers ORDER BY id');
    const audits = all(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n;

    for (const phone of ['07700 900123', '07700900123', '0044 7700 900123', '(07700) 900-123']) {
      const r = await t.call('customers:create', { name: 'Ann Twin', phone });
      expect(r.ok, phone).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('CONFLICT');
        expect(r.error.issues).toEqual([{ path: 'phone', message: expect.any(String) }]);
      }
    }
    const u = await t.call('customers:update', { id: bob.id, name: 'Bob', phone: '7700 900123' });
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.error.code).toBe('CONFLICT');

    expect(all(t, 'SELECT * FROM customers ORDER BY id')).toEqual(before);
    expect(all(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n).toBe(audits);
    // Ann keeping her own number in another format is not a conflict.
    await t.must('customers:update', { id: ann.id, name: 'Ann', phone: '07700 900123' });
    expect(auditCount(t, 'customer.update')).toBe(1);
  });

  it('keeps ten creations in a row unique however the number is typed', async () => {
    const forms = (n: string) => [`07700 90${n}`, `+44 7700 90${n}`, `0044770090${n}`];
    const results = await Promise.all(
      ['0100', '0101', '0102', '0100', '0101'].flatMap((n, i) =>
        forms(n).map((phone, j) => t.call('customers:create', { name: `C${i}-${j}`, phone })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(all(t, 'SELECT phone FROM customers ORDER BY phone')).toEqual([
      { phone: '+447700900100' },
      { phone: '+447700900101' },
      { phone: '+447700900102' },
    ]);
  });
});

describe('the migration that normalises stored customers (1790000006200)', () => {
  it('stores phones in E.164, refolds names, keeps a number another row already has', async () => {
    const dir = tempDir();
    let t = await makeTestCore({ dir });
    await withAdmin(t);
    const ids = [];
    for (const name of ['Zoë O’Brien', 'Maria Lopez', 'Ann Hall', 'Back Office', 'No Phone'])
      ids.push((await t.must('customers:create', { name })).id);
    const product = await t.must('products:create', {
      sku: 'ALE-1',
      name: 'O’Neill’s Ale',
      price: 450,
      taxRateBps: 2000,
    });
    await t.close();

    // The rows as the earlier code wrote them: phones as typed, digits only, the old fold.
    const old = t.writable();
    const set = old.prepare(
      'UPDATE customers SET phone = ?, phone_digits = ?, search_name = ?, search_text = ? WHERE id = ?',
    );
    set.run('07700 900123', '07700900123', 'zoe o’brien', 'zoe o’brien 07700900123', ids[0]);
    set.run('+44 7700 900123', '447700900123', 'maria lopez', 'maria lopez 447700900123', ids[1]);
    set.run('020 7946 0958', '02079460958', 'ann hall', 'ann hall 02079460958', ids[2]);
    set.run('1234', '1234', 'back office', 'back office 1234', ids[3]);
    old
      .prepare('UPDATE products SET search_name = ? WHERE id = ?')
      .run('o’neill’s ale', product.id);
    old.prepare("DELETE FROM migrations WHERE name = 'NormaliseCustomerPhones1790000006200'").run();
    old.close();

    t = await makeTestCore({ dir });
    try {
      const rows = all(
        t,
        'SELECT phone, phone_digits, search_name, search_text FROM customers ORDER BY id',
      );
      expect(rows).toEqual([
        // Its E.164 form is Maria's: left as it was (both customers kept), refolded.
        {
          phone: '07700 900123',
          phone_digits: '07700900123',
          search_name: "zoe o'brien",
          search_text: "zoe o'brien 07700900123",
        },
        {
          phone: '+447700900123',
          phone_digits: '447700900123',
          search_name: 'maria lopez',
          search_text: 'maria lopez 447700900123 07700900123',
        },
        {
          phone: '+442079460958',
          phone_digits: '442079460958',
          search_name: 'ann hall',
          search_text: 'ann hall 442079460958 02079460958',
        },
        {
          phone: '1234',
          phone_digits: '1234',
          search_name: 'back office',
          search_text: 'back office 1234',
        },
        { phone: null, phone_digits: null, search_name: 'no phone', search_text: 'no phone' },
      ]);
      expect(all(t, 'SELECT search_name FROM products WHERE id = ?', product.id)).toEqual([
        { search_name: "o'neill's ale" },
      ]);
      // The FTS index followed: the national form finds both records of the one number.
      await withSignIn(t);
      const found = await t.must('customers:search', { search: '07700 900123' });
      expect(found.items.map((c) => c.name).sort()).toEqual(['Maria Lopez', 'Zoë O’Brien']);
      expect(
        (await t.must('customers:search', { search: "o'brien" })).items.map((c) => c.name),
      ).toEqual(['Zoë O’Brien']);
      expect(
        (await t.must('products:list', { search: "o'neill" })).items.map((p) => p.name),
      ).toEqual(['O’Neill’s Ale']);
    } finally {
      await t.close();
    }
  });
});

async function withSignIn(t: TestCore) {
  await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
}

describe('normalising (fast-check)', () => {
  const countries = fc.constantFrom('GB', 'DE', 'US', 'FR', 'AT', 'AU') as fc.Arbitrary<
    'GB' | 'DE' | 'US' | 'FR' | 'AT' | 'AU'
  >;
  const phone = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', ' ', '-', '.')), {
        minLength: 4,
        maxLength: 15,
      }),
    )
    .map(([plus, ds]) => (plus ? '+' : '') + ds.map(([d, s]) => `${d}${s}`).join(''));

  it('is idempotent: a stored phone or folded text normalises to itself', () => {
    fc.assert(
      fc.property(phone, countries, (p, c) => {
        const once = normalisePhone(p, c);
        expect(normalisePhone(once.stored, c)).toEqual(once);
      }),
      { numRuns: 2000 },
    );
    // Lower-casing "İ" makes a combining dot that one pass of NFKD would leave behind.
    for (const s of ['İSTANBUL', 'ǄURO', 'Ａｎｎ  O’Brien'])
      expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds every apostrophe and quote variant to one form, and national to international', () => {
    const apostrophes = ["'", '’', '‘', '‛', 'ʼ', '′', '`', '´', '＇'];
    const quotes = ['"', '“', '”', '„', '″', '«', '»', '＂'];
    const word = fc.string({ unit: 'grapheme-ascii', maxLength: 8 });
    fc.assert(
      fc.property(
        word,
        word,
        fc.constantFrom(...apostrophes),
        fc.constantFrom(...quotes),
        (a, b, ap, q) => {
          expect(foldForSearch(`${a}${ap}${b}`)).toBe(foldForSearch(`${a}'${b}`));
          expect(foldForSearch(`${q}${a}${q}${b}`)).toBe(foldForSearch(`"${a}"${b}`));
        },
      ),
      { numRuns: 2000 },
    );
    const ukMobile = fc
      .integer({ min: 0, max: 999_999_999 })
      .map((n) => `7${String(n).padStart(9, '0')}`);
    fc.assert(
      fc.property(ukMobile, (n) => {
        const e164 = normalisePhone(`+44 ${n}`, 'GB');
        expect(e164.stored).toBe(`+44${n}`);
        expect(normalisePhone(`0${n}`, 'GB')).toEqual(e164);
        expect(normalisePhone(`0044 ${n.slice(0, 4)} ${n.slice(4)}`, 'GB')).toEqual(e164);
        expect(normalisePhone(`+44${n}`, 'DE')).toEqual(e164);
      }),
      { numRuns: 1000 },
    );
  });
});
