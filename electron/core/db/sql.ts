/**
 * Tiny helpers for the few hand-written statements on hot paths (checkout, lists, reports), so
 * the same SQL runs on SQLite and PostgreSQL: placeholders are `?` on SQLite and `$n` on
 * PostgreSQL. Everything else goes through TypeORM's query builder.
 */
import type { EntityManager } from 'typeorm';

export function isPostgres(em: EntityManager): boolean {
  return em.connection.driver.options.type === 'postgres';
}

/**
 * Rewrites `?` placeholders to `$1, $2 …` on PostgreSQL. The SQL passed in must not contain a
 * literal `?` anywhere else (ours never do).
 */
export function portable(em: EntityManager, sql: string): string {
  if (!isPostgres(em)) return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * Runs a statement with `?` placeholders on either engine; returns the rows (also for
 * `UPDATE … RETURNING`, which TypeORM's plain `query` wraps differently on PostgreSQL).
 */
export async function run<T = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (!isPostgres(em)) return em.query(sql, params) as Promise<T[]>;
  const qr = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const result = await qr.query(portable(em, sql), params, true);
    return result.records as T[];
  } finally {
    if (!em.queryRunner) await qr.release();
  }
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT of `rows` rows of `cols` columns. */
export function valuesList(rows: number, cols: number): string {
  const one = `(${new Array(cols).fill('?').join(', ')})`;
  return new Array(rows).fill(one).join(', ');
}
