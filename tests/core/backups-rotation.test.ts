/**
 * The rotation of backups (D4): a pure function, checked with table cases and fast-check
 * properties: what it keeps is a subset, the newest is always kept, at most 3 + 7 + 4 + 12
 * regular and 5 safety backups survive, one a day for 7 days, and the newest of each month.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupsToKeep,
  DEFAULT_ROTATION,
  isoWeek,
  type RotatedBackup,
} from '../../electron/core/backups/rotation';

const at = (iso: string) => new Date(iso);
const b = (iso: string, safety = false): RotatedBackup => ({ name: iso, at: at(iso), safety });

describe('isoWeek', () => {
  it.each([
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2026-12-31T12:00:00Z', '2026-W53'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2027-01-04T00:00:00Z', '2027-W01'],
    ['2026-11-23T09:00:00Z', '2026-W48'],
    ['2026-11-29T23:59:59Z', '2026-W48'],
    ['2026-11-30T00:00:00Z', '2026-W49'],
  ])('%s is in %s', (iso, week) => expect(isoWeek(at(iso))).toBe(week));
});

describe('backupsToKeep', () => {
  it('keeps the 3 newest, one a day for 7 days, one a week for 4 weeks, one a month for 12', () => {
    // Four backups a day for 400 days.
    const all: RotatedBackup[] = [];
    for (let d = 0; d < 400; d++)
      for (const h of ['03', '09', '15', '21'])
        all.push(b(new Date(Date.UTC(2026, 0, 1 + d, Number(h))).toISOString()));
    const kept = [...backupsToKeep(all)].sort().reverse();
    // The 3 newest of the last day, the last of the 6 days before, then weeks and months.
    expect(kept.slice(0, 3)).toEqual([
      '2027-02-04T21:00:00.000Z',
      '2027-02-04T15:00:00.000Z',
      '2027-02-04T09:00:00.000Z',
    ]);
    const days = new Set(kept.map((k) => k.slice(0, 10)));
    for (let d = 0; d < 7; d++)
      expect(days).toContain(new Date(Date.UTC(2027, 1, 4 - d)).toISOString().slice(0, 10));
    const months = new Set(kept.map((k) => k.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(months).not.toContain('2026-02');
    expect(kept.length).toBeLessThanOrEqual(3 + 7 + 4 + 12);
  });

  it('keeps safety backups apart: the 5 newest, never counted as dailies', () => {
    const regular = [b('2026-11-20T09:00:00Z'), b('2026-11-21T09:00:00Z')];
    const safety = Array.from({ length: 8 }, (_, i) => b(`2026-11-21T1${i}:00:00Z`, true));
    const kept = backupsToKeep([...regular, ...safety]);
    expect([...kept].filter((k) => regular.some((r) => r.name === k))).toHaveLength(2);
    expect(safety.filter((s) => kept.has(s.name)).map((s) => s.name)).toEqual(
      safety.slice(3).map((s) => s.name),
    );
  });

  it('properties: a subset, the newest kept, bounded, and the same whatever the order', () => {
    const backup = fc.record({
      t: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
      safety: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(backup, { selector: (x) => x.t, maxLength: 300 }), (raw) => {
        const list = raw.map((r) => ({ name: String(r.t), at: new Date(r.t), safety: r.safety }));
        const kept = backupsToKeep(list);
        for (const k of kept) expect(list.some((x) => x.name === k)).toBe(true);
        const regular = list.filter((x) => !x.safety);
        const safety = list.filter((x) => x.safety);
        const p = DEFAULT_ROTATION;
        expect(
          [...kept].filter((k) => regular.some((x) => x.name === k)).length,
        ).toBeLessThanOrEqual(p.recent + p.daily + p.weekly + p.monthly);
        expect([...kept].filter((k) => safety.some((x) => x.name === k)).length).toBe(
          Math.min(p.safety, safety.length),
        );
        if (regular.length > 0) {
          const newest = regular.reduce((a, c) => (c.at > a.at ? c : a));
          expect(kept.has(newest.name)).toBe(true);
        }
        expect(backupsToKeep([...list].reverse())).toEqual(kept);
      }),
    );
  });
});
