/**
 * The cash amounts the payment dialog offers (`cashSuggestions`): the next round amounts a
 * customer hands over, from the store's notes, in currencies with small and with large figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDenominations } from '../../shared/denominations';
import { CONFIRM_FACTOR, cashSuggestions } from '../../renderer/src/features/checkout/tenders';

const notesOf = (currency: string) =>
  defaultDenominations(currency)
    .filter((d) => d.kind === 'note')
    .map((d) => d.value);

const GBP = notesOf('GBP');
/** Bank Indonesia's notes, Rp1,000 … Rp100,000 (IDR has no minor unit on screen: exponent 0). */
const IDR = notesOf('IDR');

describe('cashSuggestions', () => {
  it('rounds what is left up to each note: £7.50 gives £10, £20 and £50', () => {
    expect(cashSuggestions(750, GBP, 2)).toEqual([1000, 2000, 5000]);
    expect(cashSuggestions(250, GBP, 2)).toEqual([500, 1000, 2000, 5000]);
    expect(cashSuggestions(1340, GBP, 2)).toEqual([1500, 2000, 5000]);
  });

  it('offers amounts near a large total, not notes far below it (IDR 109,670,000)', () => {
    expect(cashSuggestions(109_670_000, IDR, 0)).toEqual([109_680_000, 109_700_000]);
    expect(cashSuggestions(85_500, IDR, 0)).toEqual([86_000, 90_000, 100_000]);
  });

  it('without a note table, stands in a 1-2-5 series of whole units', () => {
    expect(cashSuggestions(109_670_001, [], 0)).toEqual([
      110_000_000, 120_000_000, 150_000_000, 200_000_000,
    ]);
    expect(cashSuggestions(1234, [], 2)).toEqual([1300, 1400, 1500, 2000]);
  });

  it('offers nothing when nothing is left, or when a note would need the big-tender question', () => {
    expect(cashSuggestions(0, GBP, 2)).toEqual([]);
    // 1p left: a £5 note is 500 × it, over CONFIRM_FACTOR.
    expect(cashSuggestions(1, GBP, 2)).toEqual([]);
  });

  it('holds for any amount and table: above what is left, within the factor, a note multiple', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 7 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (remaining, notes, exponent) => {
          const amounts = cashSuggestions(remaining, notes, exponent);
          expect(amounts.length).toBeLessThanOrEqual(4);
          expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
          expect(new Set(amounts).size).toBe(amounts.length);
          for (const a of amounts) {
            expect(a).toBeGreaterThan(remaining);
            expect(a).toBeLessThanOrEqual(CONFIRM_FACTOR * remaining);
            expect(Number.isSafeInteger(a)).toBe(true);
            if (notes.length > 0) expect(notes.some((n) => a % n === 0)).toBe(true);
          }
        },
      ),
    );
  });
});
