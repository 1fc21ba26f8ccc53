/**
 * Product categories (issue 11, section 1): a tree at most `CATEGORY_MAX_DEPTH` levels deep
 * ("Drinks > Hot drinks > Tea"). A product has at most one category. Categories are archived,
 * never deleted: sales reports group by them. Names are unique among live siblings whatever their
 * case. Reading needs a session; every change needs products.manage and is audited (L1).
 */
import { z } from 'zod';
import { defineChannel } from './define';
import { byIdInput, displayText, idSchema, utcTimestamp } from './common';

/** Levels of the tree: a top-level category is level 1 (Square and Lightspeed nest to 3). */
export const CATEGORY_MAX_DEPTH = 3;

/** What separates the levels of a category path in the CSV import and on screen. */
export const CATEGORY_PATH_SEPARATOR = ' > ';

/** A category's name: 1..60 characters, no control characters and no ">" (the path separator). */
export const categoryNameSchema = displayText(60).refine(
  (s) => !s.includes('>'),
  'Cannot contain ">"',
);

export const categoryViewSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  /** null for a top-level category. */
  parentId: idSchema.nullable(),
  /** 1 for a top-level category, at most CATEGORY_MAX_DEPTH. */
  depth: z.number().int().min(1),
  /** The names from the top down, e.g. ["Drinks", "Hot drinks"]. */
  path: z.array(z.string()),
  /** Products (not archived) directly in this category. */
  productCount: z.number().int().nonnegative(),
  /** Products (not archived) in this category and all its sub-categories. */
  totalProductCount: z.number().int().nonnegative(),
  archived: z.boolean(),
  createdAt: utcTimestamp,
  updatedAt: utcTimestamp,
});
export type CategoryView = z.infer<typeof categoryViewSchema>;

const categoryFields = {
  name: categoryNameSchema,
  /** The parent category; null or absent for a top-level one. */
  parentId: idSchema.nullish().transform((p) => p ?? null),
};

export const categoryChannels = {
  'categories:list': defineChannel({
    summary:
      'The category tree as a flat list in display order (depth first, siblings by name), with product counts. Archived categories only with `includeArchived`.',
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.strictObject({ items: z.array(categoryViewSchema) }),
    access: 'authenticated',
  }),
  'categories:create': defineChannel({
    summary:
      'Create a category under `parentId` (or at the top). NOT_FOUND if the parent does not exist or is archived; CATEGORY_TOO_DEEP if it would be a 4th level; CONFLICT if a live sibling has the same name (any case). Audited.',
    input: z.strictObject(categoryFields),
    output: categoryViewSchema,
    access: 'products.manage',
    writes: true,
  }),
  'categories:update': defineChannel({
    summary:
      'Rename and/or move a live category (its sub-categories move with it). NOT_FOUND (category or parent missing or archived); CATEGORY_CYCLE if the new parent is the category or one of its sub-categories; CATEGORY_TOO_DEEP if the category or its deepest sub-category would end below level 3; CONFLICT on a sibling name clash. Audited.',
    input: z.strictObject({ id: idSchema, ...categoryFields }),
    output: categoryViewSchema,
    access: 'products.manage',
    writes: true,
  }),
  'categories:archive': defineChannel({
    summary:
      'Archive a live category. Its products move to "no category" (as Square and Lightspeed do) and `productsMoved` says how many; refused with CATEGORY_IN_USE while it has live sub-categories (archive or move them first). NOT_FOUND if missing or already archived. Audited.',
    input: byIdInput,
    output: z.strictObject({
      category: categoryViewSchema,
      productsMoved: z.number().int().nonnegative(),
    }),
    access: 'products.manage',
    writes: true,
  }),
} as const;
