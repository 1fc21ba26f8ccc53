/**
 * The worker behind pg-raw.ts: runs one query at a time on a plain `pg` client per database URL,
 * for a test thread that waits for it synchronously (synckit's runAsWorker). Counts (int8) and
 * numerics come back as numbers, as SQLite gives them; a statement waits at most 10 s for a lock,
 * so a test that reads under a lock the core holds fails instead of hanging.
 */
import pg from 'pg';
import { runAsWorker } from 'synckit';

pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1700, Number);

/** @type {Map<string, pg.Client>} */
const clients = new Map();

async function clientFor(url) {
  let client = clients.get(url);
  if (!client) {
    client = new pg.Client({ connectionString: url, statement_timeout: 10_000 });
    await client.connect();
    clients.set(url, client);
  }
  return client;
}

runAsWorker(async (url, op, sql, params) => {
  if (op === 'close') {
    await clients.get(url)?.end();
    clients.delete(url);
    return null;
  }
  const client = await clientFor(url);
  const r = await client.query(sql, params);
  const last = Array.isArray(r) ? r[r.length - 1] : r;
  return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
});
