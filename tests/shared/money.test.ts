/**
 * M1-M3: the money math in shared/money.ts. Golden vectors for every function (worked out by hand,
 * in the comments), then fast-check properties with a fixed seed: the parts of a split add up to
 * the whole, a priced sale's lines add up to its totals, tax-inclusive prices round-trip, and
 * refunding every unit of a line in any number of steps returns exactly its amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  currencyExponent,
  discountAmount,
  divRound,
  exclusiveTax,
  formatMoney,
  inclusiveTax,
  MAX_LINE_AMOUNT,
  MoneyError,
  parseMoney,
  percentOf,
  priceSale,
  proportionalShare,
  type DiscountInput,
  type PricedLineInput,
} from '../../shared/money';

const SEED = 0x6d6f_6e79; // "mony"
const RUNS = 300;
const opts = (offset: number) => ({ seed: SEED + offset, numRuns: RUNS });

/** Exact `a / b` rounded half away from zero, in BigInt, independent of divRound. */
function roundHalfUp(a: bigint, b: bigint): bigint {
  const neg = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const q = (2n * x + y) / (2n * y);
  return neg ? -q : q;
}

describe('divRound (half-up, mirrored for negatives)', () => {
  it.each([
    [5, 2, 3], // 2.5 → 3
    [-5, 2, -3], // −2.5 → −3 (away from zero)
    [7, 2, 4], // 3.5 → 4
    [-7, 2, -4],
    [15, 10, 2], // 1.5 → 2
    [-15, 10, -2],
    [10, 4, 3], // 2.5 → 3
    [9, 4, 2], // 2.25 → 2
    [-9, 4, -2],
    [1, 3, 0], // 0.33 → 0
    [2, 3, 1], // 0.67 → 1
    [-2, 3, -1],
    [0, 7, 0],
    [12, 4, 3], // exact
    [Number.MAX_SAFE_INTEGER, 1, Number.MAX_SAFE_INTEGER],
    [Number.MAX_SAFE_INTEGER, 2, 4503599627370496], // …0.5 → up
  ])('divRound(%d, %d) = %d', (a, b, q) => {
    expect(divRound(a, b)).toBe(q);
  });

  it('never returns −0', () => {
    expect(Object.is(divRound(-1, 3), 0)).toBe(true);
    expect(Object.is(divRound(-0, 3), 0)).toBe(true);
  });

  it.each([
    [1.5, 2],
    [1, 0],
    [1, -2],
    [Number.NaN, 2],
    [2 ** 53, 2],
    [1, 0.5],
  ])('refuses divRound(%d, %d)', (a, b) => {
    expect(() => divRound(a, b)).toThrow(MoneyError);
  });

  it('agrees with exact rational rounding on random safe integers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 20 }),
        (a, b) => BigInt(divRound(a, b)) === roundHalfUp(BigInt(a), BigInt(b)),
      ),
      opts(1),
    );
  });
});

describe('percentOf, inclusiveTax, exclusiveTax (M3)', () => {
  it.each([
    [1999, 1000, 200], // 199.9 → 200
    [25, 5000, 13], // 12.5 → 13
    [-25, 5000, -13],
    [1000, 0, 0],
    [1000, 10_000, 1000],
  ])('percentOf(%d, %d bps) = %d', (amount, bps, p) => {
    expect(percentOf(amount, bps)).toBe(p);
  });

  it.each([
    [120, 2000, 20], // 120 − round(100) = 20
    [1000, 2000, 167], // 1000 − round(833.33) = 1000 − 833
    [1, 2000, 0], // 1 − round(0.83) = 0
    [6, 2000, 1], // 6 − round(5) = 1
    [105, 500, 5], // 105 − round(100)
    [999, 2000, 166], // 999 − round(832.5) = 999 − 833
    [-120, 2000, -20], // a refund mirrors the sale
    [-999, 2000, -166],
    [1000, 0, 0],
    [1000, 10_000, 500], // 100 %: 1000 − round(500)
    [0, 2000, 0],
  ])('inclusiveTax(%d, %d bps) = %d', (gross, bps, tax) => {
    expect(inclusiveTax(gross, bps)).toBe(tax);
  });

  it.each([
    [100, 2000, 20],
    [999, 825, 82], // 82.4175 → 82
    [10, 2500, 3], // 2.5 → 3
    [-10, 2500, -3],
    [1, 4999, 0], // 0.4999 → 0
    [1, 5000, 1], // 0.5 → 1
    [1234, 0, 0],
  ])('exclusiveTax(%d, %d bps) = %d', (net, bps, tax) => {
    expect(exclusiveTax(net, bps)).toBe(tax);
  });
});

