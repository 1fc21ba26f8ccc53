/**
 * Products: search, scanner lookup, create/update, remove (delete if never sold, else archive),
 * restore, and CSV import. Every write is audited (L1) and runs through the write queue.
 * See shared/contract/products.ts for shapes and error codes. Prices are minor units of the store
 * currency (M1), tax rates basis points, times UTC ISO-8601.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { ProductKind, ProductView } from '../../../shared/contract/products';
import { AppError, type ValidationIssue } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import { importProducts } from '../csv/product-import';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { escapeLike, foldForSearch } from '../search/normalize';
import type { SettingsService } from '../settings/settings-service';
import type { ImportJob } from '../imports/import-jobs';
import type { Clock } from '../types';
import { liveCategory, loadCategoryTree } from '../categories/category-service';
import { ProductEntity } from './product.entity';
import { productSearchName } from './search-name';

/** A product's fields with its SKU known (update, or create once a blank SKU is generated). */
type Fields = Omit<ChannelParsedInput<'products:update'>, 'id'>;

/** A products row as raw SQL returns it (booleans are 0/1 on SQLite). */
interface ProductRow {
  id: number;
  sku: string;
  barcode: string | null;
  name: string;
  price: number | string;
  tax_rate_bps: number | string;
  kind: ProductKind;
  active: boolean | number;
  open_price: boolean | number;
  category_id: number | string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'p.id, p.sku, p.barcode, p.name, p.price, p.tax_rate_bps, p.kind, p.active, p.open_price, p.category_id, p.archived_at, p.created_at, p.updated_at';

function rowView(r: ProductRow): ProductView {
  return {
    id: Number(r.id),
    sku: r.sku,
    barcode: r.barcode,
    name: r.name,
    price: Number(r.price),
    taxRateBps: Number(r.tax_rate_bps),
    kind: r.kind,
    active: Boolean(r.active),
    openPrice: Boolean(r.open_price),
    categoryId: r.category_id === null ? null : Number(r.category_id),
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The view of a product entity. */
export function toProductView(p: ProductEntity): ProductView {
  return {
    id: p.id,
    sku: p.sku,
    barcode: p.barcode,
    name: p.name,
    price: Number(p.price),
    taxRateBps: Number(p.taxRateBps),
    kind: p.kind,
    active: Boolean(p.active),
    openPrice: Boolean(p.openPrice),
    categoryId: p.categoryId === null ? null : Number(p.categoryId),
    archived: p.archivedAt !== null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const TAKEN = {
  sku: 'This SKU is already used by another product.',
  barcode: 'This barcode is already used by another product.',
};

export class ProductService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /**
   * One page of products. A search matches the SKU by prefix (case-insensitive, SKUs are
   * upper-case), the barcode exactly or by prefix, or any part of the folded name; results are
   * ranked exact barcode/SKU, then SKU/barcode prefix, then name prefix, then the rest, each by
   * name. `total` counts every match.
   */
  async list(input: ChannelParsedInput<'products:list'>): Promise<ChannelOutput<'products:list'>> {
    const where: string[] = [
      input.status === 'sellable'
        ? 'p.active = TRUE AND p.archived_at IS NULL'
        : input.status === 'all'
          ? 'p.archived_at IS NULL'
          : 'p.archived_at IS NOT NULL',
    ];
    const whereParams: unknown[] = [];
    if (input.categoryId === null) where.push('p.category_id IS NULL');
    else if (input.categoryId !== undefined) {
      // The category and its sub-categories (at most 3 levels: a short recursive walk).
      where.push(`p.category_id IN (WITH RECURSIVE sub(id) AS (
          SELECT id FROM categories WHERE id = ?
          UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
        SELECT id FROM sub)`);
      whereParams.push(input.categoryId);
    }
    let rank = '';
    const rankParams: unknown[] = [];
    const search = input.search;
    if (search) {
      const code = search;
      const sku = search.normalize('NFC').toUpperCase();
      const name = foldForSearch(search);
      const codePrefix = `${escapeLike(code)}%`;
      const skuPrefix = `${escapeLike(sku)}%`;
      where.push(
        `(p.sku LIKE ? ESCAPE '\\' OR p.barcode LIKE ? ESCAPE '\\' OR p.search_name LIKE ? ESCAPE '\\')`,
      );
      whereParams.push(skuPrefix, codePrefix, `%${escapeLike(name)}%`);
      rank = `CASE WHEN p.barcode = ? OR p.sku = ? THEN 0
        WHEN p.sku LIKE ? ESCAPE '\\' OR p.barcode LIKE ? ESCAPE '\\' THEN 1
        WHEN p.search_name LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END`;
      rankParams.push(code, sku, skuPrefix, codePrefix, `${escapeLike(name)}%`);
    }
    const em = this.db.manager;
    const whereSql = where.join(' AND ');
    const rows = await run<ProductRow>(
      em,
      `SELECT ${COLUMNS}${rank ? `, ${rank} AS rank` : ''} FROM products p WHERE ${whereSql}
        ORDER BY ${rank ? 'rank, ' : ''}p.search_name, p.id LIMIT ? OFFSET ?`,
      [...rankParams, ...whereParams, input.limit, input.offset],
    );
    const count = await run<{ n: number | string }>(
      em,
      `SELECT COUNT(*) AS n FROM products p WHERE ${whereSql}`,
      whereParams,
    );
    return { items: rows.map(rowView), total: Number(count[0]?.n ?? 0) };
  }

  /**
   * The scanner's lookup: the sellable (active, not archived) product whose barcode equals `code`,
   * else whose SKU equals `code` upper-cased; `{ product: null }` when there is none.
   */
  async lookup(code: string): Promise<ChannelOutput<'products:lookup'>> {
    const em = this.db.manager;
    const sellable = 'p.active = TRUE AND p.archived_at IS NULL';
    const byBarcode = await run<ProductRow>(
      em,
      `SELECT ${COLUMNS} FROM products p WHERE p.barcode = ? AND ${sellable}`,
      [code],
    );
    if (byBarcode[0]) return { product: rowView(byBarcode[0]) };
    const bySku = await run<ProductRow>(
      em,
      `SELECT ${COLUMNS} FROM products p WHERE p.sku = ? AND ${sellable}`,
      [code.toUpperCase()],
    );
    return { product: bySku[0] ? rowView(bySku[0]) : null };
  }

  /** One product, archived or not. Errors: NOT_FOUND. */
  async get(id: number): Promise<ChannelOutput<'products:get'>> {
    return toProductView(await this.find(this.db.manager, id));
  }

  private async find(em: EntityManager, id: number): Promise<ProductEntity> {
    const p = await em.getRepository(ProductEntity).findOneBy({ id });
    if (!p) throw new AppError('NOT_FOUND', 'That product does not exist.');
    return p;
  }

  /** CONFLICT, naming the field(s), when another product has this SKU or barcode. */
  private async assertUnique(
    em: EntityManager,
    f: { sku: string; barcode: string | null },
    exceptId?: number,
  ): Promise<void> {
    const issues: ValidationIssue[] = [];
    const hits = await run<{ id: number; sku: string; barcode: string | null }>(
      em,
      'SELECT id, sku, barcode FROM products WHERE sku = ? OR barcode = ?',
      [f.sku, f.barcode],
    );
    const others = hits.filter((h) => Number(h.id) !== exceptId);
    if (others.some((h) => h.sku === f.sku)) issues.push({ path: 'sku', message: TAKEN.sku });
    if (f.barcode !== null && others.some((h) => h.barcode === f.barcode))
      issues.push({ path: 'barcode', message: TAKEN.barcode });
    if (issues.length > 0)
      throw new AppError('CONFLICT', issues.map((i) => i.message).join(' '), issues);
  }

  private actor(actor: Session, id: number | null) {
    return {
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'product' as const,
      targetId: id,
    };
  }

  private columns(f: Fields) {
    return {
      sku: f.sku,
      barcode: f.barcode,
      name: f.name,
      searchName: productSearchName(f.name),
      price: f.price,
      taxRateBps: f.taxRateBps,
      kind: f.kind,
      active: f.active,
      openPrice: f.openPrice,
      categoryId: f.categoryId,
    };
  }

  /** NOT_FOUND (on `categoryId`) unless the category is live; nothing to check for none. */
  private async assertCategory(em: EntityManager, categoryId: number | null): Promise<void> {
    if (categoryId !== null) liveCategory(await loadCategoryTree(em), categoryId, 'categoryId');
  }

  /**
   * The SKU for a product created without one: "P-" and the product's expected id, padded to five
   * digits ("P-00042"), or the next number that no product uses. Called inside the write
   * transaction, so two tills never get the same one.
   */
  private async generatedSku(em: EntityManager): Promise<string> {
    const [next] = await run<{ n: number | string }>(
      em,
      'SELECT COALESCE(MAX(id), 0) + 1 AS n FROM products',
    );
    for (let k = Number(next?.n ?? 1); ; k++) {
      const sku = `P-${String(k).padStart(5, '0')}`;
      if ((await run(em, 'SELECT 1 AS x FROM products WHERE sku = ?', [sku])).length === 0)
        return sku;
    }
  }

  /**
   * Creates a product (audited `product.create`); a null SKU is generated (`generatedSku`).
   * Errors: CONFLICT (issues on `sku`/`barcode`; nothing written).
   */
  async create(
    actor: Session,
    fields: ChannelParsedInput<'products:create'>,
  ): Promise<ChannelOutput<'products:create'>> {
    return this.db.write(async (em) => {
      const input: Fields = { ...fields, sku: fields.sku ?? (await this.generatedSku(em)) };
      await this.assertUnique(em, input);
      await this.assertCategory(em, input.categoryId);
      const now = this.now();
      const repo = em.getRepository(ProductEntity);
      const saved = await repo.save(
        repo.create({ ...this.columns(input), archivedAt: null, createdAt: now, updatedAt: now }),
      );
      await this.audit.record(em, {
        ...this.actor(actor, saved.id),
        action: 'product.create',
        outcome: 'success',
        detail: `${saved.sku} ${saved.name}, price ${saved.price}${saved.openPrice ? ' (open price)' : ''}, tax ${saved.taxRateBps} bps`,
      });
      return toProductView(await this.find(em, saved.id));
    });
  }

  /**
   * Replaces a product's fields (audited `product.update`, with what changed, e.g.
   * `price 250 -> 275`). Past sale lines keep their own copies. Errors: NOT_FOUND, CONFLICT.
   */
  async update(
    actor: Session,
    input: ChannelParsedInput<'products:update'>,
  ): Promise<ChannelOutput<'products:update'>> {
    const { id, ...fields } = input;
    return this.db.write(async (em) => {
      const before = await this.find(em, id);
      await this.assertUnique(em, fields, id);
      if (fields.categoryId !== before.categoryId) await this.assertCategory(em, fields.categoryId);
      const next = this.columns(fields);
      const changes = (
        [
          'sku',
          'barcode',
          'name',
          'price',
          'taxRateBps',
          'kind',
          'active',
          'openPrice',
          'categoryId',
        ] as const
      )
        .filter(
          (k) => (k === 'active' || k === 'openPrice' ? Boolean(before[k]) : before[k]) !== next[k],
        )
        .map((k) => `${k} ${show(before[k])} -> ${show(next[k])}`);
      await em.getRepository(ProductEntity).update(id, { ...next, updatedAt: this.now() });
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'product.update',
        outcome: 'success',
        detail: changes.length ? changes.join('; ') : 'no changes',
      });
      return toProductView(await this.find(em, id));
    });
  }

  /**
   * Deletes a product no sale line or stock movement references (`deleted`, audited
   * `product.delete`); otherwise
   * deactivates and archives it (`archived`, audited `product.archive`). Errors: NOT_FOUND.
   */
  async remove(actor: Session, id: number): Promise<ChannelOutput<'products:remove'>> {
    return this.db.write(async (em) => {
      const p = await this.find(em, id);
      // A product with stock movements (issue 11, section 2) keeps its ledger: archived too.
      const sold = await run(
        em,
        `SELECT 1 AS x FROM sale_lines WHERE product_id = ?
         UNION ALL SELECT 1 AS x FROM stock_movements WHERE product_id = ? LIMIT 1`,
        [id, id],
      );
      if (sold.length === 0) {
        await em.getRepository(ProductEntity).delete(id);
        await this.audit.record(em, {
          ...this.actor(actor, id),
          action: 'product.delete',
          outcome: 'success',
          detail: `deleted ${p.sku} ${p.name}`,
        });
        return { outcome: 'deleted' as const, product: toProductView(p) };
      }
      const now = this.now();
      await em
        .getRepository(ProductEntity)
        .update(id, { active: false, archivedAt: p.archivedAt ?? now, updatedAt: now });
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'product.archive',
        outcome: 'success',
        detail: `${p.sku} has sales: archived instead of deleted`,
      });
      return { outcome: 'archived' as const, product: toProductView(await this.find(em, id)) };
    });
  }

