/**
 * Cash denominations per currency, and the pure arithmetic of a cash count (issue 10, section 1):
 * the float counted when a shift opens and the blind count when it closes are lists of
 * "so many of this note or coin". Every value is an integer in the currency's minor unit (M1):
 * pence, cents, rappen, öre, yen (exponent 0), fils (exponent 3, so 1 KWD = 1000).
 *
 * The tables are the notes and coins in circulation as issued by the central banks (Bank of
 * England, ECB, US Federal Reserve/Mint, Swiss National Bank, Riksbank, Bank of Japan, Central
 * Bank of Kuwait, Bank Indonesia, Bank of Korea, Reserve Bank of India). A store may edit its own table (`shifts:setDenominations`); these are the
 * defaults. Shared by the core (which checks a count against the store's table) and the screens
 * (which show the counting grid and its running total).
 */
import { currencyExponent, MoneyError } from './money';

export type DenominationKind = 'note' | 'coin';

/** One note or coin: its face value in minor units. */
export interface Denomination {
  value: number;
  kind: DenominationKind;
}

/** One line of a count: `quantity` pieces of the note or coin worth `value` minor units. */
export interface DenominationCount {
  value: number;
  quantity: number;
}

const notes = (...values: number[]): Denomination[] =>
  values.map((value) => ({ value, kind: 'note' }));
const coins = (...values: number[]): Denomination[] =>
  values.map((value) => ({ value, kind: 'coin' }));

/** The default tables, largest first, notes then coins. */
export const DEFAULT_DENOMINATIONS: Readonly<Record<string, readonly Denomination[]>> = {
  GBP: [...notes(5000, 2000, 1000, 500), ...coins(200, 100, 50, 20, 10, 5, 2, 1)],
  EUR: [
    ...notes(50000, 20000, 10000, 5000, 2000, 1000, 500),
    ...coins(200, 100, 50, 20, 10, 5, 2, 1),
  ],
  // The $1 coin is left out: a table holds each value once, and the $1 note is the common one.
  USD: [...notes(10000, 5000, 2000, 1000, 500, 200, 100), ...coins(50, 25, 10, 5, 1)],
  CHF: [...notes(100000, 20000, 10000, 5000, 2000, 1000), ...coins(500, 200, 100, 50, 20, 10, 5)],
  SEK: [...notes(100000, 50000, 20000, 10000, 5000, 2000), ...coins(1000, 500, 200, 100)],
  JPY: [...notes(10000, 5000, 2000, 1000), ...coins(500, 100, 50, 10, 5, 1)],
  KWD: [...notes(20000, 10000, 5000, 1000, 500, 250), ...coins(100, 50, 20, 10, 5)],
  // Rupiah and won have no minor unit on screen (exponent 0). Rp1,000 is a note and a coin.
  IDR: [...notes(100000, 50000, 20000, 10000, 5000, 2000, 1000), ...coins(500, 200, 100)],
  KRW: [...notes(50000, 10000, 5000, 1000), ...coins(500, 100, 50, 10)],
  // The ₹2,000 note is withdrawn; ₹10 and ₹20 are notes and coins.
  INR: [...notes(50000, 20000, 10000, 5000, 2000, 1000), ...coins(500, 200, 100)],
};

/** The most pieces of one denomination in one count (a bag of 10,000 coins is already a lot). */
export const MAX_DENOMINATION_QUANTITY = 100_000;
/** The most denominations a currency's table may hold. */
export const MAX_DENOMINATIONS = 40;

/**
 * The default table of `currency` (ISO 4217, upper case), largest first; an empty list for a
 * currency Kassa has no table for (the store enters its own in Settings).
 */
export function defaultDenominations(currency: string): Denomination[] {
  return [...(DEFAULT_DENOMINATIONS[currency] ?? [])];
}

/**
 * The over/short above which a shift's close needs a note when the store has set none (minor
 * units): about five euros, and one of the currency's own notes or coins. A few coins out is the
 * counting noise of every drawer; more is worth a word to whoever reads the Z report.
 */
const DEFAULT_NOTE_THRESHOLDS: Readonly<Record<string, number>> = {
  GBP: 500,
  EUR: 500,
  USD: 500,
  CHF: 500,
  SEK: 5000,
  JPY: 500,
  KWD: 1000,
  IDR: 50000,
  KRW: 5000,
  INR: 50000,
};

/**
 * The default over/short note threshold of `currency` (ISO 4217), minor units: the table above,
 * else five whole units of the currency (500 for an exponent of 2). Never a fixed count of minor
 * units, which would be £5 in one store and a fraction of a cent in another.
 */
export function defaultNoteThreshold(currency: string): number {
  return DEFAULT_NOTE_THRESHOLDS[currency] ?? 5 * 10 ** currencyExponent(currency);
}

/**
 * The value of a count in minor units: Σ value × quantity. Throws MoneyError on a value or
 * quantity that is not a non-negative safe integer, or a total that is not safe (M2).
 */
export function countTotal(count: readonly DenominationCount[]): number {
  let total = 0;
  for (const c of count) {
    if (!Number.isSafeInteger(c.value) || c.value <= 0)
      throw new MoneyError(`a denomination must be a positive whole number, got ${c.value}`);
    if (!Number.isSafeInteger(c.quantity) || c.quantity < 0)
      throw new MoneyError(`a quantity must be a whole number ≥ 0, got ${c.quantity}`);
    total += c.value * c.quantity;
    if (!Number.isSafeInteger(total)) throw new MoneyError('the count is too large');
  }
  return total;
}

/**
 * The values in `count` that are not in `table` (a count may only use the store's notes and
 * coins), and the values counted twice. Empty lists mean the count is well-formed.
 */
export function countProblems(
  count: readonly DenominationCount[],
  table: readonly Denomination[],
): { unknown: number[]; duplicates: number[] } {
  const known = new Set(table.map((d) => d.value));
  const seen = new Set<number>();
  const unknown: number[] = [];
  const duplicates: number[] = [];
  for (const c of count) {
    if (!known.has(c.value)) unknown.push(c.value);
    if (seen.has(c.value)) duplicates.push(c.value);
    seen.add(c.value);
  }
  return { unknown, duplicates };
}

/** Over (positive) or short (negative): counted − expected, in minor units. */
export function overShort(expected: number, counted: number): number {
  const d = counted - expected;
  return d === 0 ? 0 : d;
}

/**
 * Whether a close needs a note: true when any |over/short| is above the store's threshold
 * (`overShortNoteThreshold`, minor units; 0 means any difference needs one).
 */
export function noteRequired(differences: readonly number[], threshold: number): boolean {
  return differences.some((d) => Math.abs(d) > threshold);
}

/**
 * The cash expected in the drawer: float + cash taken (sales − refunds − voids, as the shift's
 * figures give it) + paid in − paid out. All minor units.
 */
export function expectedCash(f: {
  float: number;
  cashNet: number;
  paidIn: number;
  paidOut: number;
}): number {
  return f.float + f.cashNet + f.paidIn - f.paidOut;
}
