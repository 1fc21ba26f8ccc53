/**
 * Every user-facing string goes through i18next (react-i18next in components). The catalogues
 * are JSON files, one per screen area ("namespace"): `locales/<language>/<namespace>.json`. They
 * are collected here by file name, so a new namespace needs only its two files (English and
 * German), never an edit here. Keys are English-free identifiers (`checkout:pay.title`).
 *
 * The locale (a BCP 47 tag such as "en-GB" or "de-DE") comes from the store settings; it picks
 * the catalogue by its language ("de-DE" → de, anything unknown → en) and is also the locale that
 * dates, numbers and money are formatted in (`format/locale.ts`, with Intl).
 *
 * Missing keys never reach a cashier silently: the renderer tests fail on one
 * (tests/renderer/setup.ts), and tests/renderer/i18n-catalogues.test.ts requires both catalogues
 * to hold the same keys with the same {{placeholders}}.
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages Kassa ships complete catalogues for; the first is the fallback. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale used until the store settings say otherwise. */
export const DEFAULT_LOCALE = 'en-GB';

type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

/** `{ en: { checkout: {...}, ... }, de: {...} }` from the JSON files. */
export function catalogues(): Record<string, Record<string, Catalogue>> {
  const resources: Record<string, Record<string, Catalogue>> = {};
  for (const [path, catalogue] of Object.entries(files)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!m) continue;
    const [, language, namespace] = m as unknown as [string, string, string];
    (resources[language] ??= {})[namespace] = catalogue;
  }
  return resources;
}

/** The i18next instance the renderer uses; initialised synchronously (resources are bundled). */
export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: catalogues(),
  lng: DEFAULT_LOCALE,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  defaultNS: 'common',
  ns: Object.keys(catalogues().en ?? {}),
  // React escapes text already; i18next must not escape it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

let locale = DEFAULT_LOCALE;

/** The BCP 47 locale that screens format dates, numbers and money in ("en-GB", "de-DE"). */
export function currentLocale(): string {
  return locale;
}

/** The catalogue language for a locale: "de-DE" → "de"; an unsupported one → "en". */
export function languageOf(tag: string): Language {
  const base = tag.toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

/**
 * Switches the screens to `tag` (a BCP 47 locale, e.g. from the store settings). An invalid tag
 * falls back to {@link DEFAULT_LOCALE}.
 */
export function setLocale(tag: string): void {
  let next = DEFAULT_LOCALE;
  try {
    next = Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    next = DEFAULT_LOCALE;
  }
  if (next === locale && i18n.language === next) return;
  locale = next;
  void i18n.changeLanguage(next);
  document.documentElement.lang = next;
}

/** Translates outside React (stores, messages): `t('errors:codes.INTERNAL')`. */
export const t = i18n.t.bind(i18n);
