/**
 * Category paths as imports spell them, "Drinks > Hot drinks > Tea" (issue 11, section 1): parsed
 * and checked (at most CATEGORY_MAX_DEPTH levels, each a valid category name), then resolved to a
 * category id inside the import's write transaction, creating the levels that do not exist yet.
 * Existing live categories match whatever the case of the path, and keep their own spelling.
 */
import type { EntityManager } from 'typeorm';
import { CATEGORY_MAX_DEPTH, categoryNameSchema } from '../../../shared/contract/categories';
import { run } from '../db/sql';
import { categoryNameKey } from './category-tree';

/**
 * The levels of a path cell: `null` for an empty cell (no category), the trimmed names, or a
 * `reason` naming what is wrong (an empty level, a bad name, more than 3 levels).
 */
export function parseCategoryPath(text: string): string[] | null | { reason: string } {
  if (text.trim() === '') return null;
  const levels = text.split('>').map((s) => s.trim());
  if (levels.length > CATEGORY_MAX_DEPTH)
    return {
      reason: `has ${levels.length} levels; categories go at most ${CATEGORY_MAX_DEPTH} deep`,
    };
  const names: string[] = [];
  for (const [i, level] of levels.entries()) {
    const parsed = categoryNameSchema.safeParse(level);
    if (!parsed.success)
      return {
        reason: `level ${i + 1} ${level === '' ? 'is empty' : `"${level.slice(0, 40)}": ${parsed.error.issues[0]?.message ?? 'invalid'}`}`,
      };
    names.push(parsed.data);
  }
  return names;
}

/** Resolves paths to ids in one write transaction, creating missing levels; remembers each one. */
export class CategoryPathResolver {
  private readonly ids = new Map<string, number>();
  /** Categories this resolver created. */
  created = 0;

  constructor(private readonly now: string) {}

  /** The id of the category at `names` (from the top), created with any missing parents. */
  async resolve(em: EntityManager, names: readonly string[]): Promise<number> {
    let parent: number | null = null;
    let key = '';
    for (const name of names) {
      key += `>${categoryNameKey(name)}`;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = await this.findOrCreate(em, name, parent);
        this.ids.set(key, id);
      }
      parent = id;
    }
    return parent!;
  }

  private async findOrCreate(
    em: EntityManager,
    name: string,
    parent: number | null,
  ): Promise<number> {
    const nameKey = categoryNameKey(name);
    const [found] = await run<{ id: number }>(
      em,
      'SELECT id FROM categories WHERE COALESCE(parent_id, 0) = ? AND name_key = ? AND archived_at IS NULL',
      [parent ?? 0, nameKey],
    );
    if (found) return Number(found.id);
    const [made] = await run<{ id: number }>(
      em,
      `INSERT INTO categories (name, name_key, parent_id, created_at, updated_at, archived_at)
        VALUES (?, ?, ?, ?, ?, NULL) RETURNING id`,
      [name, nameKey, parent, this.now, this.now],
    );
    this.created++;
    return Number(made!.id);
  }
}
