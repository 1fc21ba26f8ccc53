/**
 * Customer search, built to stay fast at 100k customers on SQLite (p95 ≤ 5 ms on a till).
 *
 * The query is folded like the stored `search_*` columns (core/search/normalize.ts). Results are
 * ranked: 0 exact email or exact phone digits, 1 name starts with the query, 2 a word of the name
 * starts with it, 3 it appears anywhere in name, email or phone digits; then by folded name and id.
 * A query typed like a phone number ("020 7946") is matched by its digits.
 *
 * How candidates are found on SQLite (see `sqliteSearch`):
 * - 3+ characters: a capped probe of the FTS5 trigram table `customers_fts`. FTS5 uses its index
 *   for LIKE only without ESCAPE, so the probe runs unescaped (`%`/`_` act as wildcards: a
 *   superset) and the outer query keeps exact matches with `LIKE … ESCAPE`. Fewer than
 *   FTS_PROBE_CAP hits: all ranked in one query. More: each rank is read in name order from
 *   IDX_customers_search_name and stops when the page is full. A query with `%`/`_` and no
 *   3-character run between them cannot use the trigrams and scans (tens of ms at 100k).
 * - 1–2 characters (trigrams need 3): exact email/phone, then a range on the indexed
 *   `search_name` (`>= q AND < q⁺`, i.e. the name starts with q).
 * - PostgreSQL: `search_text LIKE '%q%'` (folded text, so no ILIKE needed).
 */
import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { CustomerView } from '../../../shared/contract/customers';
import { isPostgres, run } from '../db/sql';
import { escapeLike, foldForSearch, phoneDigits } from '../search/normalize';

interface CustomerRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  country: string | null;
  notes: string | null;
  external_ref: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'c.id, c.name, c.email, c.phone, c.country, c.notes, c.external_ref, c.archived_at, c.created_at, c.updated_at';