describe('allocate (largest remainder, M3)', () => {
  it.each<[number, number[], number[]]>([
    [100, [1, 1, 1], [34, 33, 33]], // the tie goes to the earliest index
    [-100, [1, 1, 1], [-34, -33, -33]],
    [2, [1, 1, 1], [1, 1, 0]],
    [10, [0, 0, 0], [4, 3, 3]], // all-zero weights: even split
    [5, [1, 2], [2, 3]], // 1.67 / 3.33: remainders 2/3 vs 1/3
    [7, [0, 5], [0, 7]],
    [300, [2900, 500], [256, 44]], // 255.88 / 44.12
    [1, [3, 3], [1, 0]],
    [0, [4, 5], [0, 0]],
    [0, [], []],
    [99, [1], [99]],
  ])('allocate(%d, %j) = %j', (total, weights, parts) => {
    const got = allocate(total, weights);
    expect(got).toEqual(parts);
    expect(got.every((p) => !Object.is(p, -0))).toBe(true);
  });

  it('refuses a non-zero amount with no parts, negative or fractional weights', () => {
    expect(() => allocate(1, [])).toThrow(MoneyError);
    expect(() => allocate(3, [1, -1])).toThrow(MoneyError);
    expect(() => allocate(3, [1.5])).toThrow(MoneyError);
    expect(() => allocate(1.5, [1])).toThrow(MoneyError);
  });

  it('property: the parts sum exactly to the total, each within 1 of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 25 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          const ws = sum === 0 ? weights.map(() => 1) : weights;
          const den = BigInt(sum === 0 ? weights.length : sum);
          parts.forEach((p, i) => {
            // |p − total·w/den| < 1  ⇔  |p·den − total·w| < den
            const diff = BigInt(p) * den - BigInt(total) * BigInt(ws[i]!);
            expect(diff < den && -diff < den, `part ${i}`).toBe(true);
            expect(Number.isSafeInteger(p)).toBe(true);
          });
        },
      ),
      opts(2),
    );
  });
});

describe('discountAmount', () => {
  it('resolves amount and percent discounts, never more than the gross', () => {
    expect(discountAmount(1000, undefined)).toBe(0);
    expect(discountAmount(1000, { type: 'amount', value: 250 })).toBe(250);
    expect(discountAmount(1000, { type: 'percent', bps: 1250 })).toBe(125);
    expect(discountAmount(1999, { type: 'percent', bps: 1000 })).toBe(200);
    expect(discountAmount(100, { type: 'amount', value: 500 })).toBe(100);
    expect(() => discountAmount(100, { type: 'amount', value: -1 })).toThrow(MoneyError);
    expect(() => discountAmount(100, { type: 'amount', value: 1.5 })).toThrow(MoneyError);
  });
});

