/**
 * D9, L2, D6: tampering with the file is refused or seen. Each attack is made the way someone with
 * the file and the sqlite3 shell would: INSERT OR REPLACE past the triggers, dropping a trigger,
 * rewriting a row and recomputing the SHA-256 chain, cutting the last rows off, forging the seal.
 */
import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  hashAuditRow,
  type AuditRowRecord,
} from '../../electron/core/audit/audit-log';
import { REQUIRED_TRIGGERS } from '../../electron/core/db/required-triggers';
import type { SecretStore } from '../../electron/core';
import {
  ADMIN,
  auditCount,
  makeTestCore,
  resultCode,
  tempDir,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { insertProduct, sell } from '../helpers/retail';

/** A till with an admin, one sale, and a few more audit rows; closed. Returns its folder. */
async function tillWithHistory(): Promise<{ dir: string; t: TestCore }> {
  const dir = tempDir('kassa-tamper-');
  const t = await makeTestCore({ dir });
  await withAdmin(t);
  const productId = insertProduct(t, { sku: 'TEA', name: 'Tea', price: 250 });
  await sell(t, [{ productId, quantity: 2 }], [{ type: 'card', amount: 500 }]);
  for (let i = 0; i < 4; i++)
    await t.call('auth:login', { identifier: `nobody${i}`, password: 'wrong password' }, 7);
  await t.core.close();
  return { dir, t };
}

/** Runs `fn` on the closed till's file with the given triggers dropped, then puts them back. */
function withoutTriggers(path: string, names: string[], fn: (db: Database.Database) => void) {
  const db = new Database(path);
  const sql = names.map(
    (n) =>
      (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(n) as { sql: string }).sql,
  );
  for (const n of names) db.exec(`DROP TRIGGER ${n}`);
  fn(db);
  for (const s of sql) db.exec(s);
  db.close();
}

type Row = AuditRowRecord;

/** Recomputes every hash from the first row on, as an attacker who knows the (public) scheme would. */
function recomputeChain(db: Database.Database): void {
  const rows = db.prepare('SELECT * FROM audit_events ORDER BY id').all() as Row[];
  const set = db.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?');
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const hash = hashAuditRow({
      prevHash: prev,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      terminal: r.terminal,
      outcome: r.outcome,
      detail: r.detail,
    });
    set.run(prev, hash, r.id);
    prev = hash;
  }
}

async function reopen(dir: string) {
  const t = await makeTestCore({ dir });
  const status = await t.must('app:status');
  return { t, status };
}

describe('INSERT OR REPLACE cannot rewrite immutable rows (D9)', () => {
  it('refuses a replaced audit row, sale line, sale, tender and void; nothing changes', async () => {
    const { t } = await tillWithHistory();
    const db = new Database(t.dbPath);
    const snapshot = () =>
      ['audit_events', 'sales', 'sale_lines', 'sale_tenders', 'sale_voids'].map((tbl) =>
        db.prepare(`SELECT * FROM ${tbl} ORDER BY rowid`).all(),
      );
    const before = snapshot();
    const audit = db.prepare('SELECT * FROM audit_events WHERE id = 2').get() as Row;
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO audit_events (id, at, actor_id, actor_name, action, target_type,
             target_id, terminal, outcome, detail, prev_hash, hash)
           VALUES (2, ?, NULL, 'mallory', ?, NULL, NULL, ?, 'success', NULL, ?, ?)`,
        )
        .run(audit.at, audit.action, audit.terminal, audit.prev_hash, audit.hash),
    ).toThrow(/audit_events rows are never replaced/);
    const line = db.prepare('SELECT * FROM sale_lines LIMIT 1').get() as Record<string, unknown>;
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO sale_lines (id, sale_id, line_no, product_id, sku, description,
             unit_price, quantity, tax_rate_bps, discount, tax, total)
           VALUES (@id, @sale_id, @line_no, @product_id, @sku, @description, 1, @quantity,
             @tax_rate_bps, @discount, @tax, @total)`,
        )
        .run(line),
    ).toThrow(/sale_lines rows are never replaced/);
    // The same line under a NEW id still collides on (sale_id, line_no).
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO sale_lines (sale_id, line_no, product_id, sku, description,
             unit_price, quantity, tax_rate_bps, discount, tax, total)
           VALUES (@sale_id, @line_no, @product_id, @sku, @description, 1, @quantity,
             @tax_rate_bps, @discount, @tax, @total)`,
        )
        .run(line),
    ).toThrow(/never replaced/);
    const sale = db.prepare('SELECT * FROM sales LIMIT 1').get() as Record<string, unknown>;
    const cols = Object.keys(sale).filter((c) => c !== 'id');
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO sales (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
        )
        .run({ ...sale, total: 1 }),
    ).toThrow(/sales rows are never replaced/);
    const tender = db.prepare('SELECT * FROM sale_tenders LIMIT 1').get() as Record<
      string,
      unknown
    >;
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO sale_tenders (id, sale_id, type, amount, tendered, change_due)
           VALUES (@id, @sale_id, @type, 1, @tendered, @change_due)`,
        )
        .run(tender),
    ).toThrow(/sale_tenders rows are never replaced/);
    expect(snapshot()).toEqual(before);
    db.close();
  });

  it('names every required trigger in one list, and the schema has them all', async () => {
    const t = await makeTestCore();
    const names = (
      t.raw().prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(REQUIRED_TRIGGERS.filter((n) => !names.includes(n))).toEqual([]);
    for (const tbl of ['audit_events', 'sales', 'sale_lines', 'sale_tenders', 'sale_voids'])
      expect(REQUIRED_TRIGGERS).toContain(`${tbl}_no_replace`);
    await t.close();
  });
});

