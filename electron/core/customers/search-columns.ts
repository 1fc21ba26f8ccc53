/** The stored columns of a customer's fields, with the search columns filled in. */
import { foldForSearch, phoneDigits } from '../search/normalize';

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

/**
 * The row columns for `f`: the phone as typed plus its digits, `search_name` = folded name and
 * `search_text` = folded `name email phone-digits` (what the FTS5 trigram index covers).
 */
export function customerSearchColumns(f: ParsedCustomerFields) {
  const digits = f.phone === null ? null : phoneDigits(f.phone);
  return {
    name: f.name,
    email: f.email,
    phone: f.phone,
    phoneDigits: digits,
    country: f.country,
    notes: f.notes,
    searchName: clipChars(foldForSearch(f.name), 120),
    searchText: clipChars(foldForSearch(`${f.name} ${f.email ?? ''} ${digits ?? ''}`), 400),
  };
}
