/**
 * shared/intl-formats.ts: one formatter per locale and options, formatting exactly as a new one
 * would, in the computer's time zone of the moment, nothing cached for options Intl refuses, and
 * a bounded cache.
 */
import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../shared/intl-formats';
import { formatMoney } from '../../shared/money';

describe('Intl formatters built once', () => {
  it('hands back the same formatter for the same locale and options, another for others', () => {
    const gbp = { style: 'currency', currency: 'GBP' } as const;
    expect(numberFormat('en-GB', gbp)).toBe(numberFormat('en-GB', { ...gbp }));
    expect(numberFormat('de-DE', gbp)).not.toBe(numberFormat('en-GB', gbp));
    expect(numberFormat('en-GB', { ...gbp, currency: 'EUR' })).not.toBe(numberFormat('en-GB', gbp));
    const short = { timeStyle: 'short' } as const;
    expect(dateTimeFormat('en-GB', short)).toBe(dateTimeFormat('en-GB', short));
    expect(dateTimeFormat('en-GB', { dateStyle: 'medium' })).not.toBe(
      dateTimeFormat('en-GB', short),
    );
  });

  it('formats as a formatter built for the call would, whatever was cached before', () => {
    const when = new Date('2026-11-23T10:42:00Z');
    for (const locale of ['en-GB', 'de-DE', 'ja-JP', undefined]) {
      for (const options of [
        { dateStyle: 'medium', timeStyle: 'short' },
        { timeStyle: 'short', timeZone: 'UTC' },
        { weekday: 'short', timeZone: 'UTC' },
      ] as const) {
        expect(dateTimeFormat(locale, options).format(when)).toBe(
          new Intl.DateTimeFormat(locale, options).format(when),
        );
      }
      for (const [minor, currency] of [
        [123456, 'GBP'],
        [-5, 'EUR'],
        [1999, 'JPY'],
        [1234567, 'KWD'],
      ] as const) {
        const exponent = new Intl.NumberFormat('en', {
          style: 'currency',
          currency,
        }).resolvedOptions().maximumFractionDigits!;
        expect(formatMoney(minor, currency, locale)).toBe(
          new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
            minor / 10 ** exponent,
          ),
        );
      }
    }
  });

  it("follows a change of the computer's time zone when the options name none", () => {
    const saved = process.env.TZ;
    const when = new Date('2026-11-23T10:42:00Z');
    const options = { dateStyle: 'medium', timeStyle: 'short' } as const;
    try {
      for (const zone of [
        'Pacific/Auckland',
        'Europe/London',
        'America/New_York',
        'Asia/Kolkata',
      ]) {
        process.env.TZ = zone;
        expect(dateTimeFormat('en-GB', options).format(when)).toBe(
          new Intl.DateTimeFormat('en-GB', options).format(when),
        );
        expect(dateTimeFormat('en-GB', options).resolvedOptions().timeZone).toBe(
          new Intl.DateTimeFormat().resolvedOptions().timeZone,
        );
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it('caches nothing for options Intl refuses: the same RangeError every time', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => numberFormat('en-GB', { style: 'currency', currency: 'XXXX' })).toThrow(
        RangeError,
      );
      expect(() => dateTimeFormat('en-GB', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    }
  });

  it('empties the cache past 500 formatters instead of growing without end', () => {
    // Intl ignores unknown options, so each `probe` makes a new key and a working formatter.
    const first = numberFormat('en-GB', { probe: 0 } as Intl.NumberFormatOptions);
    expect(numberFormat('en-GB', { probe: 0 } as Intl.NumberFormatOptions)).toBe(first);
    for (let i = 1; i <= 500; i++) numberFormat('en-GB', { probe: i } as Intl.NumberFormatOptions);
    const again = numberFormat('en-GB', { probe: 0 } as Intl.NumberFormatOptions);
    expect(again).not.toBe(first);
    expect(again.format(1234.5)).toBe('1,234.5');
  });
});