describe('a dropped trigger does not stay dropped unnoticed (D9)', () => {
  it.each(['sale_lines_no_replace', 'audit_events_no_update', 'sales_no_delete'])(
    'without %s the till opens in safe mode and says which trigger is missing',
    async (name) => {
      const { dir, t } = await tillWithHistory();
      const db = new Database(t.dbPath);
      db.exec(`DROP TRIGGER ${name}`);
      db.close();
      const { t: again, status } = await reopen(dir);
      expect(again.core.safeMode).toBe(true);
      expect(status.safeMode).toBe(true);
      expect(status.integrity.safeModeReason).toContain(name);
      expect(
        resultCode(
          await again.call('auth:login', { identifier: ADMIN.username, password: ADMIN.password }),
        ),
      ).toBe('SAFE_MODE');
      await again.close();
    },
  );
});

describe('the audit chain is anchored by a keyed seal (L2, D9)', () => {
  it('an intact chain is ok at start-up and in the full check, and stays sealed across restarts', async () => {
    const { dir } = await tillWithHistory();
    for (let i = 0; i < 2; i++) {
      const { t, status } = await reopen(dir);
      expect(status.integrity).toEqual({
        safeModeReason: null,
        auditChain: { state: 'ok', detail: null },
        lastFullCheck: null,
      });
      const full = await t.core.checkIntegrity();
      expect(full).toMatchObject({ ok: true, integrity: 'ok', auditChain: { state: 'ok' } });
      expect((await t.must('app:status')).integrity.lastFullCheck).toMatchObject({ ok: true });
      const seal = t.raw().prepare('SELECT last_id, row_count FROM audit_seal').get();
      const head = t
        .raw()
        .prepare('SELECT MAX(id) AS id, COUNT(*) AS n FROM audit_events')
        .get() as {
        id: number;
        n: number;
      };
      expect(seal).toEqual({ last_id: head.id, row_count: head.n });
      await t.close();
    }
  });

  it('a row rewritten and the whole chain recomputed fails at start-up, and stays failed', async () => {
    const { dir, t } = await tillWithHistory();
    withoutTriggers(t.dbPath, ['audit_events_no_update'], (db) => {
      db.prepare(
        "UPDATE audit_events SET actor_name = 'mallory' WHERE action = 'setup.create_admin'",
      ).run();
      recomputeChain(db);
    });
    const { t: again, status } = await reopen(dir);
    expect(again.core.safeMode).toBe(false); // the till keeps working …
    expect(status.integrity.auditChain.state).toBe('broken'); // … and says so
    expect(auditCount(again, 'app.start', 'failure')).toBe(1);
    // Later writes do not reseal over the evidence: the next start still sees the break.
    await again.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    await again.close();
    const { t: third, status: later } = await reopen(dir);
    expect(later.integrity.auditChain.state).toBe('broken');
    expect(auditCount(third, 'app.start', 'failure')).toBe(2);
    await third.close();
  });

  it('deleting the last 5 rows fails at start-up', async () => {
    const { dir, t } = await tillWithHistory();
    withoutTriggers(t.dbPath, ['audit_events_no_delete'], (db) => {
      db.exec('DELETE FROM audit_events WHERE id > (SELECT MAX(id) - 5 FROM audit_events)');
    });
    const { t: again, status } = await reopen(dir);
    expect(status.integrity.auditChain.state).toBe('broken');
    expect(status.integrity.auditChain.detail).toMatch(/removed or rewritten/);
    await again.close();
  });

  it('deleting a middle row, relinking the chain and moving the seal fails at start-up', async () => {
    const { dir, t } = await tillWithHistory();
    withoutTriggers(t.dbPath, ['audit_events_no_delete', 'audit_events_no_update'], (db) => {
      db.exec('DELETE FROM audit_events WHERE id = 3');
      recomputeChain(db);
      // And forge the seal's hash to the new head, without the key: the HMAC no longer matches.
      const head = db
        .prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1')
        .get() as {
        id: number;
        hash: string;
      };
      db.prepare('UPDATE audit_seal SET last_id = ?, last_hash = ?').run(head.id, head.hash);
    });
    const { t: again, status } = await reopen(dir);
    expect(status.integrity.auditChain).toMatchObject({ state: 'broken' });
    expect(status.integrity.auditChain.detail).toMatch(/seal does not match/);
    await again.close();
  });

  it('a seal forged with another key fails, and so does a chain whose seal was removed', async () => {
    const { dir, t } = await tillWithHistory();
    withoutTriggers(t.dbPath, ['audit_events_no_update'], (db) => {
      db.prepare("UPDATE audit_events SET detail = 'nothing to see' WHERE id = 2").run();
      recomputeChain(db);
      const head = db
        .prepare(
          'SELECT id, hash, (SELECT COUNT(*) FROM audit_events) AS n FROM audit_events ORDER BY id DESC LIMIT 1',
        )
        .get() as {
        id: number;
        hash: string;
        n: number;
      };
      const mac = createHmac('sha256', 'a guessed key')
        .update(JSON.stringify(['kassa.audit-seal.v1', head.id, head.hash, head.n]))
        .digest('hex');
      db.prepare('UPDATE audit_seal SET last_id = ?, last_hash = ?, row_count = ?, mac = ?').run(
        head.id,
        head.hash,
        head.n,
        mac,
      );
    });
    const first = await reopen(dir);
    expect(first.status.integrity.auditChain.state).toBe('broken');
    await first.t.close();

    const { dir: dir2, t: t2 } = await tillWithHistory();
    const db = new Database(t2.dbPath);
    db.exec('DELETE FROM audit_seal');
    db.close();
    const second = await reopen(dir2);
    expect(second.status.integrity.auditChain).toMatchObject({ state: 'broken' });
    expect(second.status.integrity.auditChain.detail).toMatch(/seal has been removed/);
    await second.t.close();
  });

  it('without a keychain the till still signs in, and says the chain is not anchored', async () => {
    const noKeychain: SecretStore = {
      get: () => Promise.reject(new Error('no D-Bus session')),
      set: () => Promise.reject(new Error('no D-Bus session')),
      delete: () => Promise.reject(new Error('no D-Bus session')),
    };
    const dir = tempDir('kassa-nokey-');
    const t = await makeTestCore({ dir, secretStore: noKeychain });
    await withAdmin(t);
    const status = await t.must('app:status');
    expect(status.integrity.auditChain.state).toBe('unanchored');
    expect(status.integrity.auditChain.detail).toMatch(/keychain is not available/);
    await t.must('auth:logout');
    await t.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password });
    expect(t.raw().prepare('SELECT COUNT(*) AS n FROM audit_seal').get()).toEqual({ n: 0 });
    await t.close();
  });
});
