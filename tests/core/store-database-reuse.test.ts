/**
 * The node-pg run's test databases (tests/helpers/test-engine.ts): a database a closed core hands
 * back is reused only once it holds exactly the template's rows again, and not at all if the test
 * changed its schema. A leak here would make one test's rows another's, on PostgreSQL only.
 */
import pgDriver, { type Client } from 'pg';
import { makeTestCore, withAdmin, type TestCore } from '../helpers/core';
import {
  freshStoreDatabase,
  ON_POSTGRES,
  releaseStoreDatabase,
  writeStoreDatabase,
} from '../helpers/test-engine';

/** Runs `sql` on the database at `url` in a connection of its own; answers its rows. */
async function read(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const client: Client = new pgDriver.Client({ connectionString: url });
  await client.connect();
  try {
    return ((await client.query(sql)) as { rows: Array<Record<string, unknown>> }).rows;
  } finally {
    await client.end();
  }
}

/** The rows of every table the template fills, and the next value of the migrations' sequence. */
const TEMPLATE_STATE = `SELECT
  (SELECT count(*) FROM staff)::int AS staff,
  (SELECT count(*) FROM audit_events)::int AS audit,
  (SELECT count(*) FROM tills)::int AS tills,
  (SELECT count(*) FROM settings)::int AS settings,
  (SELECT string_agg(name || ':' || require_totp, ',' ORDER BY name) FROM roles) AS roles,
  (SELECT count(*) FROM role_permissions)::int AS grants,
  (SELECT last_value FROM migrations_id_seq)::int AS migration_seq`;

describe.skipIf(!ON_POSTGRES)('test databases reused on a store server', () => {
  const open: TestCore[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it('a database handed back holds only the template rows when the next core takes it', async () => {
    const first = await freshStoreDatabase();
    const template = (await read(first, TEMPLATE_STATE))[0];
    await releaseStoreDatabase(first);

    // Ten cores in a row, each leaving staff, a till, audit rows, a setting and a role change.
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const url = await freshStoreDatabase();
      seen.add(url);
      expect((await read(url, TEMPLATE_STATE))[0]).toEqual(template);
      await writeStoreDatabase(
        url,
        "UPDATE roles SET require_totp = 1 - require_totp; INSERT INTO settings (key, value, updated_at) VALUES ('shifts.require_open_shift', 'false', '2026-01-01T00:00:00.000Z')",
      );
      await releaseStoreDatabase(url);
    }
    expect(seen.size).toBe(1);

    const t = await makeTestCore();
    open.push(t);
    await withAdmin(t);
    await t.must('staff:list', { status: 'active' });
    await t.close();
    open.pop();
    const after = await freshStoreDatabase();
    expect(seen.has(after)).toBe(true);
    expect((await read(after, TEMPLATE_STATE))[0]).toEqual(template);
    await releaseStoreDatabase(after);
  });

  it('a database whose schema a test changed is dropped, not reused', async () => {
    const url = await freshStoreDatabase();
    await writeStoreDatabase(url, 'ALTER TABLE sales DISABLE TRIGGER USER');
    await releaseStoreDatabase(url);
    const name = new URL(url).pathname.slice(1);
    const next = await freshStoreDatabase();
    expect(next).not.toBe(url);
    expect(
      await read(
        next.replace(/\/[^/]+$/, '/postgres'),
        `SELECT 1 FROM pg_database WHERE datname = '${name}'`,
      ),
    ).toEqual([]);
    const triggers = await read(
      next,
      "SELECT count(*)::int AS off FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'",
    );
    expect(triggers[0]!.off).toBe(0);
    await releaseStoreDatabase(next);
  });

  it('a database another connection is still on (a core left open) is dropped, not reused', async () => {
    const url = await freshStoreDatabase();
    const left: Client = new pgDriver.Client({ connectionString: url });
    left.on('error', () => undefined);
    await left.connect();
    await releaseStoreDatabase(url);
    await expect(left.query('SELECT 1')).rejects.toThrow();
    const next = await freshStoreDatabase();
    expect(next).not.toBe(url);
    await releaseStoreDatabase(next);
  });
});