describe('priceSale', () => {
  const lines: PricedLineInput[] = [
    { unitPrice: 1000, quantity: 3, taxRateBps: 2000, lineDiscount: 100 },
    { unitPrice: 250, quantity: 2, taxRateBps: 0, lineDiscount: 0 },
  ];

  it('tax-inclusive, with a line discount and a cart discount split by largest remainder', () => {
    // gross 3000 / 500; after line discounts 2900 / 500; cart 300 → 256 / 44 (see allocate).
    // Line 1: discount 356, net 2644, tax 2644 − round(2203.33) = 441. Line 2: discount 44, no tax.
    expect(priceSale(lines, { type: 'amount', value: 300 }, true)).toEqual({
      lines: [
        {
          unitPrice: 1000,
          quantity: 3,
          taxRateBps: 2000,
          gross: 3000,
          discount: 356,
          tax: 441,
          total: 2644,
        },
        {
          unitPrice: 250,
          quantity: 2,
          taxRateBps: 0,
          gross: 500,
          discount: 44,
          tax: 0,
          total: 456,
        },
      ],
      subtotal: 3500,
      discount: 400,
      tax: 441,
      total: 3100,
    });
  });

  it('tax-exclusive: tax is added on top, round(2644 × 20 %) = 529', () => {
    const p = priceSale(lines, { type: 'amount', value: 300 }, false);
    expect(p.lines.map((l) => [l.discount, l.tax, l.total])).toEqual([
      [356, 529, 3173],
      [44, 0, 456],
    ]);
    expect([p.subtotal, p.discount, p.tax, p.total]).toEqual([3500, 400, 529, 3629]);
  });

  it('a percentage cart discount is rounded half-up: 10 % of 1999 = 200', () => {
    const p = priceSale(
      [{ unitPrice: 1999, quantity: 1, taxRateBps: 2000, lineDiscount: 0 }],
      { type: 'percent', bps: 1000 },
      true,
    );
    // net 1799, tax 1799 − round(1499.17) = 300
    expect([p.subtotal, p.discount, p.tax, p.total]).toEqual([1999, 200, 300, 1799]);
  });

  it('a cart discount larger than the cart makes it free, never negative', () => {
    const p = priceSale(lines, { type: 'amount', value: 10_000 }, true);
    expect(p.total).toBe(0);
    expect(p.lines.every((l) => l.total === 0 && l.tax === 0)).toBe(true);
  });

  it('refuses a line over 10^9 minor units, a non-integer, or a line discount outside the line', () => {
    expect(() =>
      priceSale(
        [{ unitPrice: MAX_LINE_AMOUNT, quantity: 2, taxRateBps: 0, lineDiscount: 0 }],
        undefined,
        true,
      ),
    ).toThrow(MoneyError);
    expect(() =>
      priceSale([{ unitPrice: 1.5, quantity: 2, taxRateBps: 0, lineDiscount: 0 }], undefined, true),
    ).toThrow(MoneyError);
    expect(() =>
      priceSale(
        [{ unitPrice: 100, quantity: 1.5, taxRateBps: 0, lineDiscount: 0 }],
        undefined,
        true,
      ),
    ).toThrow(MoneyError);
    expect(() =>
      priceSale(
        [{ unitPrice: 100, quantity: 1, taxRateBps: 0, lineDiscount: 101 }],
        undefined,
        true,
      ),
    ).toThrow(MoneyError);
    expect(() =>
      priceSale(
        [{ unitPrice: 100, quantity: 1, taxRateBps: 0, lineDiscount: -1 }],
        undefined,
        true,
      ),
    ).toThrow(MoneyError);
  });

  const discountArb: fc.Arbitrary<DiscountInput | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 0, max: 2_000_000 }).map((value) => ({ type: 'amount' as const, value })),
    fc.integer({ min: 0, max: 10_000 }).map((bps) => ({ type: 'percent' as const, bps })),
  );
  const lineArb = fc
    .record({
      unitPrice: fc.integer({ min: 0, max: 100_000 }),
      quantity: fc.integer({ min: 1, max: 9_999 }),
      taxRateBps: fc.oneof(fc.constantFrom(0, 500, 825, 2000, 10_000), fc.nat(10_000)),
      discount: discountArb,
    })
    .map(({ unitPrice, quantity, taxRateBps, discount }): PricedLineInput => ({
      unitPrice,
      quantity,
      taxRateBps,
      lineDiscount: discountAmount(unitPrice * quantity, discount),
    }));
  const saleArb = fc.tuple(fc.array(lineArb, { minLength: 1, maxLength: 12 }), discountArb);

  it('property: the lines add up to subtotal, discount, tax and total, in both tax modes', () => {
    fc.assert(
      fc.property(saleArb, fc.boolean(), ([ls, cart], inclusive) => {
        const p = priceSale(ls, cart, inclusive);
        const sum = (f: (l: (typeof p.lines)[number]) => number) =>
          p.lines.reduce((a, l) => a + f(l), 0);
        expect(p.subtotal).toBe(sum((l) => l.gross));
        expect(p.discount).toBe(sum((l) => l.discount));
        expect(p.tax).toBe(sum((l) => l.tax));
        expect(p.total).toBe(sum((l) => l.total));
        p.lines.forEach((l, i) => {
          expect(l.gross).toBe(ls[i]!.unitPrice * ls[i]!.quantity);
          expect(l.discount).toBeGreaterThanOrEqual(ls[i]!.lineDiscount);
          expect(l.discount).toBeLessThanOrEqual(l.gross);
        });
        // The cart discount taken is exactly what discountAmount resolves on the discounted cart.
        const afterLine = ls.reduce((a, l) => a + l.unitPrice * l.quantity - l.lineDiscount, 0);
        expect(p.discount - ls.reduce((a, l) => a + l.lineDiscount, 0)).toBe(
          discountAmount(afterLine, cart),
        );
      }),
      opts(3),
    );
  });

  it('property (inclusive): total = subtotal − discount and 0 ≤ tax ≤ total', () => {
    fc.assert(
      fc.property(saleArb, ([ls, cart]) => {
        const p = priceSale(ls, cart, true);
        expect(p.total).toBe(p.subtotal - p.discount);
        expect(p.tax).toBeGreaterThanOrEqual(0);
        expect(p.tax).toBeLessThanOrEqual(p.total);
        for (const l of p.lines) {
          expect(l.tax).toBeGreaterThanOrEqual(0);
          expect(l.tax).toBeLessThanOrEqual(l.total);
        }
      }),
      opts(4),
    );
  });

  it('property (exclusive): total = subtotal − discount + tax', () => {
    fc.assert(
      fc.property(saleArb, ([ls, cart]) => {
        const p = priceSale(ls, cart, false);
        expect(p.total).toBe(p.subtotal - p.discount + p.tax);
        for (const l of p.lines) expect(l.total).toBe(l.gross - l.discount + l.tax);
      }),
      opts(5),
    );
  });

  it('property (inclusive round trip): net = total − tax equals round(total / (1 + rate))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_LINE_AMOUNT }),
        fc.oneof(fc.constantFrom(0, 500, 825, 2000, 10_000), fc.nat(10_000)),
        (total, bps) => {
          const net = total - inclusiveTax(total, bps);
          const exact = roundHalfUp(BigInt(total) * 10_000n, BigInt(10_000 + bps));
          expect(BigInt(net)).toBe(exact);
          // and for a refund, the exact mirror
          expect(inclusiveTax(-total, bps) + 0).toBe(-inclusiveTax(total, bps) + 0);
        },
      ),
      opts(6),
    );
    // The same on every line of priced sales.
    fc.assert(
      fc.property(saleArb, ([ls, cart]) => {
        for (const l of priceSale(ls, cart, true).lines) {
          const exact = roundHalfUp(BigInt(l.total) * 10_000n, BigInt(10_000 + l.taxRateBps));
          expect(BigInt(l.total - l.tax)).toBe(exact);
        }
      }),
      opts(7),
    );
  });
});

