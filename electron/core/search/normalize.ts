/**
 * Folding text for search: Unicode NFKD, combining marks removed, lower-case, runs of white space
 * collapsed. "Zoë  O'Brien" → "zoe o'brien". Stored in `search_*` columns so every engine compares
 * the same bytes (SQLite's lower() only knows ASCII), and applied to the query the same way.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The digits of a phone number, for uniqueness and search: "+44 (0)20 7946-0958" → "442079460958". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Escapes `%`, `_` and the escape character itself for `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
