/**
 * Issue 8, item 7: customers' phones are stored in E.164 and the search columns fold apostrophe
 * and quote variants. This migration brings the rows written before to the same forms:
 *
 * - each customer's phone is read in the store's country (electron/core/customers/store-country.ts)
 *   and stored in E.164 with its digits, and `search_name`/`search_text` are folded again with
 *   the E.164 and national digits (electron/core/customers/search-columns.ts); the FTS5 update
 *   trigger keeps `customers_fts` in step;
 * - a phone whose E.164 form another customer already has (the same number typed twice, once
 *   nationally and once internationally, before this fix) is left as it was: both customers keep
 *   their data, and a person merges them. The unique index holds after every statement, because
 *   a row only takes digits no other row holds at that moment;
 * - products' `search_name` is folded again (the same fold).
 *
 * Only rows whose columns change are written. `down` leaves the normalised values (they are
 * valid for the earlier code, which compared phones by digits).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  customerSearchColumns,
  customerSearchText,
} from '../electron/core/customers/search-columns';
import { COUNTRY_SETTING_KEYS, storeCountry } from '../electron/core/customers/store-country';
import { productSearchName } from '../electron/core/products/search-name';

interface CustomerRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  phone_digits: string | null;
  country: string | null;
  notes: string | null;
  search_name: string;
  search_text: string;
}

export class NormaliseCustomerPhones1790000006200 implements MigrationInterface {
  name = 'NormaliseCustomerPhones1790000006200';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    const p = (n: number) => (pg ? `$${n}` : '?');
    const settings = (await q.query(
      `SELECT key, value FROM settings WHERE key IN (${COUNTRY_SETTING_KEYS.map((_, i) => p(i + 1)).join(', ')})`,
      [...COUNTRY_SETTING_KEYS],
    )) as Array<{ key: string; value: string }>;
    const country = storeCountry(new Map(settings.map((s) => [s.key, s.value])));

    const customers = (await q.query(
      `SELECT id, name, email, phone, phone_digits, country, notes, search_name, search_text
         FROM customers ORDER BY id`,
    )) as CustomerRow[];
    const holder = new Map<string, number>();
    for (const c of customers) if (c.phone_digits !== null) holder.set(c.phone_digits, c.id);
    for (const c of customers) {
      const cols = customerSearchColumns(c, country);
      const taken = cols.phoneDigits !== null && (holder.get(cols.phoneDigits) ?? c.id) !== c.id;
      const next = taken
        ? {
            phone: c.phone,
            phoneDigits: c.phone_digits,
            searchName: cols.searchName,
            searchText: customerSearchText(c.name, c.email, [c.phone_digits]),
          }
        : cols;
      if (
        next.phone === c.phone &&
        next.phoneDigits === c.phone_digits &&
        next.searchName === c.search_name &&
        next.searchText === c.search_text
      )
        continue;
      await q.query(
        `UPDATE customers SET phone = ${p(1)}, phone_digits = ${p(2)}, search_name = ${p(3)},
           search_text = ${p(4)} WHERE id = ${p(5)}`,
        [next.phone, next.phoneDigits, next.searchName, next.searchText, c.id],
      );
      if (c.phone_digits !== null) holder.delete(c.phone_digits);
      if (next.phoneDigits !== null) holder.set(next.phoneDigits, c.id);
    }

    const products = (await q.query('SELECT id, name, search_name FROM products')) as Array<{
      id: number;
      name: string;
      search_name: string;
    }>;
    for (const r of products) {
      const folded = productSearchName(r.name);
      if (folded !== r.search_name)
        await q.query(`UPDATE products SET search_name = ${p(1)} WHERE id = ${p(2)}`, [
          folded,
          r.id,
        ]);
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: see the file comment.
  }
}
