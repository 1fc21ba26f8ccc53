/**
 * Top categories over a range of business days (issue 11, sections 1 and 4): the product rollups
 * (per month × product and per day × product, catalogue-reports.ts) summed by each product's
 * category of today, with the category's path from the tree, and one row (category null) for the
 * products in no category. A parent's row holds only its own products: its sub-categories have
 * their own rows, so no sale is counted twice.
 */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { run } from '../db/sql';
import { CategoryTree, type CategoryRow } from '../categories/category-tree';
import { checkCategory, marginOf, productTotals, TOP_ORDER } from './catalogue-reports';
import { num, type Row } from './report-figures';

const SUMS = ['quantity', 'gross', 'refunds', 'net', 'discounts', 'tax', 'cost', 'costed_net']
  .map((f) => `SUM(t.${f}) AS ${f}`)
  .join(', ');

/**
 * `analytics:topCategories`: highest first by `by` (ties: no category last, then by id);
 * categories with no activity in the range left out. With `categoryId`, only that category and
 * those below it (and no "no category" row). NOT_FOUND for an unknown `categoryId`.
 */
export async function topCategories(
  em: EntityManager,
  input: ChannelParsedInput<'analytics:topCategories'>,
  currency: string,
): Promise<ChannelOutput<'analytics:topCategories'>> {
  await checkCategory(em, input.categoryId);
  const { from, where, params } = productTotals(input);
  const order = TOP_ORDER[input.by];
  const rows = await run<Row>(
    em,
    `SELECT g.* FROM (SELECT p.category_id, ${SUMS},
          SUM(t.costed_net) - SUM(t.cost) AS margin
        FROM ${from} WHERE t.moved <> 0 AND ${where} GROUP BY p.category_id) g
      ORDER BY g.${order} DESC, COALESCE(g.category_id, 2147483647) LIMIT ?`,
    [...params, input.limit],
  );
  const tree = new CategoryTree(
    await run<CategoryRow>(
      em,
      'SELECT id, name, parent_id, created_at, updated_at, archived_at FROM categories',
    ),
  );
  return {
    currency,
    categories: rows.map((r) => {
      const id = r.category_id === null ? null : num(r, 'category_id');
      return {
        categoryId: id,
        path: id === null ? [] : tree.path(id),
        quantity: num(r, 'quantity'),
        gross: num(r, 'gross'),
        refunds: num(r, 'refunds'),
        net: num(r, 'net'),
        discounts: num(r, 'discounts'),
        tax: num(r, 'tax'),
        ...marginOf(r),
      };
    }),
  };
}
