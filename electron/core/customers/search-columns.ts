/** The stored columns of a customer's fields, with the phone in E.164 and the search columns. */
import type { CountryCode } from 'libphonenumber-js';
import { normalisePhone } from '../../../shared/phone';
import { foldForSearch } from '../search/normalize';

/** A customer's fields as the contract parses them (email lower-cased, blanks as null). */
export interface ParsedCustomerFields {
  name: string;
  email: string | null;
  phone: string | null;
  country: string | null;
  notes: string | null;
}

/** At most `max` characters (code points), so folding that lengthens text still fits the column. */
function clipChars(s: string, max: number): string {
  return Array.from(s).slice(0, max).join('');
}

/** `search_text`: folded `name email digits…`, capped at the column's 400 characters. */
export function customerSearchText(
  name: string,
  email: string | null,
  digits: ReadonlyArray<string | null | undefined>,
): string {
  return clipChars(
    foldForSearch(`${name} ${email ?? ''} ${digits.filter(Boolean).join(' ')}`),
    400,
  );
}

/**
 * The row columns for `f`, the phone read in `country` (the store's, see store-country.ts):
 * - `phone`: E.164 ("+447700900123") when it parses, else as typed (shared/phone.ts);
 * - `phoneDigits`: the stored phone's digits, what uniqueness and exact search compare;
 * - `searchName`: the folded name;
 * - `searchText`: folded `name email e164-digits national-digits` (what the FTS5 trigram index
 *   covers), so "7700 900" and "07700 900" both find +447700900123.
 */
export function customerSearchColumns(f: ParsedCustomerFields, country: CountryCode) {
  const phone = f.phone === null ? null : normalisePhone(f.phone, country);
  return {
    name: f.name,
    email: f.email,
    phone: phone?.stored ?? null,
    phoneDigits: phone?.digits ?? null,
    country: f.country,
    notes: f.notes,
    searchName: clipChars(foldForSearch(f.name), 120),
    searchText: customerSearchText(f.name, f.email, [phone?.digits, phone?.nationalDigits]),
  };
}
