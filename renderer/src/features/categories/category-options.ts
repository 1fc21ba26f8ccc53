/**
 * Select options for categories (issue 11, section 1): each live category labelled with its path
 * ("Drinks > Hot drinks"), in the tree's order, so the same name on two branches is never ambiguous.
 */
import type { CategoryView } from '../../../../shared/contract';
import { CATEGORY_MAX_DEPTH } from '../../../../shared/contract/categories';
import { categoryPathText } from '../../stores/categories';

export interface Option {
  value: string;
  label: string;
}

/** Every live category as an option whose value is its id. */
export function categoryOptions(items: readonly CategoryView[]): Option[] {
  return items
    .filter((c) => !c.archived)
    .map((c) => ({ value: String(c.id), label: categoryPathText(c) }));
}

/**
 * The parents `moving` (null: a new category) may go under: not itself or its own sub-categories,
 * and only where its subtree still fits in CATEGORY_MAX_DEPTH levels.
 */
export function parentOptions(
  items: readonly CategoryView[],
  moving: CategoryView | null,
): Option[] {
  const below = new Set<number>();
  let height = 1;
  if (moving) {
    below.add(moving.id);
    for (const c of items)
      if (c.parentId !== null && below.has(c.parentId)) {
        below.add(c.id);
        height = Math.max(height, c.depth - moving.depth + 1);
      }
  }
  return categoryOptions(
    items.filter((c) => !below.has(c.id) && c.depth + height <= CATEGORY_MAX_DEPTH),
  );
}