function rowView(r: CustomerRow): CustomerView {
  return {
    id: Number(r.id),
    name: r.name,
    email: r.email,
    phone: r.phone,
    country: r.country,
    notes: r.notes,
    externalRef: r.external_ref,
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const PHONE_LIKE = /^\+?[0-9 ().-]+$/;

/**
 * The smallest string greater than every string starting with `s` (in UTF-8 byte order, which is
 * code point order): `s` with its last code point incremented. Null when there is none.
 */
export function prefixUpperBound(s: string): string | null {
  const chars = Array.from(s);
  const last = chars.pop();
  if (last === undefined) return null;
  let cp = last.codePointAt(0)! + 1;
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xe000;
  if (cp > 0x10ffff) return null;
  return chars.join('') + String.fromCodePoint(cp);
}

/** FTS5 probes stop after this many rowids: fewer means a "rare" term, ranked in one query. */
export const FTS_PROBE_CAP = 500;

interface Query {
  /** What is matched against names and `search_text`: the folded query, or a phone's digits. */
  term: string;
  /** The query lower-cased, for the exact email match. */
  email: string;
  /** The query's digits when it is typed like a phone number, else null. */
  digits: string | null;
}

function parseQuery(search: string): Query | null {
  const folded = foldForSearch(search);
  if (!folded) return null;
  const digits = PHONE_LIKE.test(search) ? phoneDigits(search) : '';
  return { term: digits || folded, email: search.trim().toLowerCase(), digits: digits || null };
}

/** See the file comment. `hasMore` is found by reading one row past the page. */
export async function searchCustomers(
  em: EntityManager,
  input: ChannelParsedInput<'customers:search'>,
): Promise<ChannelOutput<'customers:search'>> {
  const archived = input.includeArchived ? '' : ' AND c.archived_at IS NULL';
  const query = parseQuery(input.search);
  let rows: CustomerRow[];
  if (!query) {
    rows = await run<CustomerRow>(
      em,
      `SELECT ${COLUMNS} FROM customers c WHERE 1 = 1${archived}
        ORDER BY c.search_name, c.id LIMIT ? OFFSET ?`,
      [input.limit + 1, input.offset],
    );
  } else if (isPostgres(em)) {
    rows = await rankedQuery(em, query, `c.search_text LIKE ? ESCAPE '\\'`, [
      `%${escapeLike(query.term)}%`,
    ]);
  } else {
    rows = await sqliteSearch(em, query, archived, input.offset + input.limit + 1);
  }
  if (query && !isPostgres(em)) rows = rows.slice(input.offset);
  return {
    items: rows.slice(0, input.limit).map(rowView),
    hasMore: rows.length > input.limit,
  };

  /** One query ranking every candidate that `where` selects (fine when the candidates are few). */
  function rankedQuery(
    em: EntityManager,
    q: Query,
    where: string,
    whereParams: unknown[],
    window: { limit: number; offset: number } = { limit: input.limit + 1, offset: input.offset },
  ): Promise<CustomerRow[]> {
    const e = escapeLike(q.term);
    return run<CustomerRow>(
      em,
      `SELECT ${COLUMNS}, CASE WHEN c.email = ? OR c.phone_digits = ? THEN 0
          WHEN c.search_name LIKE ? ESCAPE '\\' THEN 1
          WHEN c.search_name LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END AS rank
        FROM customers c WHERE ${where}${archived}
        ORDER BY rank, c.search_name, c.id LIMIT ? OFFSET ?`,
      [q.email, q.digits, `${e}%`, `% ${e}%`, ...whereParams, window.limit, window.offset],
    );
  }

  /**
   * SQLite: the first `need` rows (offset included) in rank order. A rare term (the FTS5 probe
   * finds fewer than FTS_PROBE_CAP rows) is ranked in one query over its candidates. Otherwise each
   * rank is read in name order from IDX_customers_search_name and stops as soon as the page is
   * full: exact email/phone, then the name-prefix range, then word prefixes (through FTS5 when
   * those are rare), then anywhere (dense by then, so the walk is short).
   */
  async function sqliteSearch(
    em: EntityManager,
    q: Query,
    archived: string,
    need: number,
  ): Promise<CustomerRow[]> {
    const e = escapeLike(q.term);
    const anywhere = `%${e}%`;
    const long = Array.from(q.term).length >= 3;
    // FTS5 trigram answers LIKE from its index only without ESCAPE; unescaped, % and _ are
    // wildcards, so the probe finds a superset and the outer LIKE … ESCAPE keeps the exact matches.
    const probe = (pattern: string) =>
      run<{ id: number }>(
        em,
        'SELECT rowid AS id FROM customers_fts WHERE search_text LIKE ? LIMIT ?',
        [pattern, FTS_PROBE_CAP],
      );
    const idsIn = (ids: { id: number }[]) => JSON.stringify(ids.map((r) => Number(r.id)));
    if (long) {
      const hits = await probe(`%${q.term}%`);
      if (hits.length < FTS_PROBE_CAP)
        return rankedQuery(
          em,
          q,
          `c.id IN (SELECT value FROM json_each(?)) AND c.search_text LIKE ? ESCAPE '\\'`,
          [idsIn(hits), anywhere],
          { limit: need, offset: 0 },
        );
    }

    const out: CustomerRow[] = [];
    const take = async (where: string, params: unknown[], indexed = false) => {
      if (out.length >= need) return;
      const rows = await run<CustomerRow>(
        em,
        `SELECT ${COLUMNS} FROM customers AS c${indexed ? ' INDEXED BY IDX_customers_search_name' : ''}
          WHERE ${where}${archived} ORDER BY c.search_name, c.id LIMIT ?`,
        [...params, need - out.length],
      );
      out.push(...rows);
    };
    // Rank 0: exact email or phone digits (unique columns: at most two rows, sorted here so the
    // planner never walks the name index for them).
    const exactRows = await run<CustomerRow & { search_name: string }>(
      em,
      `SELECT ${COLUMNS}, c.search_name FROM customers c
        WHERE (c.email = ? OR c.phone_digits = ?)${archived}`,
      [q.email, q.digits],
    );
    exactRows.sort((a, b) =>
      a.search_name < b.search_name ? -1 : a.search_name > b.search_name ? 1 : a.id - b.id,
    );
    out.push(...exactRows.map(({ search_name: _, ...r }) => r));
    const exact = JSON.stringify(out.map((r) => Number(r.id)));
    const notExact = 'c.id NOT IN (SELECT value FROM json_each(?))';
    // Rank 1: the name starts with the term: a range on the index.
    const upper = prefixUpperBound(q.term);
    const prefix =
      upper === null
        ? `c.search_name LIKE ? ESCAPE '\\'`
        : 'c.search_name >= ? AND c.search_name < ?';
    const prefixParams = upper === null ? [`${e}%`] : [q.term, upper];
    await take(`${prefix} AND ${notExact}`, [...prefixParams, exact]);
    if (!long) return out;
    // Rank 2: a word of the name starts with the term.
    const word = `c.search_name LIKE ? ESCAPE '\\'`;
    const wordPattern = `% ${e}%`;
    const rest = `NOT (${prefix}) AND ${notExact}`;
    // A query typed like a phone number skips this rank: its digits follow a space in
    // `search_text` for every phone, so the probe below would say "common" while names almost never
    // hold such words, and the walk would read the whole index to find none.
    if (out.length < need && q.digits === null) {
      const wordHits = await probe(`% ${q.term}%`);
      if (wordHits.length < FTS_PROBE_CAP)
        await take(`c.id IN (SELECT value FROM json_each(?)) AND ${word} AND ${rest}`, [
          idsIn(wordHits),
          wordPattern,
          ...prefixParams,
          exact,
        ]);
      else await take(`${word} AND ${rest}`, [wordPattern, ...prefixParams, exact], true);
    }
    // Rank 3: anywhere in name, email or phone digits.
    await take(
      `c.search_text LIKE ? ESCAPE '\\' AND NOT (${word}) AND ${rest}`,
      [anywhere, wordPattern, ...prefixParams, exact],
      true,
    );
    return out;
  }
}
