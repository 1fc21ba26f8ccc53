/**
 * The log screen's "verify now" (issue 9, section 8; L2): `audit:verifyChain` runs the full check
 * on demand against the live file. A row changed behind the till's back (its triggers dropped, as
 * an attacker with file access would) is found and reported as broken, at that event.
 */
import {
  MEMBER,
  approvedMember,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { ON_POSTGRES } from '../helpers/test-engine';

/**
 * Changes one audit row's detail through a second connection, with the no-update trigger off:
 * dropped and made again in the SQLite file, disabled for the moment on a server (as its owner).
 */
function tamperLive(t: TestCore, id: number): void {
  const db = t.writable();
  const update = "UPDATE audit_events SET detail = 'nothing to see' WHERE id = ?";
  try {
    if (ON_POSTGRES) {
      db.exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
      db.prepare(update).run(id);
      db.exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
      return;
    }
    const trigger = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_events_no_update'")
      .get() as { sql: string };
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare(update).run(id);
    db.exec(trigger.sql);
  } finally {
    db.close();
  }
}

describe('verify now (audit:verifyChain)', () => {
  it('reports a sound chain, then a tampered row as broken at that event', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    for (let i = 0; i < 10; i++) await t.must('settings:update', { idleLockMinutes: (i % 15) + 1 });
    const sound = await t.must('audit:verifyChain', {});
    expect(sound).toMatchObject({ ok: true, integrity: 'ok', auditChain: { state: 'ok' } });
    expect(sound.auditChain.rowsChecked).toBeGreaterThan(10);
    expect(sound.checkedAt).toBe(t.clock.now().toISOString());

    tamperLive(t, 3);
    // The start-up check reads only the head; the change in the middle is found by the full check.
    expect((await t.must('app:status', {})).integrity.auditChain.state).toBe('ok');
    const found = await t.must('audit:verifyChain', {});
    expect(found.ok).toBe(false);
    expect(found.auditChain).toMatchObject({ state: 'broken', brokenAtId: 3 });
    expect(found.auditChain.detail).toMatch(/altered at event 3/);
    // And it stays shown: the banner and the audit screen read app:status.
    const status = await t.must('app:status', {});
    expect(status.integrity.auditChain.state).toBe('broken');
    expect(status.integrity.lastFullCheck).toMatchObject({ ok: false });
    // The till keeps working (D9): a broken chain does not stop selling.
    expect((await t.must('settings:get', {})).terminalName).toBe('till-1');
    await t.close();
  });

  it('needs audit.view; parallel presses join one check', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await approvedMember(t);
    await t.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
    expect(resultCode(await t.call('audit:verifyChain', {}, 2))).toBe('FORBIDDEN');
    expect(resultCode(await t.call('audit:verifyChain', { deep: true } as never))).toBe(
      'VALIDATION_FAILED',
    );
    const all = await Promise.all(Array.from({ length: 5 }, () => t.must('audit:verifyChain', {})));
    expect(new Set(all.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(all[0]!.ok).toBe(true);
    await t.close();
  });
});