describe('proportionalShare (partial refunds)', () => {
  it('refunding 1 of 3 and then 2 of 3 returns the amount exactly', () => {
    // 100 / 3: round(33.33) = 33, then round(100) − 33 = 67
    expect(proportionalShare(100, 3, 0, 1)).toBe(33);
    expect(proportionalShare(100, 3, 1, 2)).toBe(67);
    // −5 over 2 units: round(−2.5) = −3, then −5 − (−3) = −2
    expect(proportionalShare(-5, 2, 0, 1)).toBe(-3);
    expect(proportionalShare(-5, 2, 1, 1)).toBe(-2);
    expect(proportionalShare(7, 7, 0, 7)).toBe(7);
    expect(proportionalShare(7, 7, 3, 0)).toBe(0);
  });

  it('refuses shares out of range', () => {
    expect(() => proportionalShare(100, 0, 0, 0)).toThrow(MoneyError);
    expect(() => proportionalShare(100, 3, 2, 2)).toThrow(MoneyError);
    expect(() => proportionalShare(100, 3, -1, 1)).toThrow(MoneyError);
    expect(() => proportionalShare(1.5, 3, 0, 1)).toThrow(MoneyError);
  });

  it('property: refunding all units in any random partition returns exactly the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_LINE_AMOUNT, max: MAX_LINE_AMOUNT }),
        fc.integer({ min: 1, max: 9_999 }),
        fc.array(fc.integer({ min: 1, max: 9_999 }), { minLength: 1, maxLength: 30 }),
        (amount, of, cuts) => {
          // Split `of` into steps from the random cut points.
          const points = [...new Set(cuts.map((c) => c % of))]
            .filter((c) => c > 0)
            .sort((a, b) => a - b);
          const bounds = [0, ...points, of];
          let before = 0;
          let sum = 0;
          for (let i = 1; i < bounds.length; i += 1) {
            const taken = bounds[i]! - bounds[i - 1]!;
            const share = proportionalShare(amount, of, before, taken);
            // each step is within 1 of its exact proportion
            const diff = BigInt(share) * BigInt(of) - BigInt(amount) * BigInt(taken);
            expect(diff <= BigInt(of) && -diff <= BigInt(of)).toBe(true);
            sum += share;
            before += taken;
          }
          expect(before).toBe(of);
          expect(sum).toBe(amount);
        },
      ),
      opts(8),
    );
  });
});

