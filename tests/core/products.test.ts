/** Products: CRUD, conflicts, archive-instead-of-delete, ranked search, scanner lookup, audit (L1). */
import { randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../shared/contract';
import {
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';

type NewProduct = Omit<ChannelInput<'products:update'>, 'id'>;

function product(over: Partial<NewProduct> = {}): NewProduct {
  return { sku: 'MUG-1', name: 'Enamel mug', price: 850, taxRateBps: 2000, ...over };
}

function rows(t: TestCore, sql: string, ...args: unknown[]) {
  return t
    .raw()
    .prepare(sql)
    .all(...args) as Record<string, unknown>[];
}

describe('products', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  it('creates, gets, updates with an audited diff, and stores the SKU upper-case and the name folded', async () => {
    const p = await t.must('products:create', product({ sku: ' mug-1 ', name: 'Crème Brûlée' }));
    expect(p).toMatchObject({
      sku: 'MUG-1',
      barcode: null,
      name: 'Crème Brûlée',
      price: 850,
      taxRateBps: 2000,
      kind: 'stock',
      active: true,
      archived: false,
      createdAt: '2026-11-23T09:00:00.000Z',
    });
    expect(rows(t, 'SELECT search_name FROM products WHERE id = ?', p.id)).toEqual([
      { search_name: 'creme brulee' },
    ]);
    expect(await t.must('products:get', { id: p.id })).toEqual(p);

    t.clock.advanceMinutes(2);
    const u = await t.must('products:update', {
      id: p.id,
      ...product({ name: 'Crème Brûlée', price: 875, barcode: '5012345678900' }),
    });
    expect(u).toMatchObject({
      price: 875,
      barcode: '5012345678900',
      updatedAt: '2026-11-23T09:02:00.000Z',
    });
    expect(u.createdAt).toBe(p.createdAt);
    expect(auditCount(t, 'product.create')).toBe(1);
    const detail = rows(t, "SELECT detail FROM audit_events WHERE action = 'product.update'");
    expect(detail).toHaveLength(1);
    expect(String(detail[0]!.detail)).toContain('price 850 -> 875');
    expect(String(detail[0]!.detail)).toContain('barcode null -> "5012345678900"');
    expect(String(detail[0]!.detail)).not.toContain('name');

    expect(resultCode(await t.call('products:get', { id: 999 }))).toBe('NOT_FOUND');
    expect(resultCode(await t.call('products:update', { id: 999, ...product() }))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses a taken SKU or barcode with field issues and changes nothing', async () => {
    await t.must('products:create', product({ barcode: '111' }));
    const other = await t.must('products:create', product({ sku: 'MUG-2', barcode: '222' }));
    const auditsBefore = rows(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n;

    const dupSku = await t.call('products:create', product({ sku: 'mug-1', barcode: '333' }));
    expect(dupSku.ok).toBe(false);
    if (!dupSku.ok) {
      expect(dupSku.error.code).toBe('CONFLICT');
      expect(dupSku.error.issues).toEqual([{ path: 'sku', message: expect.any(String) }]);
    }
    const dupBoth = await t.call('products:update', {
      id: other.id,
      ...product({ sku: 'MUG-1', barcode: '111', price: 1 }),
    });
    expect(dupBoth.ok).toBe(false);
    if (!dupBoth.ok)
      expect(dupBoth.error.issues?.map((i) => i.path).sort()).toEqual(['barcode', 'sku']);

    expect(rows(t, 'SELECT sku, barcode, price FROM products ORDER BY id')).toEqual([
      { sku: 'MUG-1', barcode: '111', price: 850 },
      { sku: 'MUG-2', barcode: '222', price: 850 },
    ]);
    expect(rows(t, 'SELECT COUNT(*) AS n FROM audit_events')[0]!.n).toBe(auditsBefore);

    // Keeping its own SKU and barcode is not a conflict.
    await t.must('products:update', { id: other.id, ...product({ sku: 'MUG-2', barcode: '222' }) });
  });

  it('deletes a product never sold, archives one that was sold, and restores it inactive', async () => {
    const unsold = await t.must('products:create', product({ sku: 'A' }));
    const sold = await t.must('products:create', product({ sku: 'B', price: 500 }));
    await t.must('sales:checkout', {
      id: randomUUID(),
      lines: [{ productId: sold.id, quantity: 1 }],
      tenders: [{ type: 'cash', amount: 1000 }],
    });

    const del = await t.must('products:remove', { id: unsold.id });
    expect(del.outcome).toBe('deleted');
    expect(rows(t, 'SELECT id FROM products WHERE id = ?', unsold.id)).toEqual([]);

    const arch = await t.must('products:remove', { id: sold.id });
    expect(arch.outcome).toBe('archived');
    expect(arch.product).toMatchObject({ active: false, archived: true });
    expect(rows(t, 'SELECT active, archived_at FROM products WHERE id = ?', sold.id)).toEqual([
      { active: 0, archived_at: '2026-11-23T09:00:00.000Z' },
    ]);
    expect((await t.must('products:list', {})).items).toEqual([]);
    expect((await t.must('products:list', { status: 'archived' })).items.map((p) => p.id)).toEqual([
      sold.id,
    ]);
    expect(auditCount(t, 'product.delete')).toBe(1);
    expect(auditCount(t, 'product.archive')).toBe(1);

    const restored = await t.must('products:restore', { id: sold.id });
    expect(restored).toMatchObject({ archived: false, active: false });
    expect((await t.must('products:list', { status: 'all' })).items.map((p) => p.id)).toEqual([
      sold.id,
    ]);
    expect((await t.must('products:list', {})).total).toBe(0);
    expect(auditCount(t, 'product.restore')).toBe(1);
    expect(resultCode(await t.call('products:restore', { id: sold.id }))).toBe('CONFLICT');
    expect(resultCode(await t.call('products:remove', { id: unsold.id }))).toBe('NOT_FOUND');
  });

  it('ranks search: exact code, then SKU prefix, then name prefix, then name substring; counts the total', async () => {
    await t.must('products:create', product({ sku: 'X1', name: 'Teapot with tea cosy' })); // substring
    await t.must('products:create', product({ sku: 'X2', name: 'Tea towel' })); // name prefix
    await t.must('products:create', product({ sku: 'TEA-9', name: 'Biscuits' })); // SKU prefix
    await t.must('products:create', product({ sku: 'TEA', name: 'Zzz last by name' })); // exact SKU
    await t.must('products:create', product({ sku: 'X3', name: 'Coffee' })); // no match
    const r = await t.must('products:list', { search: 'tea' });
    expect(r.items.map((p) => p.sku)).toEqual(['TEA', 'TEA-9', 'X2', 'X1']);
    expect(r.total).toBe(4);

    const page = await t.must('products:list', { search: 'tea', limit: 2, offset: 2 });
    expect(page.items.map((p) => p.sku)).toEqual(['X2', 'X1']);
    expect(page.total).toBe(4);

    const all = await t.must('products:list', { limit: 2 });
    expect(all.items.map((p) => p.name)).toEqual(['Biscuits', 'Coffee']);
    expect(all.total).toBe(5);
  });

  it('finds by barcode prefix, by folded accents, and treats % and _ literally', async () => {
    await t.must(
      'products:create',
      product({ sku: 'C1', name: 'Crème fraîche', barcode: '4006381333931' }),
    );
    await t.must('products:create', product({ sku: 'C2', name: '100% cotton bag' }));
    await t.must('products:create', product({ sku: 'C3', name: '1000 cotton buds' }));
    expect((await t.must('products:list', { search: 'CREME' })).items.map((p) => p.sku)).toEqual([
      'C1',
    ]);
    expect((await t.must('products:list', { search: '400638' })).items.map((p) => p.sku)).toEqual([
      'C1',
    ]);
    expect((await t.must('products:list', { search: '100%' })).items.map((p) => p.sku)).toEqual([
      'C2',
    ]);
    expect((await t.must('products:list', { search: 'c_' })).items).toEqual([]);
  });

  it('looks up the sellable product by barcode, else by SKU; never an inactive or archived one', async () => {
    const byCode = await t.must(
      'products:create',
      product({ sku: 'P1', barcode: '5000000000017' }),
    );
    const bySku = await t.must('products:create', product({ sku: 'LOOSE-APPLE' }));
    await t.must('products:create', product({ sku: 'OFF', barcode: '999', active: false }));
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    const look = (code: string) => t.must('products:lookup', { code }, 2);

    expect((await look('5000000000017')).product?.id).toBe(byCode.id);
    expect((await look('loose-apple')).product?.id).toBe(bySku.id);
    expect((await look('500000000001')).product).toBeNull();
    expect((await look('999')).product).toBeNull();
    expect((await look('OFF')).product).toBeNull();

    // A cashier may look up but not manage products.
    expect(resultCode(await t.call('products:create', product({ sku: 'NOPE' }), 2))).toBe(
      'FORBIDDEN',
    );

    await t.must('products:remove', { id: byCode.id });
    expect((await look('5000000000017')).product).toBeNull();
  });

  it('takes SKUs in any script (ÆØÅ-1, NFC) and generates a blank one, never a taken one', async () => {
    const fjord = await t.must('products:create', product({ sku: 'æøå-1', name: 'Fjord soap' }));
    expect(fjord.sku).toBe('ÆØÅ-1');
    expect((await t.must('products:list', { search: 'æøå' })).items.map((p) => p.sku)).toEqual([
      'ÆØÅ-1',
    ]);
    // The same SKU typed decomposed (A + ring) is the same code.
    const again = await t.call('products:create', product({ sku: 'ÆØA\u030a-1', name: 'Twin' }));
    expect(resultCode(again)).toBe('CONFLICT');
    expect(resultCode(await t.call('products:create', product({ sku: 'A\tB' })))).toBe(
      'VALIDATION_FAILED',
    );
    // "P-00002" is taken by hand, so the generator moves on to the next free number.
    await t.must('products:create', product({ sku: 'P-00003', name: 'Manual code' }));
    const made: string[] = [];
    for (const sku of ['', null, undefined] as const) {
      const input = { ...product({ name: `Blank ${made.length}` }), sku };
      if (sku === undefined) delete (input as { sku?: unknown }).sku;
      made.push((await t.must('products:create', input as NewProduct)).sku);
    }
    expect(made).toEqual(['P-00004', 'P-00005', 'P-00006']);
    expect(
      resultCode(await t.call('products:update', { id: fjord.id, ...product({ sku: '' }) })),
    ).toBe('VALIDATION_FAILED');
  });
});
