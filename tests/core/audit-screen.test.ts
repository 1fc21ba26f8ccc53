/**
 * Item 16 and 15 in the core: the audit log filtered by actor, action, outcome, terminal and
 * business days (server-side), target names instead of "staff 3", the CSV export with OWASP
 * formula neutralisation, and approving a request with a chosen role.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { toCsv } from '../../electron/core/audit/audit-export';
import type { ChannelInput } from '../../shared/contract';
import {
  asSession,
  ADMIN,
  MEMBER,
  approvedMember,
  auditCount,
  makeTestCore,
  resultCode,
  withAdmin,
  type TestCore,
} from '../helpers/core';
import { ADMIN_W, countOf, shiftShop } from '../helpers/shifts';
import { ON_POSTGRES } from '../helpers/test-engine';
import { networkPrinter } from '../helpers/test-printer';

interface Row {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  outcome: string;
  terminal: string;
  target_type: string | null;
  target_id: string | null;
}

/** Two tills on one file, a day of events on 23 and 24 November (Europe/Berlin), some failures. */
async function busyLog() {
  const a = await makeTestCore({ terminalName: 'Front' });
  await withAdmin(a);
  await a.must('settings:update', { timeZone: 'Europe/Berlin' });
  const carl = await approvedMember(a);
  await a.call('auth:login', { identifier: MEMBER.username, password: 'wrong!' }, 5);
  await a.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 5);
  await a.call('staff:list', {}, 5); // A cashier: authz.denied.
  // 23:30 in Berlin is 22:30 UTC: still the 23rd there.
  a.clock.advance(Date.parse('2026-11-23T22:30:00Z') - a.clock.now().getTime());
  const b = await makeTestCore({ dir: a.dir, terminalName: 'Back', clock: a.clock });
  await b.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
  a.clock.advanceMinutes(60); // 00:30 on the 24th in Berlin.
  await b.call('auth:login', { identifier: MEMBER.username, password: 'wrong again' }, 2);
  await b.must('auth:login', { identifier: MEMBER.username, password: MEMBER.password }, 2);
  await a.must('auth:login', { identifier: ADMIN.username, password: ADMIN.password }, 1);
  return { a, b, carl };
}

const allRows = (t: TestCore) =>
  t
    .raw()
    .prepare(
      'SELECT id, at, actor_id, action, outcome, terminal, target_type, target_id FROM audit_events ORDER BY id DESC',
    )
    .all() as Row[];

