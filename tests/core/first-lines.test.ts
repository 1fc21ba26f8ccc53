/**
 * FirstLines (electron/core/csv/first-lines.ts): the first line each key of an import file was
 * seen on, kept in shards so no map's growth stalls the event loop (F1). It must answer exactly
 * as one Map kept "first line wins" would, for any keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstLines } from '../../electron/core/csv/first-lines';

describe('FirstLines', () => {
  it('keeps the first line a key was noted on, and knows nothing of other keys', () => {
    const lines = new FirstLines();
    expect(lines.get('a@shop.test')).toBeUndefined();
    lines.note('a@shop.test', 2);
    lines.note('b@shop.test', 3);
    lines.note('a@shop.test', 7);
    expect(lines.get('a@shop.test')).toBe(2);
    expect(lines.get('b@shop.test')).toBe(3);
    expect(lines.get('A@shop.test')).toBeUndefined();
    expect(lines.get('')).toBeUndefined();
  });

  it('answers as one first-wins Map for any sequence of keys (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12, unit: 'binary' }), fc.nat()), {
          maxLength: 300,
        }),
        fc.array(fc.string({ maxLength: 12, unit: 'binary' }), { maxLength: 50 }),
        (notes, probes) => {
          const lines = new FirstLines();
          const model = new Map<string, number>();
          for (const [key, line] of notes) {
            expect(lines.get(key)).toBe(model.get(key));
            lines.note(key, line);
            if (!model.has(key)) model.set(key, line);
          }
          for (const key of [...probes, ...model.keys()])
            expect(lines.get(key)).toBe(model.get(key));
        },
      ),
    );
  });

  it('holds the 200,000 keys of a full-size file, each on its own first line', () => {
    const lines = new FirstLines();
    for (let i = 0; i < 200_000; i++) lines.note(`c${i}@bench.test`, i + 2);
    for (let i = 0; i < 200_000; i++) lines.note(`c${i}@bench.test`, 0);
    for (let i = 0; i < 200_000; i += 997) expect(lines.get(`c${i}@bench.test`)).toBe(i + 2);
    expect(lines.get('c200000@bench.test')).toBeUndefined();
  });
});
