/**
 * The denomination table as the settings screen edits it: notes and coins each as a list of
 * amounts in the currency's major unit ("50, 20, 10, 5" / "2, 1, 0.50"), to and from the table
 * in minor units. Pure, so the screen and the tests share it; the core checks the table again.
 */
import type { Denomination } from '../../../../shared/denominations';
import { parseMoney } from '../../../../shared/money';
import { minorToText } from '../products/product-form';

/** "50, 20, 10" from the table's values of `kind`, largest first. */
export function denominationText(
  table: readonly Denomination[],
  kind: Denomination['kind'],
  exponent: number,
): string {
  return table
    .filter((d) => d.kind === kind)
    .map((d) => minorToText(d.value, exponent))
    .join(', ');
}

/**
 * The table from the typed lists, largest first; null when an entry is not an amount above zero
 * in the currency's minor units, or a value is listed twice.
 */
export function parseDenominations(
  notes: string,
  coins: string,
  exponent: number,
): Denomination[] | null {
  const out: Denomination[] = [];
  for (const [text, kind] of [
    [notes, 'note'],
    [coins, 'coin'],
  ] as const) {
    for (const entry of text.split(/[,;\s]+/).filter(Boolean)) {
      const value = parseMoney(entry, exponent);
      if (value === null || value <= 0) return null;
      out.push({ value, kind });
    }
  }
  if (new Set(out.map((d) => d.value)).size !== out.length) return null;
  return out.sort((a, b) => b.value - a.value);
}