describe('the audit log, filtered in the core (item 16)', () => {
  it('each filter and their combinations return exactly the matching rows, newest first', async () => {
    const { a, b, carl } = await busyLog();
    const rows = allRows(a);
    const dayOf = (at: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(at));
    const cases: Array<[ChannelInput<'audit:list'>, (r: Row) => boolean]> = [
      [{ actorId: carl }, (r) => r.actor_id === carl],
      [{ action: 'auth.login' }, (r) => r.action === 'auth.login'],
      [{ outcome: 'failure' }, (r) => r.outcome === 'failure'],
      [{ outcome: 'denied' }, (r) => r.outcome === 'denied'],
      [{ terminal: 'Back' }, (r) => r.terminal === 'Back'],
      [{ fromDay: '2026-11-24' }, (r) => dayOf(r.at) >= '2026-11-24'],
      [{ toDay: '2026-11-23' }, (r) => dayOf(r.at) <= '2026-11-23'],
      [
        { fromDay: '2026-11-23', toDay: '2026-11-23', action: 'auth.login', outcome: 'success' },
        (r) => dayOf(r.at) === '2026-11-23' && r.action === 'auth.login' && r.outcome === 'success',
      ],
      [
        { actorId: carl, terminal: 'Back', outcome: 'failure' },
        (r) => r.actor_id === carl && r.terminal === 'Back' && r.outcome === 'failure',
      ],
    ];
    for (const [filters, expected] of cases) {
      const want = rows.filter(expected).map((r) => r.id);
      expect(want.length, JSON.stringify(filters)).toBeGreaterThan(0);
      const got = (await a.must('audit:list', { limit: 200, ...filters })).items.map((i) => i.id);
      expect(got, JSON.stringify(filters)).toEqual(want);
    }
    // The day filter is the store's day, not UTC's: 22:30 UTC on the 23rd is in the 23rd in
    // Berlin, 23:30 UTC is the 24th.
    const late = await a.must('audit:list', { limit: 200, fromDay: '2026-11-24' });
    expect(late.items.every((i) => i.at >= '2026-11-23T23:00:00.000Z')).toBe(true);
    await b.close();
    await a.close();
  }, 60_000);

  it('pages through a filter with beforeId without gaps or repeats', async () => {
    const { a, b } = await busyLog();
    const want = allRows(a)
      .filter((r) => r.action === 'auth.login')
      .map((r) => r.id);
    const got: number[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = await a.must('audit:list', {
        limit: 2,
        action: 'auth.login',
        ...(beforeId ? { beforeId } : {}),
      });
      got.push(...page.items.map((i) => i.id));
      if (page.items.length < 2) break;
      beforeId = page.items.at(-1)!.id;
    }
    expect(got).toEqual(want);
    await b.close();
    await a.close();
  }, 60_000);

  it('refuses a first day after the last day, and an unknown action, changing nothing', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    const before = allRows(t).length;
    expect(
      await t.call('audit:list', { fromDay: '2026-11-24', toDay: '2026-11-23' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'fromDay' }] },
    });
    expect(
      resultCode(await t.call('audit:exportCsv', { fromDay: '2026-11-24', toDay: '2026-11-23' })),
    ).toBe('VALIDATION_FAILED');
    expect(
      resultCode(await t.call('audit:list', { action: 'staff.nonsense' as 'staff.create' })),
    ).toBe('VALIDATION_FAILED');
    // Refusals are audited as ipc.validation_failed only when the schema refuses.
    expect(allRows(t).filter((r) => r.action !== 'ipc.validation_failed')).toHaveLength(before);
    await t.close();
  });

  it('names targets (a member) instead of "staff 3", and the filter choices', async () => {
    const { a, b, carl } = await busyLog();
    const approved = (await a.must('audit:list', { action: 'staff.approve' })).items[0]!;
    expect(approved).toMatchObject({ targetType: 'staff', targetId: String(carl) });
    expect(approved.targetName).toBe(MEMBER.displayName);
    expect(await a.must('audit:filterOptions')).toEqual({
      actors: [
        { id: 1, name: ADMIN.displayName },
        { id: carl, name: MEMBER.displayName },
      ],
      terminals: ['Back', 'Front'],
    });
    await b.close();
    await a.close();
  }, 60_000);

  it('names categories, suppliers and printers as they are called now', async () => {
    const { t } = await shiftShop();
    try {
      const named = async (action: ChannelInput<'audit:list'>['action']) =>
        (await t.must('audit:list', { action }, ADMIN_W)).items[0]!;
      const drinks = await t.must('categories:create', { name: 'Drinks' }, ADMIN_W);
      await t.must('categories:update', { id: drinks.id, name: 'Hot drinks' }, ADMIN_W);
      await t.must('suppliers:create', { name: 'Leaf & Co' }, ADMIN_W);
      await t.must('auth:reauthenticate', { password: ADMIN.password }, ADMIN_W);
      await t.must('printing:savePrinter', networkPrinter(9), ADMIN_W);
      const shift = await t.must('shifts:open', { floatCount: countOf(2000) }, ADMIN_W);
      const closed = { shiftId: shift.id, countedCash: countOf(2000), countedOther: [] };
      await t.must('shifts:close', closed, ADMIN_W);
      expect(await named('category.create')).toMatchObject({ targetName: 'Hot drinks' });
      expect(await named('supplier.create')).toMatchObject({ targetName: 'Leaf & Co' });
      expect(await named('printing.printer_save')).toMatchObject({ targetName: 'Front desk' });
      // A shift is kept by its id, and no name: the screen shows "Shift #1".
      expect(await named('shift.close')).toMatchObject({ targetType: 'shift', targetName: null });
    } finally {
      await t.close();
    }
  }, 60_000);

  // SQLite's query planner; PostgreSQL's plans are the bench's (npm run bench -- --postgres).
  it.skipIf(ON_POSTGRES)(
    'the index on each filter column is used (EXPLAIN QUERY PLAN)',
    async () => {
      const t = await makeTestCore();
      await withAdmin(t);
      const raw = t.raw();
      for (const [column, index] of [
        ['action', 'IDX_audit_events_action'],
        ['outcome', 'IDX_audit_events_outcome'],
        ['terminal', 'IDX_audit_events_terminal'],
      ]) {
        const plan = raw
          .prepare(
            `EXPLAIN QUERY PLAN SELECT * FROM audit_events WHERE ${column} = ? ORDER BY id DESC LIMIT 50`,
          )
          .all('x') as { detail: string }[];
        expect(plan.map((p) => p.detail).join(' | ')).toContain(index);
      }
      await t.close();
    },
  );
});

