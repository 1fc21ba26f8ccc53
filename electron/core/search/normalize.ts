/** Apostrophe look-alikes (’ ‘ ‚ ‛ ′ ‵ ʼ ʻ ` ´ ＇) folded to ASCII ' so "o'brien" finds "O’Brien". */
const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u0060\u00b4\uff07]/g;
/** Double-quote look-alikes (“ ” „ ‟ ″ ‶ « » ＂) folded to ASCII ". */
const QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02]/g;

/** NFKD, combining marks removed, lower-case: one pass (a second catches "İ" → "i̇"). */
function foldOnce(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Folding text for search: apostrophe and quote variants to ASCII, Unicode NFKD, combining marks
 * removed, lower-case, runs of white space collapsed. "Zoë  O’Brien" → "zoe o'brien". Stored in
 * `search_*` columns so every engine compares the same bytes (SQLite's lower() only knows ASCII),
 * and applied to the query the same way. Idempotent (tests/core/customer-search-fold.test.ts).
 */
export function foldForSearch(text: string): string {
  return foldOnce(foldOnce(text.replace(APOSTROPHES, "'").replace(QUOTES, '"')))
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The digits of a phone number, for uniqueness and search: "+44 (0)20 7946-0958" → "442079460958". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Escapes `%`, `_` and the escape character itself for `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