describe('parseMoney', () => {
  it.each<[string, number, number | null]>([
    ['2.55', 2, 255],
    ['0.5', 2, 50],
    ['-1.2', 2, -120],
    ['1.234', 2, null],
    ['1.230', 2, 123],
    ['abc', 2, null],
    ['3', 2, 300],
    ['3.', 2, 300],
    [' 12.34 ', 2, 1234],
    ['-0', 2, 0],
    ['-0.00', 2, 0],
    ['0.01', 2, 1],
    ['1,000', 2, null],
    ['1e3', 2, null],
    ['.5', 2, null],
    ['', 2, null],
    ['+1', 2, null],
    ['--1', 2, null],
    ['1.2.3', 2, null],
    ['NaN', 2, null],
    ['Infinity', 2, null],
    ['100', 0, 100],
    ['100.5', 0, null],
    ['100.0', 0, 100],
    ['1.234', 3, 1234],
    ['1.2345', 3, null],
    ['9999999999999', 2, 999999999999900],
    ['99999999999999', 2, null], // 14 integer digits
  ])('parseMoney(%j, exponent %d) = %j', (text, exp, value) => {
    const got = parseMoney(text, exp);
    expect(got).toBe(value);
    if (got !== null) expect(Object.is(got, -0)).toBe(false);
  });

  it('property: formatting minor units as a plain decimal and parsing gives them back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.constantFrom(0, 2, 3),
        (minor, exp) => {
          const abs = Math.abs(minor)
            .toString()
            .padStart(exp + 1, '0');
          const text =
            (minor < 0 ? '-' : '') + (exp === 0 ? abs : `${abs.slice(0, -exp)}.${abs.slice(-exp)}`);
          expect(parseMoney(text, exp)).toBe(minor);
        },
      ),
      opts(9),
    );
  });
});

describe('currencies and formatting', () => {
  it.each([
    ['JPY', 0],
    ['GBP', 2],
    ['USD', 2],
    ['EUR', 2],
    ['KWD', 3],
    ['BHD', 3],
  ])('currencyExponent(%s) = %d', (c, e) => {
    expect(currencyExponent(c)).toBe(e);
  });

  it('formats minor units at the edge with Intl', () => {
    expect(formatMoney(1234, 'GBP', 'en-GB')).toBe('£12.34');
    expect(formatMoney(-500, 'USD', 'en-US')).toBe('-$5.00');
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
    expect(formatMoney(123456789, 'EUR', 'de-DE')).toBe('1.234.567,89\u00a0€');
    expect(formatMoney(5, 'GBP', 'en-GB')).toBe('£0.05');
  });
});
