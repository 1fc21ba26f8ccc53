/**
 * Product categories (issue 11, section 1): list the tree, create, rename/move and archive. The
 * depth limit (3 levels), cycles and sibling names are checked here, inside the write
 * transaction, so two tills cannot both pass the check; the partial unique index
 * UQ_categories_sibling_name backs the name rule. Every change is audited (L1). See
 * shared/contract/categories.ts for shapes and error codes.
 */
import type { AuditAction } from '../../../shared/contract/audit';
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { CATEGORY_MAX_DEPTH, type CategoryView } from '../../../shared/contract/categories';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import type { Clock } from '../types';
import { CategoryTree, categoryNameKey, type CategoryRow } from './category-tree';

const GONE = 'That category does not exist or is archived.';

/** The whole tree as one transaction (or the plain connection) sees it. */
export async function loadCategoryTree(em: EntityManager): Promise<CategoryTree> {
  return new CategoryTree(
    await run<CategoryRow>(
      em,
      'SELECT id, name, parent_id, created_at, updated_at, archived_at FROM categories',
    ),
  );
}

/** Products that are not archived, per category. */
async function productCounts(em: EntityManager): Promise<Map<number, number>> {
  const rows = await run<{ category_id: number; n: number | string }>(
    em,
    `SELECT category_id, COUNT(*) AS n FROM products
      WHERE archived_at IS NULL AND category_id IS NOT NULL GROUP BY category_id`,
  );
  return new Map(rows.map((r) => [Number(r.category_id), Number(r.n)]));
}

/** The live category `id`, else NOT_FOUND (`path` names the field for the form). */
export function liveCategory(tree: CategoryTree, id: number, path = 'id'): CategoryRow {
  const row = tree.get(id);
  if (!row || row.archived_at !== null)
    throw new AppError('NOT_FOUND', GONE, [{ path, message: GONE }]);
  return row;
}

