/**
 * Product categories (issue 11, section 1) on a real SQLite file through the router: the tree
 * and its counts, the depth limit, cycles, sibling names, archive rules, the product filter and
 * permissions. Every refusal changes nothing.
 */
import fc from 'fast-check';
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
import { importFile } from '../helpers/import-file';

type NewProduct = Omit<ChannelInput<'products:update'>, 'id'>;
const product = (sku: string, over: Partial<NewProduct> = {}): NewProduct => ({
  sku,
  name: `Product ${sku}`,
  price: 250,
  taxRateBps: 2000,
  ...over,
});

/** Every row of the tables a category call may change, to prove a refusal changed nothing. */
function snapshot(t: TestCore, withAudit = true): string {
  const db = t.raw();
  return JSON.stringify([
    db.prepare('SELECT * FROM categories ORDER BY id').all(),
    db.prepare('SELECT id, category_id, updated_at FROM products ORDER BY id').all(),
    withAudit ? db.prepare('SELECT COUNT(*) AS n FROM audit_events').get() : null,
  ]);
}

describe('categories', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  const create = (name: string, parentId: number | null = null) =>
    t.must('categories:create', { name, parentId });

  it('lists the tree depth first with paths, levels and product counts, and audits each change', async () => {
    const drinks = await create('Drinks');
    const hot = await create('Hot drinks', drinks.id);
    const tea = await create('Tea', hot.id);
    const bakery = await create('Bakery');
    const cold = await create('cold drinks', drinks.id);
    await t.must('products:create', product('T-1', { categoryId: tea.id }));
    await t.must('products:create', product('T-2', { categoryId: tea.id }));
    await t.must('products:create', product('D-1', { categoryId: drinks.id }));
    await t.must('products:create', product('N-1'));
    expect(tea).toMatchObject({
      depth: 3,
      path: ['Drinks', 'Hot drinks', 'Tea'],
      parentId: hot.id,
    });

    const { items } = await t.must('categories:list', {});
    expect(
      items.map((c) => [c.path.join(' > '), c.depth, c.productCount, c.totalProductCount]),
    ).toEqual([
      ['Bakery', 1, 0, 0],
      ['Drinks', 1, 1, 3],
      ['Drinks > cold drinks', 2, 0, 0],
      ['Drinks > Hot drinks', 2, 0, 2],
      ['Drinks > Hot drinks > Tea', 3, 2, 2],
    ]);
    expect(cold.depth).toBe(2);
    expect(bakery.parentId).toBeNull();
    expect(auditCount(t, 'category.create', 'success')).toBe(5);
  });

  it('refuses a 4th level, a cycle and a move that would push a sub-category to level 4, changing nothing', async () => {
    const a = await create('A');
    const b = await create('B', a.id);
    const c = await create('C', b.id);
    const x = await create('X');
    const y = await create('Y', x.id);
    const before = snapshot(t);

    expect(resultCode(await t.call('categories:create', { name: 'D', parentId: c.id }))).toBe(
      'CATEGORY_TOO_DEEP',
    );
    // A moved under itself or under its own grandchild: a cycle.
    for (const parentId of [a.id, c.id])
      expect(resultCode(await t.call('categories:update', { id: a.id, name: 'A', parentId }))).toBe(
        'CATEGORY_CYCLE',
      );
    // X (2 levels tall) under B (level 2) would put Y on level 4.
    expect(
      resultCode(await t.call('categories:update', { id: x.id, name: 'X', parentId: b.id })),
    ).toBe('CATEGORY_TOO_DEEP');
    expect(snapshot(t)).toBe(before);

    // X under A is fine: X on level 2, Y on level 3.
    const moved = await t.must('categories:update', { id: x.id, name: 'X', parentId: a.id });
    expect(moved.path).toEqual(['A', 'X']);
    const list = (await t.must('categories:list', {})).items;
    expect(list.find((i) => i.id === y.id)).toMatchObject({ depth: 3, path: ['A', 'X', 'Y'] });
    expect(auditCount(t, 'category.update', 'success')).toBe(1);
  });

  it('keeps names unique among live siblings whatever their case, but allows them elsewhere', async () => {
    const drinks = await create('Getränke');
    await create('Tee', drinks.id);
    const other = await create('Sale');
    const before = snapshot(t);
    for (const [name, parentId] of [
      ['GETRÄNKE', null],
      ['  getränke ', null],
      ['tee', drinks.id],
    ] as const) {
      const r = await t.call('categories:create', { name, parentId });
      expect(resultCode(r)).toBe('CONFLICT');
      expect(r.ok ? null : r.error.issues?.[0]?.path).toBe('name');
    }
    // Renaming or moving onto a sibling's name is refused too.
    expect(
      resultCode(
        await t.call('categories:update', { id: other.id, name: 'getränke', parentId: null }),
      ),
    ).toBe('CONFLICT');
    expect(snapshot(t)).toBe(before);
    // The same name under another parent, and a change of case of itself, are fine.
    await create('Tee', other.id);
    const renamed = await t.must('categories:update', {
      id: drinks.id,
      name: 'GETRÄNKE',
      parentId: null,
    });
    expect(renamed.name).toBe('GETRÄNKE');
  });

  it('refuses bad input with VALIDATION_FAILED and unknown or archived parents with NOT_FOUND', async () => {
    const gone = await create('Gone');
    await t.must('categories:archive', { id: gone.id });
    // Invalid input is audited as ipc.validation_failed; nothing else is written.
    const before = snapshot(t, false);
    for (const name of ['', '   ', 'A > B', 'x'.repeat(61), 'tab\there', 'bidi\u202eevil'])
      expect(resultCode(await t.call('categories:create', { name }))).toBe('VALIDATION_FAILED');
    expect(resultCode(await t.call('categories:create', { name: 'Ok', parentId: 0 }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(resultCode(await t.call('categories:create', { name: 'Ok', parentId: 999 }))).toBe(
      'NOT_FOUND',
    );
    expect(resultCode(await t.call('categories:create', { name: 'Ok', parentId: gone.id }))).toBe(
      'NOT_FOUND',
    );
    expect(resultCode(await t.call('categories:update', { id: gone.id, name: 'Back' }))).toBe(
      'NOT_FOUND',
    );
    expect(resultCode(await t.call('categories:archive', { id: gone.id }))).toBe('NOT_FOUND');
    expect(
      resultCode(await t.call('products:create', product('P-X', { categoryId: gone.id }))),
    ).toBe('NOT_FOUND');
    expect(snapshot(t, false)).toBe(before);
  });

  it('archives a leaf, moving its products to no category; refuses one with live sub-categories', async () => {
    const drinks = await create('Drinks');
    const hot = await create('Hot drinks', drinks.id);
    const p1 = await t.must('products:create', product('H-1', { categoryId: hot.id }));
    await t.must('products:create', product('H-2', { categoryId: hot.id }));
    const before = snapshot(t);
    expect(resultCode(await t.call('categories:archive', { id: drinks.id }))).toBe(
      'CATEGORY_IN_USE',
    );
    expect(snapshot(t)).toBe(before);

    t.clock.advanceMinutes(1);
    const out = await t.must('categories:archive', { id: hot.id });
    expect(out).toMatchObject({
      productsMoved: 2,
      category: { archived: true, path: ['Drinks', 'Hot drinks'] },
    });
    expect((await t.must('products:get', { id: p1.id })).categoryId).toBeNull();
    expect((await t.must('categories:list', {})).items.map((c) => c.name)).toEqual(['Drinks']);
    expect(
      (await t.must('categories:list', { includeArchived: true })).items.map((c) => c.name),
    ).toEqual(['Drinks', 'Hot drinks']);
    // The row is kept (reports group by it); a new live sibling may take its name.
    await create('Hot drinks', drinks.id);
    expect(auditCount(t, 'category.archive', 'success')).toBe(1);
  });

  it('filters products by a category with its sub-categories, or by none, and keeps categoryId on update', async () => {
    const drinks = await create('Drinks');
    const hot = await create('Hot', drinks.id);
    const food = await create('Food');
    const tea = await t.must('products:create', product('TEA', { categoryId: hot.id }));
    await t.must('products:create', product('COLA', { categoryId: drinks.id }));
    await t.must('products:create', product('BUN', { categoryId: food.id }));
    await t.must('products:create', product('BAG'));
    const skus = async (categoryId: number | null) =>
      (await t.must('products:list', { categoryId, status: 'all' })).items.map((p) => p.sku).sort();
    expect(await skus(drinks.id)).toEqual(['COLA', 'TEA']);
    expect(await skus(hot.id)).toEqual(['TEA']);
    expect(await skus(null)).toEqual(['BAG']);
    expect((await t.must('products:list', { categoryId: drinks.id, search: 'tea' })).total).toBe(1);

    const moved = await t.must('products:update', {
      id: tea.id,
      ...product('TEA', { categoryId: food.id }),
    });
    expect(moved.categoryId).toBe(food.id);
    expect(await skus(food.id)).toEqual(['BUN', 'TEA']);
    const detail = t
      .raw()
      .prepare("SELECT detail FROM audit_events WHERE action = 'product.update' ORDER BY id DESC")
      .get() as { detail: string };
    expect(detail.detail).toBe(`categoryId ${hot.id} -> ${food.id}`);
  });

  it('lets any member read the tree but only products.manage change it (refusals audited, nothing changed)', async () => {
    const drinks = await create('Drinks');
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    expect((await t.must('categories:list', {}, 2)).items).toHaveLength(1);
    const before = JSON.stringify(t.raw().prepare('SELECT * FROM categories').all());
    const denied = auditCount(t, 'authz.denied');
    for (const r of [
      await t.call('categories:create', { name: 'Nope' }, 2),
      await t.call('categories:update', { id: drinks.id, name: 'Nope' }, 2),
      await t.call('categories:archive', { id: drinks.id }, 2),
    ])
      expect(resultCode(r)).toBe('FORBIDDEN');
    expect(auditCount(t, 'authz.denied')).toBe(denied + 3);
    expect(JSON.stringify(t.raw().prepare('SELECT * FROM categories').all())).toBe(before);
    // Signed out: not even the list.
    await t.must('auth:logout', {}, 2);
    expect(resultCode(await t.call('categories:list', {}, 2))).toBe('UNAUTHENTICATED');
  });

  it('the product CSV import reads a category path, creating missing levels; bad paths are row errors', async () => {
    const drinks = await create('Drinks');
    const csv = [
      'sku,name,price,category',
      'A-1,Tea,2.50,drinks > Hot drinks', // 2: existing Drinks (any case), new Hot drinks
      'A-2,Coffee,2.80,Drinks>hot DRINKS>Coffee', // 3: new Coffee under the Hot drinks of line 2
      'A-3,Bag,0.10,', // 4: no category
      'A-4,Deep,1,A > B > C > D', // 5: 4 levels
      'A-5,Gap,1,Drinks >  > Tea', // 6: an empty level
      'A-6,Long,1,' + 'x'.repeat(61), // 7: a name too long
    ].join('\n');
    const before = snapshot(t);
    const dry = await t.must('products:import', { ...importFile(csv), commit: false });
    expect(dry).toMatchObject({ rows: 6, accepted: 3, created: 0, rejectedCount: 3 });
    expect(dry.rejected).toEqual([
      { line: 5, reason: 'category: has 4 levels; categories go at most 3 deep' },
      { line: 6, reason: 'category: level 2 is empty' },
      { line: 7, reason: expect.stringMatching(/^category: level 1 "x+": At most 60 characters$/) },
    ]);
    expect(snapshot(t)).toBe(before);

    const done = await t.must('products:import', { ...importFile(csv), commit: true });
    expect(done).toMatchObject({ created: 3, rejectedCount: 3 });
    const tree = (await t.must('categories:list', {})).items;
    expect(tree.map((c) => [c.path.join(' > '), c.productCount])).toEqual([
      ['Drinks', 0],
      ['Drinks > Hot drinks', 1],
      ['Drinks > Hot drinks > Coffee', 1],
    ]);
    expect(tree[0]!.id).toBe(drinks.id);
    const bag = (await t.must('products:list', { search: 'A-3' })).items[0]!;
    expect(bag.categoryId).toBeNull();
  });

  it('ten concurrent creates under one parent: five names win, their five duplicates get CONFLICT', async () => {
    const root = await create('Root');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.call('categories:create', { name: `Child ${i % 5}`, parentId: root.id }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => resultCode(r) === 'CONFLICT')).toHaveLength(5);
    expect((await t.must('categories:list', {})).items).toHaveLength(6);
  });

  it('keeps the tree sound after any sequence of creates, moves, renames and archives', async () => {
    const names = ['Drinks', 'drinks', 'Tea', 'Food', 'Bakery'];
    const pick = fc.option(fc.nat(12), { nil: null });
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create'), name: fc.constantFrom(...names), parent: pick }),
      fc.record({
        kind: fc.constant('update'),
        target: fc.nat(12),
        name: fc.constantFrom(...names),
        parent: pick,
      }),
      fc.record({ kind: fc.constant('archive'), target: fc.nat(12) }),
      fc.record({ kind: fc.constant('file'), target: fc.nat(12) }),
    );
    const db = t.raw();
    const ids = () =>
      (db.prepare('SELECT id FROM categories ORDER BY id').all() as { id: number }[]).map(
        (r) => r.id,
      );
    const at = (i: number | null) =>
      i === null ? null : (ids()[i % Math.max(1, ids().length)] ?? 999);
    let sku = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const r =
            o.kind === 'create'
              ? await t.call('categories:create', { name: o.name, parentId: at(o.parent) })
              : o.kind === 'update'
                ? await t.call('categories:update', {
                    id: at(o.target)!,
                    name: o.name,
                    parentId: at(o.parent),
                  })
                : o.kind === 'archive'
                  ? await t.call('categories:archive', { id: at(o.target)! })
                  : await t.call(
                      'products:create',
                      product(`F-${++sku}`, { categoryId: at(o.target) }),
                    );
          expect([
            'ok',
            'CONFLICT',
            'NOT_FOUND',
            'CATEGORY_TOO_DEEP',
            'CATEGORY_CYCLE',
            'CATEGORY_IN_USE',
          ]).toContain(resultCode(r));
        }
        const rows = db
          .prepare('SELECT id, name, parent_id, archived_at FROM categories')
          .all() as {
          id: number;
          name: string;
          parent_id: number | null;
          archived_at: string | null;
        }[];
        const byId = new Map(rows.map((r) => [r.id, r]));
        const live = rows.filter((r) => r.archived_at === null);
        for (const r of live) {
          // At most 3 levels and no cycle: the walk up ends within 3 steps, through live parents.
          let depth = 1;
          for (let p = r.parent_id; p !== null; p = byId.get(p)!.parent_id) {
            expect(byId.get(p)!.archived_at).toBeNull();
            expect(++depth).toBeLessThanOrEqual(3);
          }
        }
        const keys = live.map((r) => `${r.parent_id ?? 0}/${r.name.toLowerCase()}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(
          db
            .prepare(
              'SELECT COUNT(*) AS n FROM products p JOIN categories c ON c.id = p.category_id WHERE c.archived_at IS NOT NULL',
            )
            .get(),
        ).toEqual({ n: 0 });
      }),
      { numRuns: 25 },
    );
  });
});
