/**
 * Intl formatters, each built once per locale and options and then reused. Building one is the
 * expensive part: about 35 µs for an `Intl.NumberFormat` and 130 µs for an `Intl.DateTimeFormat`
 * (ICU loads the locale's data), against under 1 µs to format with one already built (Node 20,
 * 5 Dec 2026). A page of 50 sales formats a few hundred amounts and times on every render.
 *
 * A memoizing library (@formatjs/fast-memoize) ships as ES modules only, and the main process
 * loads its dependencies as CommonJS (vite.main.config.ts), hence these two maps. Their keys come
 * from the code's option sets and the store's locale, so they stay small; each is emptied if it
 * ever passes {@link MAX_FORMATS}.
 *
 * A date-time formatter given no `timeZone` keeps the default zone of the moment it was built (the
 * till's own zone, or TZ in Node). Its key therefore also holds {@link defaultZone}, so a change of
 * the computer's zone while Kassa runs gets formatters of the new zone, as a new one per call did.
 */

/** Entries a map may hold before it is emptied: far above what the screens use. */
const MAX_FORMATS = 500;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(
  formats: Map<string, F>,
  locale: string | undefined,
  options: object,
  build: () => F,
): F {
  const key = `${locale ?? ''}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // Built before it is stored: a RangeError (an unknown currency or time zone) caches nothing.
    format = build();
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** `new Intl.NumberFormat(locale, options)`, built once per locale and options. */
export function numberFormat(
  locale: string | undefined,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** Two instants half a year apart, so a zone's winter and summer offsets both show. */
const JANUARY = new Date(Date.UTC(2026, 0, 15));
const JULY = new Date(Date.UTC(2026, 6, 15));

/**
 * The default time zone as `Date` sees it now: both instants' offset and zone name ("GMT+1300
 * (New Zealand Daylight Time)"), about 2 µs each where resolving the zone's IANA name costs a new
 * formatter (about 110 µs). Two zones that agree on both, such as Paris and Berlin, share their
 * rules for present-day dates.
 */
function defaultZone(): string {
  return `${JANUARY.toString()}|${JULY.toString()}`;
}

/**
 * `new Intl.DateTimeFormat(locale, options)`, built once per locale and options, and, without
 * `options.timeZone`, per default time zone (see the file comment).
 */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  const key = options.timeZone === undefined ? { ...options, zone: defaultZone() } : options;
  return cached(dateTimeFormats, locale, key, () => new Intl.DateTimeFormat(locale, options));
}