describe('the audit CSV export (item 16, OWASP CSV injection)', () => {
  const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

  it('no exported cell starts with a formula trigger, and every value survives behind its apostrophe', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom(...TRIGGERS), fc.string()).map(([c, s]) => c + s),
      fc.constantFrom('=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 12, maxLength: 12 }), { maxLength: 8 }),
        (records) => {
          const parsed = parse(toCsv(records), { relax_quotes: false }) as string[][];
          const body = parsed.slice(1);
          expect(body).toHaveLength(records.length);
          body.forEach((row, i) =>
            row.forEach((value, j) => {
              expect(TRIGGERS.includes(value[0] ?? '')).toBe(false);
              const original = records[i]![j]!;
              expect(value).toBe(TRIGGERS.includes(original[0] ?? '') ? `'${original}` : original);
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('exports the filtered events through the channel, neutralised, and audits the export', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    // A name a customer or member could type, stored as it was typed.
    await t.must('auth:requestAccess', { ...MEMBER, displayName: '=cmd|"/c calc"!A1' }, 9);
    const { csv, rows, truncated } = await t.must('audit:exportCsv', {
      action: 'staff.request_access',
    });
    expect(rows).toBe(1);
    expect(truncated).toBe(false);
    const [header, row] = parse(csv) as string[][];
    expect(header).toEqual([
      'id',
      'time_utc',
      'local_time',
      'actor_id',
      'actor',
      'action',
      'target_type',
      'target_id',
      'target_name',
      'terminal',
      'outcome',
      'detail',
    ]);
    expect(row![header!.indexOf('target_name')]).toBe(`'=cmd|"/c calc"!A1`);
    expect(row![header!.indexOf('action')]).toBe('staff.request_access');
    expect(auditCount(t, 'audit.export', 'success')).toBe(1);
    await t.close();
  });
});

describe('approving an access request with a role (item 15)', () => {
  it('an admin approves a request as a manager; the default stays the role asked for', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    await t.must('auth:requestAccess', MEMBER, 9);
    await t.must('auth:requestAccess', { ...MEMBER, username: 'dan', email: 'dan@shop.test' }, 9);
    const pending = (await t.must('staff:list', { status: 'pending' })).items;
    const carl = pending.find((m) => m.username === 'carl')!.id;
    const dan = pending.find((m) => m.username === 'dan')!.id;
    expect(await t.must('staff:approve', { id: carl, role: 'manager' })).toMatchObject({
      status: 'active',
      role: 'manager',
    });
    expect(await t.must('staff:approve', { id: dan })).toMatchObject({ role: 'cashier' });
    const s = asSession(
      await t.must('auth:login', { identifier: 'carl', password: MEMBER.password }, 4),
    );
    expect(s.permissions).toContain('sales.void');
    expect(
      t.raw().prepare("SELECT detail FROM audit_events WHERE action = 'staff.approve'").all(),
    ).toEqual([{ detail: 'as manager' }, { detail: 'as cashier' }]);
    await t.close();
  });

  it('an approver without staff.manage may approve only with the role asked for (A7)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    // A shop that lets managers approve requests, but not manage staff.
    const rw = t.writable();
    rw.prepare(
      "INSERT INTO role_permissions (role_id, permission_id) VALUES ('manager', 'staff.approve')",
    ).run();
    rw.close();
    const mia = await t.must('staff:create', {
      username: 'mia',
      email: 'mia@shop.test',
      displayName: 'Mia Manager',
      role: 'manager',
      approve: true,
    });
    await t.must('auth:login', { identifier: 'mia', password: mia.temporaryPassword }, 4);
    await t.must('auth:changePassword', { newPassword: 'mia picks her own words' }, 4);
    await t.must('auth:requestAccess', MEMBER, 9);
    const carl = (await t.must('staff:list', { status: 'pending' })).items[0]!.id;

    for (const role of ['admin', 'manager'] as const)
      expect(await t.call('staff:approve', { id: carl, role }, 4)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect((await t.must('staff:list', { status: 'pending' })).items).toHaveLength(1);
    expect(await t.must('staff:approve', { id: carl, role: 'cashier' }, 4)).toMatchObject({
      status: 'active',
      role: 'cashier',
    });
    await t.close();
  });
});

describe('the pending-requests badge (item 15)', () => {
  it('counts waiting requests, and its poll never keeps an idle till from locking (S2)', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    expect(await t.must('staff:pendingCount')).toEqual({ count: 0 });
    await t.must('auth:requestAccess', MEMBER, 9);
    await t.must('auth:requestAccess', { ...MEMBER, username: 'dan', email: 'dan@shop.test' }, 9);
    expect(await t.must('staff:pendingCount')).toEqual({ count: 2 });
    // Polled every minute for 5 minutes with nobody at the till: the idle lock still comes.
    for (let minute = 0; minute < 5; minute++) {
      t.clock.advanceMinutes(1);
      if (minute < 4) expect(resultCode(await t.call('staff:pendingCount'))).toBe('ok');
    }
    expect(resultCode(await t.call('staff:list', {}))).toBe('SESSION_LOCKED');
    expect(resultCode(await t.call('staff:pendingCount', {}, 3))).toBe('UNAUTHENTICATED');
    await t.close();
  });
});
