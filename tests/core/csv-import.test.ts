/** Product and customer CSV imports: dry run vs commit, rejected rows with lines and reasons, one transaction, bad headers. */
import { importFile } from '../helpers/import-file';
import { auditCount, makeTestCore, resultCode, withAdmin, type TestCore } from '../helpers/core';
import { within } from '../helpers/waits';

function rows(t: TestCore, sql: string, ...args: unknown[]) {
  return t
    .raw()
    .prepare(sql)
    .all(...args) as Record<string, unknown>[];
}

const PRODUCTS = [
  'SKU,Barcode,Name,Price,Tax_Rate,Kind,Active', // line 1
  'tea-1,5000000000017,Breakfast tea,2.55,20,stock,true', // 2: ok
  'TEA-2,,"Earl Grey, loose",3,17.5,,', // 3: ok (quoted comma, defaults)
  'TEA-3,,Bad price,2.555,20,stock,true', // 4: three decimals
  'tea-1,,Repeat SKU,1.00,20,stock,true', // 5: SKU repeated from line 2
  'TEA-4,5000000000017,Repeat barcode,1.00,20,stock,true', // 6: barcode repeated
  'OLD-1,,Clashes with the database,1.00,0,stock,true', // 7: SKU exists
  'TEA-5,,,1.00,0,stock,true', // 8: name missing
  'TEA-6,,Postage,0.99,0,postage,no', // 9: ok, inactive
  'TEA-7,,Bad kind,1,0,gizmo,yes', // 10: kind
  'TEA-8,,Too few fields', // 11: field count
  'TEA-9,,"Multi', // 12-13: a quoted line break: parsed, but a name may not hold one
  'line name",4.10,20,stock,1',
  '', // blank line skipped
  'TEA-10,,Bad tax,1,abc,stock,true', // 15: tax
].join('\n');