export class CategoryService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The tree in display order (depth first, siblings by name), with product counts. */
  async list(
    input: ChannelParsedInput<'categories:list'>,
  ): Promise<ChannelOutput<'categories:list'>> {
    const em = this.db.manager;
    const tree = await loadCategoryTree(em);
    return { items: tree.views(await productCounts(em), input.includeArchived) };
  }

  /**
   * Creates a category (audited `category.create`). Errors: NOT_FOUND (parent missing or
   * archived), CATEGORY_TOO_DEEP (the parent is on level 3), CONFLICT (a live sibling's name).
   */
  async create(
    actor: Session,
    input: ChannelParsedInput<'categories:create'>,
  ): Promise<ChannelOutput<'categories:create'>> {
    return this.db.write(async (em) => {
      const tree = await loadCategoryTree(em);
      const depth = this.placement(tree, input.parentId, 1);
      await this.assertNameFree(em, input.name, input.parentId);
      const now = this.clock.now().toISOString();
      const [row] = await run<{ id: number }>(
        em,
        `INSERT INTO categories (name, name_key, parent_id, created_at, updated_at, archived_at)
          VALUES (?, ?, ?, ?, ?, NULL) RETURNING id`,
        [input.name, categoryNameKey(input.name), input.parentId, now, now],
      );
      const id = Number(row!.id);
      const view = await this.view(em, id);
      await this.record(
        em,
        actor,
        id,
        'category.create',
        `${view.path.join(' > ')} (level ${depth})`,
      );
      return view;
    });
  }

  /**
   * Renames and/or moves a live category with its subtree (audited `category.update`, with what
   * changed). Errors: NOT_FOUND, CATEGORY_CYCLE, CATEGORY_TOO_DEEP, CONFLICT.
   */
  async update(
    actor: Session,
    input: ChannelParsedInput<'categories:update'>,
  ): Promise<ChannelOutput<'categories:update'>> {
    return this.db.write(async (em) => {
      const tree = await loadCategoryTree(em);
      const before = liveCategory(tree, input.id);
      if (input.parentId !== null && tree.subtree(input.id).includes(input.parentId))
        throw new AppError(
          'CATEGORY_CYCLE',
          'A category cannot move into itself or its own sub-categories.',
          [{ path: 'parentId', message: 'Choose a category outside this one.' }],
        );
      this.placement(tree, input.parentId, tree.height(input.id));
      await this.assertNameFree(em, input.name, input.parentId, input.id);
      const oldPath = tree.path(input.id).join(' > ');
      await run(
        em,
        'UPDATE categories SET name = ?, name_key = ?, parent_id = ?, updated_at = ? WHERE id = ?',
        [
          input.name,
          categoryNameKey(input.name),
          input.parentId,
          this.clock.now().toISOString(),
          input.id,
        ],
      );
      const view = await this.view(em, input.id);
      const newPath = view.path.join(' > ');
      const moved = before.parent_id !== input.parentId || before.name !== input.name;
      await this.record(
        em,
        actor,
        input.id,
        'category.update',
        moved ? `${oldPath} -> ${newPath}` : 'no changes',
      );
      return view;
    });
  }

  /**
   * Archives a live category with no live sub-categories; its products move to no category
   * (audited `category.archive`, with how many). Errors: NOT_FOUND, CATEGORY_IN_USE.
   */
  async archive(actor: Session, id: number): Promise<ChannelOutput<'categories:archive'>> {
    return this.db.write(async (em) => {
      const tree = await loadCategoryTree(em);
      liveCategory(tree, id);
      const kids = tree.liveChildren(id);
      if (kids.length > 0)
        throw new AppError(
          'CATEGORY_IN_USE',
          `This category still has ${kids.length} sub-categories: archive or move them first.`,
        );
      const now = this.clock.now().toISOString();
      const moved = await run<{ id: number }>(
        em,
        'UPDATE products SET category_id = NULL, updated_at = ? WHERE category_id = ? RETURNING id',
        [now, id],
      );
      await run(em, 'UPDATE categories SET archived_at = ?, updated_at = ? WHERE id = ?', [
        now,
        now,
        id,
      ]);
      await this.record(
        em,
        actor,
        id,
        'category.archive',
        `${tree.path(id).join(' > ')}; ${moved.length} products moved to no category`,
      );
      return { category: await this.view(em, id), productsMoved: moved.length };
    });
  }

  /**
   * Checks that a subtree `height` levels tall fits under `parentId` (null: the top) and answers
   * the level its top would be on. Errors: NOT_FOUND (parent), CATEGORY_TOO_DEEP.
   */
  private placement(tree: CategoryTree, parentId: number | null, height: number): number {
    const parentDepth =
      parentId === null ? 0 : (liveCategory(tree, parentId, 'parentId'), tree.depth(parentId));
    if (parentDepth + height > CATEGORY_MAX_DEPTH)
      throw new AppError(
        'CATEGORY_TOO_DEEP',
        `Categories go at most ${CATEGORY_MAX_DEPTH} levels deep.`,
        [{ path: 'parentId', message: 'Choose a higher parent.' }],
      );
    return parentDepth + 1;
  }

  /** CONFLICT when a live sibling under `parentId` has this name, whatever its case. */
  private async assertNameFree(
    em: EntityManager,
    name: string,
    parentId: number | null,
    exceptId?: number,
  ) {
    const hits = await run<{ id: number }>(
      em,
      'SELECT id FROM categories WHERE COALESCE(parent_id, 0) = ? AND name_key = ? AND archived_at IS NULL',
      [parentId ?? 0, categoryNameKey(name)],
    );
    if (hits.some((h) => Number(h.id) !== exceptId)) {
      const message = 'A category with this name is already there.';
      throw new AppError('CONFLICT', message, [{ path: 'name', message }]);
    }
  }

  private async view(em: EntityManager, id: number): Promise<CategoryView> {
    return (await loadCategoryTree(em)).view(id, await productCounts(em));
  }

  private record(
    em: EntityManager,
    actor: Session,
    id: number,
    action: AuditAction,
    detail: string,
  ) {
    return this.audit.record(em, {
      actorId: actor.staff.id,
      actorName: actor.staff.username,
      targetType: 'category',
      targetId: id,
      action,
      outcome: 'success',
      detail,
    });
  }
}
