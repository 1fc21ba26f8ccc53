/**
 * Phone numbers in E.164 (ITU-T E.164: "+" then at most 15 digits), parsed with libphonenumber-js
 * in the store's country, so "07700 900123", "+44 7700 900123" and "0044 7700900123" are one
 * number (+447700900123) for storage, uniqueness and search (issue 8, item 7).
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';

/** A phone as stored: its E.164 form when it parses, else as typed; plus the digits compared. */
export interface NormalisedPhone {
  /** "+447700900123", or the trimmed input when it is not a possible number in any country. */
  stored: string;
  /** The stored form's digits ("447700900123"): what uniqueness and exact search compare. */
  digits: string;
  /** The national form's digits ("07700900123") when it parsed, for search by fragment; else null. */
  nationalDigits: string | null;
}

/** ISO 3166-1 alpha-2 code libphonenumber-js knows ("GB", "DE"), else null. */
export function phoneCountry(code: string | null | undefined): CountryCode | null {
  const c = code?.trim().toUpperCase() ?? '';
  return /^[A-Z]{2}$/.test(c) && isSupportedCountry(c) ? (c as CountryCode) : null;
}

/**
 * `raw` in E.164 when libphonenumber-js finds a possible number (length valid for its country),
 * read as a national number of `country` unless it starts with + or an international prefix.
 * Otherwise (an extension, a short code) it is kept as typed and compared by its digits, so no
 * number a shop has on file is refused or altered beyond recognition. Idempotent: normalising
 * `stored` again gives the same result.
 */
export function normalisePhone(raw: string, country: CountryCode): NormalisedPhone {
  const typed = raw.trim();
  const parsed = parsePhoneNumberFromString(typed, { defaultCountry: country });
  // A number whose E.164 form parses to another one (a national prefix read twice, as in
  // "+60 0…") is kept as typed, so normalising stays idempotent.
  if (parsed?.isPossible() && parsePhoneNumberFromString(parsed.number)?.number === parsed.number) {
    return {
      stored: parsed.number,
      digits: parsed.number.slice(1),
      nationalDigits: parsed.formatNational().replace(/\D/g, ''),
    };
  }
  return { stored: typed, digits: typed.replace(/\D/g, ''), nationalDigits: null };
}

/**
 * A stored phone for display: "+447700900123" → "+44 7700 900123"; anything else as stored. For
 * screens (about 0.1 ms a call: not for the core's search path).
 */
export function displayPhone(stored: string): string {
  const parsed = stored.startsWith('+') ? parsePhoneNumberFromString(stored) : undefined;
  return parsed?.isPossible() ? parsed.formatInternational() : stored;
}
