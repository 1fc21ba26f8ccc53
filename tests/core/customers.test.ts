/** Customers: CRUD, conflicts, archive-instead-of-delete, ranked folded search (FTS5 and prefix), audit (L1). */
import { randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../shared/contract';
import { foldForSearch } from '../../electron/core/search/normalize';
import {
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

type NewCustomer = ChannelInput<'customers:create'>;

function rows(t: TestCore, sql: string, ...args: unknown[]) {
  return t
    .raw()
    .prepare(sql)
    .all(...args) as Record<string, unknown>[];
}

describe('customers', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  const add = (c: NewCustomer) => t.must('customers:create', c);
  const names = async (search: string, extra: Partial<ChannelInput<'customers:search'>> = {}) =>
    (await t.must('customers:search', { search, ...extra })).items.map((c) => c.name);

  it('creates with a lower-cased email, the phone in E.164 plus its digits, and folded search columns', async () => {
    const c = await add({
      name: 'Zoë  Ångström',
      email: ' Zoe@Example.COM ',
      phone: '+44 (0)20 7946-0958',
      country: 'United Kingdom',
      notes: '',
    });
    expect(c).toMatchObject({
      name: 'Zoë  Ångström',
      email: 'zoe@example.com',
      phone: '+442079460958',
      notes: null,
      externalRef: null,
      archived: false,
    });
    expect(
      rows(t, 'SELECT phone_digits, search_name, search_text FROM customers WHERE id = ?', c.id),
    ).toEqual([
      {
        phone_digits: '442079460958',
        search_name: 'zoe angstrom',
        search_text: 'zoe angstrom zoe@example.com 442079460958 02079460958',
      },
    ]);
    expect(auditCount(t, 'customer.create')).toBe(1);

    expect(await names('e@ex')).toEqual(['Zoë  Ångström']);
    const u = await t.must('customers:update', { id: c.id, name: 'Zoë Smith', email: null });
    expect(u).toMatchObject({ name: 'Zoë Smith', email: null, phone: null, country: null });
    expect(rows(t, 'SELECT search_text FROM customers WHERE id = ?', c.id)).toEqual([
      { search_text: 'zoe smith' },
    ]);
    // The index follows the update (FTS5's table; the server's joined text, 1790000016000): the
    // old email is no longer found, a fragment across the new name's space is.
    expect(await names('example.com')).toEqual([]);
    expect(await names('e@ex')).toEqual([]);
    expect(await names('smith')).toEqual(['Zoë Smith']);
    expect(await names('oe sm')).toEqual(['Zoë Smith']);
    const detail = rows(t, "SELECT detail FROM audit_events WHERE action = 'customer.update'");
    expect(detail).toEqual([{ detail: 'changed name, email, phone, country' }]);

    expect(resultCode(await t.call('customers:update', { id: 999, name: 'X' }))).toBe('NOT_FOUND');
    expect(resultCode(await t.call('customers:get', { id: 999 }))).toBe('NOT_FOUND');
  });

  it('refuses a used email or phone (compared by digits) with field issues and changes nothing', async () => {
    await add({ name: 'Ann', email: 'ann@example.com', phone: '020 7946 0001' });
    const bob = await add({ name: 'Bob', email: 'bob@example.com' });
    const before = rows(t, 'SELECT * FROM customers ORDER BY id');
    const audits = rows(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n;

    const r1 = await t.call('customers:create', { name: 'Ann 2', email: 'ANN@example.com' });
    expect(r1.ok).toBe(false);
    if (!r1.ok) {
      expect(r1.error.code).toBe('CONFLICT');
      expect(r1.error.issues).toEqual([{ path: 'email', message: expect.any(String) }]);
    }
    const r2 = await t.call('customers:update', {
      id: bob.id,
      name: 'Bob',
      email: 'ann@example.com',
      phone: '(020) 7946-0001',
    });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.issues?.map((i) => i.path)).toEqual(['email', 'phone']);

    expect(rows(t, 'SELECT * FROM customers ORDER BY id')).toEqual(before);
    expect(rows(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n).toBe(audits);
    // Keeping their own email is fine.
    await t.must('customers:update', { id: bob.id, name: 'Robert', email: 'bob@example.com' });
  });

  it('deletes a customer with no sales, archives one with sales, shows stats and recent sales, restores', async () => {
    const p = await t.must('products:create', { sku: 'T', name: 'Tea', price: 300, taxRateBps: 0 });
    const keep = await add({ name: 'Kim Keeper' });
    const drop = await add({ name: 'Dan Dropped' });
    const sale = await t.must('sales:checkout', {
      id: randomUUID(),
      lines: [{ productId: p.id, quantity: 2 }],
      customerId: keep.id,
      tenders: [{ type: 'cash', amount: 1000 }],
    });

    const page = await t.must('customers:get', { id: keep.id });
    expect(page.stats).toMatchObject({ salesCount: 1, lifetimeSpend: 600, refundsTotal: 0 });
    expect(page.recentSales.map((s) => s.id)).toEqual([sale.id]);

    expect((await t.must('customers:remove', { id: drop.id })).outcome).toBe('deleted');
    expect(rows(t, 'SELECT id FROM customers WHERE id = ?', drop.id)).toEqual([]);
    expect(await names('dan')).toEqual([]);

    const arch = await t.must('customers:remove', { id: keep.id });
    expect(arch.outcome).toBe('archived');
    expect(arch.customer.archived).toBe(true);
    expect(rows(t, 'SELECT id FROM customers WHERE id = ?', keep.id)).toHaveLength(1);
    expect(await names('kim')).toEqual([]);
    expect(await names('kim', { includeArchived: true })).toEqual(['Kim Keeper']);
    expect(await names('')).toEqual([]);
    expect(auditCount(t, 'customer.delete')).toBe(1);
    expect(auditCount(t, 'customer.archive')).toBe(1);

    expect((await t.must('customers:restore', { id: keep.id })).archived).toBe(false);
    expect(await names('keeper')).toEqual(['Kim Keeper']);
    expect(auditCount(t, 'customer.restore')).toBe(1);
    expect(resultCode(await t.call('customers:restore', { id: keep.id }))).toBe('CONFLICT');
    expect(resultCode(await t.call('customers:remove', { id: drop.id }))).toBe('NOT_FOUND');
  });

  it('ranks: exact email/phone, then name prefix (by name), then word prefix, then anywhere (newest first)', async () => {
    await add({ name: 'Mary Annandale' }); // word prefix
    await add({ name: 'Annabel Lee' }); // name prefix
    await add({ name: 'Joanna Smith' }); // anywhere (name)
    await add({ name: 'Zed Zulu', email: 'ann@example.com' }); // exact email
    await add({ name: 'Bob Jones', email: 'bob.anne@example.com' }); // anywhere (email)
    await add({ name: 'Anne Other' }); // name prefix
    expect(await names('ann@example.com')).toEqual(['Zed Zulu']);
    expect(await names('ann')).toEqual([
      'Annabel Lee',
      'Anne Other',
      'Mary Annandale',
      'Bob Jones',
      'Zed Zulu',
      'Joanna Smith',
    ]);
    // Exact email ranks first even where other rows also contain it.
    await add({ name: 'Aaron Ann', email: 'xann@example.com' });
    expect((await names('ann@example.com'))[0]).toBe('Zed Zulu');
    expect(await names('ann@example.com')).toHaveLength(2);
  });

  it('searches 1-, 2- and 3+-character queries, phones by digits, accents folded, % and _ literally', async () => {
    await add({ name: 'Zoë Quinn', phone: '07700 900123' });
    await add({ name: 'Zack Taylor' });
    await add({ name: 'Amy Zorro' });
    await add({ name: 'Ben 50% Off' });
    await add({ name: 'Bex_Smith' });
    // "q" stands for a space or _ in the server's joined text (1790000016000): not a match.
    await add({ name: 'Rexqsy Shop' });
    // 1-2 characters: name prefix (and exact email/phone) only.
    expect(await names('z')).toEqual(['Zack Taylor', 'Zoë Quinn']);
    expect(await names('ZO')).toEqual(['Zoë Quinn']);
    expect(await names('zö')).toEqual(['Zoë Quinn']);
    // 3+: anywhere, through the trigram index.
    expect(await names('zoe')).toEqual(['Zoë Quinn']);
    expect(await names('zor')).toEqual(['Amy Zorro']);
    expect(await names('9001')).toEqual(['Zoë Quinn']);
    expect(await names('07700 900123')).toEqual(['Zoë Quinn']);
    expect(await names('0770-0900')).toEqual(['Zoë Quinn']);
    expect(await names('50%')).toEqual(['Ben 50% Off']);
    expect(await names('x_s')).toEqual(['Bex_Smith']);
    expect(await names('n 5')).toEqual(['Ben 50% Off']);
    expect(await names('nobody')).toEqual([]);
  });

  it('pages through hundreds of matches in exactly the ranked order, without archived customers', async () => {
    const firsts = ['Mara', 'Marc', 'Omar', 'Tamara', 'Ann', 'Bob', 'Émile'];
    const lasts = ['Marsh', 'Smart', 'Lee', 'Jones', 'De Mar'];
    // Bulk rows straight into the file (as `npm run seed` does); the FTS5 triggers index them.
    const writer = t.writable();
    const insert = writer.prepare(
      `INSERT INTO customers (name, email, phone, phone_digits, search_name, search_text,
         archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    writer.transaction(() => {
      for (let i = 0; i < 700; i++) {
        const name = `${firsts[i % 7]} ${lasts[(i * 3) % 5]}`;
        const email = i % 4 === 0 ? `c${i}@${i % 8 === 0 ? 'market' : 'shop'}.example` : null;
        const digits = i % 3 === 0 ? `4479${String(i * 7919).padStart(8, '0')}` : null;
        const archived = i % 50 === 7 ? now : null;
        insert.run(
          name,
          email,
          digits && `+${digits}`,
          digits,
          foldForSearch(name),
          foldForSearch([name, email, digits].filter(Boolean).join(' ')),
          archived,
          now,
          now,
        );
      }
    })();
    writer.close();
    const all = rows(
      t,
      'SELECT id, email, phone_digits, search_name, search_text FROM customers WHERE archived_at IS NULL',
    ) as {
      id: number;
      email: string | null;
      phone_digits: string | null;
      search_name: string;
      search_text: string;
    }[];
    const expected = (q: string) => {
      const f = foldForSearch(q);
      const rank = (c: (typeof all)[number]) =>
        c.email === q.toLowerCase() || c.phone_digits === q
          ? 0
          : c.search_name.startsWith(f)
            ? 1
            : f.length < 3 // shorter than a trigram: name prefixes only
              ? 9
              : c.search_name.includes(` ${f}`)
                ? 2
                : c.search_text.includes(f)
                  ? 3
                  : 9;
      return all
        .map((c) => ({ c, r: rank(c) }))
        .filter((x) => x.r < 9)
        .sort((a, b) =>
          a.r !== b.r
            ? a.r - b.r
            : a.r <= 1
              ? a.c.search_name < b.c.search_name
                ? -1
                : a.c.search_name > b.c.search_name
                  ? 1
                  : a.c.id - b.c.id
              : b.c.id - a.c.id,
        )
        .map((x) => x.c.id);
    };
    // Fragments across a space, an @ or a dot too, which pg_trgm's words split (1790000016000).
    const across = ['a m', 'n de', 'e ma', 'c8@m', 't.ex', '@shop.', 'ob sm'];
    for (const q of [
      'mar',
      'Mar',
      'ma',
      'm',
      'arsh',
      'ar',
      'emi',
      'market',
      'c8@market.example',
      ...across,
    ]) {
      const want = expected(q);
      const got: number[] = [];
      for (let offset = 0; ; offset += 60) {
        const page = await t.must('customers:search', { search: q, limit: 60, offset });
        got.push(...page.items.map((c) => c.id));
        expect(page.hasMore, `hasMore of ${q} at ${offset}`).toBe(got.length < want.length);
        if (!page.hasMore) break;
      }
      expect(got, `search ${q}`).toEqual(want);
    }
    expect(expected('mar').length).toBeGreaterThan(300);
    for (const q of across) expect(expected(q).length, `matches of ${q}`).toBeGreaterThan(0);
  });

  it('lists by name with hasMore paging when the search is empty', async () => {
    for (const n of ['Cara', 'abe', 'Bea', 'Dee', 'Eve']) await add({ name: n });
    const p1 = await t.must('customers:search', { limit: 2 });
    expect(p1.items.map((c) => c.name)).toEqual(['abe', 'Bea']);
    expect(p1.hasMore).toBe(true);
    const p3 = await t.must('customers:search', { limit: 2, offset: 4 });
    expect(p3.items.map((c) => c.name)).toEqual(['Eve']);
    expect(p3.hasMore).toBe(false);
    const s = await t.must('customers:search', { search: 'e', limit: 1 });
    expect(s.items.map((c) => c.name)).toEqual(['Eve']);
    expect(s.hasMore).toBe(false);
  });

  it('lets a cashier create and search customers', async () => {
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    await t.must('customers:create', { name: 'Walk-in Wendy' }, 2);
    const r = await t.must('customers:search', { search: 'wend' }, 2);
    expect(r.items.map((c) => c.name)).toEqual(['Walk-in Wendy']);
  });
});
