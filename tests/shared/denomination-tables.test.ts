/**
 * Kassa's default denomination tables (shared/denominations.ts): each is a table a store could
 * have entered itself (`shifts:setDenominations` takes it: 1..40 values, each once), largest
 * first, notes before coins, and every value is a whole number of the currency's minor unit.
 */
import { describe, expect, it } from 'vitest';
import { shiftChannels } from '../../shared/contract/shifts';
import {
  DEFAULT_DENOMINATIONS,
  defaultDenominations,
  defaultNoteThreshold,
  MAX_DENOMINATIONS,
} from '../../shared/denominations';
import { currencyExponent } from '../../shared/money';

describe('default denomination tables', () => {
  const tables = Object.entries(DEFAULT_DENOMINATIONS);

  it('has a table for the currencies of large figures too (IDR, KRW) and for INR', () => {
    expect(Object.keys(DEFAULT_DENOMINATIONS)).toEqual(
      expect.arrayContaining([
        'GBP',
        'EUR',
        'USD',
        'CHF',
        'SEK',
        'JPY',
        'KWD',
        'IDR',
        'KRW',
        'INR',
      ]),
    );
    expect(defaultDenominations('IDR')[0]).toEqual({ value: 100_000, kind: 'note' });
    expect(defaultDenominations('INR')[0]).toEqual({ value: 50_000, kind: 'note' }); // ₹500
    expect(defaultDenominations('XYZ')).toEqual([]);
  });

  it.each(tables)('%s: largest first, notes before coins, each value once', (currency, table) => {
    expect(table.length).toBeGreaterThan(0);
    expect(table.length).toBeLessThanOrEqual(MAX_DENOMINATIONS);
    const values = table.map((d) => d.value);
    expect(new Set(values).size).toBe(values.length);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const kinds = table.map((d) => d.kind).join(' ');
    expect(kinds).toMatch(/^(note ?)+(coin ?)*$/);
    for (const v of values) expect(Number.isSafeInteger(v) && v > 0).toBe(true);
    // A store could have typed it in: the channel's own schema accepts it.
    const input = shiftChannels['shifts:setDenominations'].input;
    expect(input.safeParse({ currency, denominations: [...table] }).success).toBe(true);
    expect(currencyExponent(currency)).toBeGreaterThanOrEqual(0);
  });

  it("sets each currency's default over/short note threshold at one of its own notes or coins", () => {
    for (const [currency, table] of tables)
      expect([currency, table.map((d) => d.value)]).toEqual([
        currency,
        expect.arrayContaining([defaultNoteThreshold(currency)]),
      ]);
    expect(defaultNoteThreshold('GBP')).toBe(500);
    expect(defaultNoteThreshold('IDR')).toBe(50_000);
    // Without a table: five whole units, whatever the currency's exponent.
    expect(defaultNoteThreshold('MXN')).toBe(500);
    expect(defaultNoteThreshold('BHD')).toBe(5_000);
    expect(defaultNoteThreshold('ISK')).toBe(5);
  });
});
