/**
 * Every user-facing string goes through i18next (react-i18next in components). The catalogues
 * are JSON files, one per screen area ("namespace"): `locales/<language>/<namespace>.json`. They
 * are collected here by file name, so a new namespace needs only its two files (English and
 * German), never an edit here. English for the first screens ships in the first chunk; the rest
 * loads with the screens, and German when chosen. Keys are English-free identifiers (`checkout:pay.title`).
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

/**
 * The English namespaces the first screens need (sign-in, set-up, lock, the shell's frame, error
 * messages) are bundled; every other catalogue, and every other language, loads on demand, so the
 * sign-in screen's JavaScript stays small (item 23). `lazyScreen` waits for `cataloguesReady()`
 * with a screen's code, so no screen draws before its texts are here.
 */
const firstScreens = import.meta.glob<Catalogue>(
  './locales/en/{common,errors,auth,forms,shell,setup}.json',
  { eager: true, import: 'default' },
);
const onDemand = import.meta.glob<Catalogue>(
  ['./locales/*/*.json', '!./locales/en/{common,errors,auth,forms,shell,setup}.json'],
  { import: 'default' },
);

/** "./locales/de/checkout.json" → ["de", "checkout"]. */
function parsePath(path: string): [language: string, namespace: string] {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) throw new Error(`not a catalogue path: ${path}`);
  return [m[1]!, m[2]!];
}

/** The i18next instance the renderer uses; initialised synchronously with the first screens' texts. */
export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    en: Object.fromEntries(Object.entries(firstScreens).map(([p, c]) => [parsePath(p)[1], c])),
  },
  lng: DEFAULT_LOCALE,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  nonExplicitSupportedLngs: true,
  load: 'languageOnly',
  defaultNS: 'common',
  ns: Object.keys(firstScreens).map((p) => parsePath(p)[1]),
  // React escapes text already; i18next must not escape it twice.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const loading = new Map<Language, Promise<void>>();

/** Loads every catalogue of `language` not bundled (once per language). */
function loadLanguage(language: Language): Promise<void> {
  let done = loading.get(language);
  if (!done) {
    const wanted = Object.entries(onDemand).filter(([p]) => parsePath(p)[0] === language);
    done = Promise.all(
      wanted.map(async ([path, load]) => {
        i18n.addResourceBundle(language, parsePath(path)[1], await load(), true, true);
      }),
    ).then(
      () => undefined,
      (error: unknown) => {
        loading.delete(language); // A failed download can be tried again.
        throw error;
      },
    );
    loading.set(language, done);
  }
  return done;
}

/** Resolves once every catalogue of English (the fallback) and of the current language is here. */
export async function cataloguesReady(): Promise<void> {
  await Promise.all([loadLanguage('en'), loadLanguage(languageOf(locale))]);
}

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
 * Switches the screens to `tag` (a BCP 47 locale, e.g. from the store settings), once its
 * catalogues have loaded. An invalid tag falls back to {@link DEFAULT_LOCALE}.
 */
export function setLocale(tag: string): Promise<void> {
  // One switch at a time, in the order asked: the last locale asked for wins.
  switching = switching.then(
    () => switchTo(tag),
    () => switchTo(tag),
  );
  return switching;
}

let switching: Promise<void> = Promise.resolve();

/** Resolves once every locale switch asked for so far has finished (texts then read in it). */
export function localeSettled(): Promise<void> {
  return switching.catch(() => undefined);
}

async function switchTo(tag: string): Promise<void> {
  let next = DEFAULT_LOCALE;
  try {
    next = Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    next = DEFAULT_LOCALE;
  }
  if (next === locale && i18n.language === next) return;
  await Promise.all([loadLanguage('en'), loadLanguage(languageOf(next))]);
  locale = next;
  await i18n.changeLanguage(next);
  document.documentElement.lang = next;
}

/** Translates outside React (stores, messages): `t('errors:codes.INTERNAL')`. */
export const t = i18n.t.bind(i18n);