  /**
   * Brings an archived product back to the lists; it stays inactive until edited (audited
   * `product.restore`). Errors: NOT_FOUND, CONFLICT when it is not archived.
   */
  async restore(actor: Session, id: number): Promise<ChannelOutput<'products:restore'>> {
    return this.db.write(async (em) => {
      const p = await this.find(em, id);
      if (p.archivedAt === null) throw new AppError('CONFLICT', `${p.name} is not archived.`);
      await em.getRepository(ProductEntity).update(id, { archivedAt: null, updatedAt: this.now() });
      await this.audit.record(em, {
        ...this.actor(actor, id),
        action: 'product.restore',
        outcome: 'success',
        detail: p.sku,
      });
      return toProductView(await this.find(em, id));
    });
  }

  /**
   * Imports products from CSV as `job` (needs data.import, F3): see ../csv/product-import.ts.
   * Errors: IMPORT_TOO_LARGE, IMPORT_TOO_MANY_ROWS, IMPORT_ENCODING, IMPORT_REJECTED.
   */
  importCsv(
    actor: Session,
    input: ChannelParsedInput<'products:import'>,
    job: ImportJob,
  ): Promise<ChannelOutput<'products:import'>> {
    const deps = { db: this.db, audit: this.audit, clock: this.clock };
    return importProducts(
      {
        ...deps,
        currency: this.settings.currency(),
        defaultTaxRateBps: this.settings.defaultTaxRateBps(),
      },
      actor,
      input,
      job,
    );
  }
}

function show(v: string | number | boolean | null): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