describe('CSV import', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  it('products: a dry run reports every row and writes nothing; commit writes the accepted rows once', async () => {
    const old = await t.must('products:create', {
      sku: 'OLD-1',
      name: 'Old product',
      price: 100,
      taxRateBps: 0,
    });
    const before = rows(t, 'SELECT * FROM products');
    const audits = rows(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n;

    const dry = await t.must('products:import', { ...importFile(PRODUCTS), commit: false });
    expect(dry).toMatchObject({ rows: 12, accepted: 3, created: 0, rejectedCount: 9 });
    expect(dry.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 8, 10, 11, 12, 15]);
    expect(rows(t, 'SELECT * FROM products')).toEqual(before);
    expect(rows(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n).toBe(audits);
    const reason = (line: number) => dry.rejected.find((r) => r.line === line)?.reason ?? '';
    expect(reason(4)).toMatch(/^price: "2\.555" is not an amount with at most 2 decimals/);
    expect(reason(5)).toBe('SKU TEA-1 is repeated (first on line 2).');
    expect(reason(6)).toBe('Barcode 5000000000017 is repeated (first on line 2).');
    expect(reason(7)).toBe('SKU OLD-1 already exists.');
    expect(reason(8)).toMatch(/^name: /);
    expect(reason(10)).toMatch(/^kind: /);
    expect(reason(11)).toBe('Expected 7 fields, found 3.');
    expect(reason(12)).toBe('name: Contains characters that are not allowed');
    expect(reason(15)).toMatch(/^tax_rate: /);

    const done = await t.must('products:import', { ...importFile(PRODUCTS), commit: true });
    expect(done).toEqual({ ...dry, created: 3 });
    expect(
      rows(
        t,
        'SELECT sku, barcode, name, search_name, price, tax_rate_bps, kind, active FROM products ORDER BY id',
      ),
    ).toEqual([
      {
        sku: 'OLD-1',
        barcode: null,
        name: 'Old product',
        search_name: 'old product',
        price: 100,
        tax_rate_bps: 0,
        kind: 'stock',
        active: 1,
      },
      {
        sku: 'TEA-1',
        barcode: '5000000000017',
        name: 'Breakfast tea',
        search_name: 'breakfast tea',
        price: 255,
        tax_rate_bps: 2000,
        kind: 'stock',
        active: 1,
      },
      {
        sku: 'TEA-2',
        barcode: null,
        name: 'Earl Grey, loose',
        search_name: 'earl grey, loose',
        price: 300,
        tax_rate_bps: 1750,
        kind: 'stock',
        active: 1,
      },
      {
        sku: 'TEA-6',
        barcode: null,
        name: 'Postage',
        search_name: 'postage',
        price: 99,
        tax_rate_bps: 0,
        kind: 'postage',
        active: 0,
      },
    ]);
    expect(await t.must('products:get', { id: old.id })).toMatchObject({
      name: 'Old product',
      price: 100,
    });
    expect(auditCount(t, 'product.import')).toBe(1);
    expect(rows(t, "SELECT detail FROM audit_events WHERE action = 'product.import'")).toEqual([
      { detail: '12 rows: 3 created, 9 rejected' },
    ]);

    // Importing the same file again creates nothing: every SKU now exists.
    const again = await t.must('products:import', { ...importFile(PRODUCTS), commit: true });
    expect(again).toMatchObject({ accepted: 0, created: 0, rejectedCount: 12 });
    expect(rows(t, 'SELECT COUNT(*) AS n FROM products')[0]!.n).toBe(4);
  });

  it('uses the store currency exponent for prices (JPY has no decimals)', async () => {
    await t.must('settings:update', { currency: 'JPY' });
    const r = await t.must('products:import', {
      ...importFile('sku,name,price\nA,Onigiri,150\nB,Bento,1.50\n'),
      commit: true,
    });
    expect(r).toMatchObject({ rows: 2, created: 1, rejectedCount: 1 });
    expect(r.rejected[0]).toMatchObject({ line: 3 });
    expect(rows(t, 'SELECT sku, price FROM products')).toEqual([{ sku: 'A', price: 150 }]);
  });

  it('refuses a file without the required header, with unknown columns, or broken quotes, and writes nothing', async () => {
    const bad = [
      'name,price\nTea,1',
      'sku,name,price,colour\nA,Tea,1,red',
      'Tea,1.00,20\nA,Tea,1',
      'sku,name,price\nA,"Tea,1\n',
    ];
    for (const csv of bad) {
      const r = await t.call('products:import', { ...importFile(csv), commit: true });
      expect(resultCode(r)).toBe('IMPORT_REJECTED');
    }
    const r = await t.call('customers:import', {
      ...importFile('email,phone\na@b.co,123456'),
      commit: true,
    });
    expect(resultCode(r)).toBe('IMPORT_REJECTED');
    if (!r.ok) expect(r.error.message).toContain('missing name');
    expect(rows(t, 'SELECT COUNT(*) AS n FROM products')[0]!.n).toBe(0);
    expect(rows(t, 'SELECT COUNT(*) AS n FROM customers')[0]!.n).toBe(0);
    expect(auditCount(t, 'product.import') + auditCount(t, 'customer.import')).toBe(0);
  });

  it('a stray quote on the only line is refused at once, and the next import runs', async () => {
    // The fuzz's bytes (FUZZ_SEED=1863716853): a quote inside an unquoted field, no line break.
    // The parser failed while the file was read, and readCsv then waited for an end it never
    // sends: the import hung, and every later import queued behind it.
    const stray = Buffer.from('ade7ebb7222c127c36', 'hex');
    for (const [channel, more] of [
      ['customers:import', {}],
      ['products:import', {}],
      ['staff:import', { activate: false }],
    ] as const) {
      const answer = await within(
        5_000,
        channel,
        t.call(channel, { ...importFile(stray), ...more, commit: false }),
      );
      expect(resultCode(answer), channel).toBe('IMPORT_REJECTED');
    }
    const r = await t.call('customers:import', {
      ...importFile('name,email\nAda,ada@shop.test'),
      commit: true,
    });
    expect(r).toMatchObject({ ok: true, data: { accepted: 1 } });
  });

  it('customers: rejects repeats in the file and emails/phones already used, never touching existing customers', async () => {
    const existing = await t.must('customers:create', {
      name: 'Existing',
      email: 'taken@example.com',
      phone: '07700 900000',
    });
    const csv = [
      'Name,Email,Phone,Country,Notes',
      'Zoë Quinn,ZOE@example.com,+44 7700 900123,United Kingdom,', // 2 ok
      'Zoe Again,zoe@example.com,,,', // 3 email repeated
      'Phone Twin,,(07) 700 900-123,,', // 4 phone repeated: national form of line 2 (E.164)
      'Digits Twin,,+44-7700-900123,,', // 5 phone repeated (same digits as line 2)
      'Clash,Taken@Example.com,,,', // 6 email exists
      'Clash Phone,,077 00900000,,', // 7 phone exists
      ',nobody@example.com,,,', // 8 name missing
      'Bad Email,not-an-email,,,', // 9
      'Plain Name,,,,', // 10 ok
    ].join('\r\n');
    const dry = await t.must('customers:import', { ...importFile(csv), commit: false });
    expect(dry).toMatchObject({ rows: 9, accepted: 2, created: 0, rejectedCount: 7 });
    expect(dry.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(dry.rejected[0]!.reason).toBe('Email zoe@example.com is repeated (first on line 2).');
    expect(dry.rejected[1]!.reason).toBe('Phone +447700900123 is repeated (first on line 2).');
    expect(dry.rejected[3]!.reason).toBe('A customer with email taken@example.com already exists.');
    expect(rows(t, 'SELECT COUNT(*) AS n FROM customers')[0]!.n).toBe(1);

    const done = await t.must('customers:import', { ...importFile(csv), commit: true });
    expect(done).toEqual({ ...dry, created: 2 });
    expect((await t.must('customers:search', { search: 'zoe' })).items.map((c) => c.name)).toEqual([
      'Zoë Quinn',
    ]);
    expect(
      rows(
        t,
        "SELECT email, phone_digits, country, notes, search_text FROM customers WHERE name = 'Zoë Quinn'",
      ),
    ).toEqual([
      {
        email: 'zoe@example.com',
        phone_digits: '447700900123',
        country: 'United Kingdom',
        notes: null,
        search_text: 'zoe quinn zoe@example.com 447700900123 07700900123',
      },
    ]);
    expect(await t.must('customers:get', { id: existing.id })).toMatchObject({
      customer: { name: 'Existing', email: 'taken@example.com', phone: '+447700900000' },
    });
    expect(auditCount(t, 'customer.import')).toBe(1);
  });

  it('lists at most 500 rejected rows but counts them all', async () => {
    const lines = ['sku,name,price'];
    for (let i = 0; i < 600; i++) lines.push(`S${i},Item ${i},oops`);
    lines.push('OK,Fine,1');
    const r = await t.must('products:import', { ...importFile(lines.join('\n')), commit: false });
    expect(r).toMatchObject({ rows: 601, accepted: 1, rejectedCount: 600 });
    expect(r.rejected).toHaveLength(500);
    expect(r.rejected[0]!.line).toBe(2);
    expect(r.rejected[499]!.line).toBe(501);
  });
});

describe('CSV import reports every problem of a row (issue 8, item 18)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  it('products: bad cells, bad fields and repeats of one row are all listed', async () => {
    await t.must('products:create', {
      sku: 'OLD-1',
      barcode: '5000000000024',
      name: 'Old product',
      price: 100,
      taxRateBps: 0,
    });
    const csv = [
      'sku,barcode,name,price,tax_rate,kind,active',
      'TEA-1,5000000000017,Tea,2.55,20,stock,true', // 2: ok
      // 3: price, tax rate, active, name and kind are all wrong
      'TEA-2,,,2.555,abc,gizmo,perhaps',
      // 4: SKU and barcode both repeat line 2
      'tea-1,5000000000017,Tea again,1.00,20,stock,true',
      // 5: SKU and barcode both exist already
      'OLD-1,5000000000024,Clash,1.00,20,stock,true',
    ].join('\n');
    const dry = await t.must('products:import', { ...importFile(csv), commit: false });
    const reason = (line: number) => dry.rejected.find((r) => r.line === line)?.reason ?? '';
    const three = reason(3).split('; ');
    expect(three.map((p) => p.split(':')[0])).toEqual([
      'price',
      'tax_rate',
      'active',
      'name',
      'kind',
    ]);
    expect(reason(4)).toBe(
      'SKU TEA-1 is repeated (first on line 2).; Barcode 5000000000017 is repeated (first on line 2).',
    );
    expect(reason(5)).toBe('SKU OLD-1 already exists.; Barcode 5000000000024 already exists.');
  });

  it("products: an empty tax_rate takes the store's default tax rate", async () => {
    await t.must('settings:update', { defaultTaxRateBps: 700 });
    const csv = ['sku,name,price,tax_rate', 'A-1,Book,9.99,', 'A-2,Pen,1.00,20'].join('\n');
    await t.must('products:import', { ...importFile(csv), commit: true });
    expect(rows(t, 'SELECT sku, tax_rate_bps FROM products ORDER BY sku')).toEqual([
      { sku: 'A-1', tax_rate_bps: 700 },
      { sku: 'A-2', tax_rate_bps: 2000 },
    ]);
  });

  it('customers: a row whose email and phone both repeat, or both exist, lists both', async () => {
    await t.must('customers:create', {
      name: 'Taken',
      email: 'taken@example.com',
      phone: '+44 7700 900999',
    } as never);
    const csv = [
      'name,email,phone,country,notes',
      'Zoe,zoe@example.com,+44 7700 900123,,', // 2: ok
      'Zoe Twin,zoe@example.com,+44 7700 900123,,', // 3: both repeat line 2
      'Clash,taken@example.com,+44 7700 900999,,', // 4: both exist
    ].join('\n');
    const dry = await t.must('customers:import', { ...importFile(csv), commit: false });
    const reason = (line: number) => dry.rejected.find((r) => r.line === line)?.reason ?? '';
    expect(reason(3)).toMatch(/^Email zoe@example\.com is repeated .*; Phone .* is repeated /);
    expect(reason(4)).toMatch(/^A customer with email .* already exists\.; A customer with phone /);
  });
});
