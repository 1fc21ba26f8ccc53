/**
 * Set-up for the renderer tests (happy-dom): jest-dom matchers, media queries that never match
 * and a window.print to spy on. Each test starts from fresh stores, no notifications and no
 * window.api.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import { preloadAllScreens } from '../../renderer/src/App';
import { i18n } from '../../renderer/src/i18n';

// findBy… and waitFor give a screen 5 s, not 1 s, to appear: with two test files on each of two
// cores and V8 coverage on (npm test), a lazily loaded screen can take longer than a second.
configure({ asyncUtilTimeout: 5_000 });

// A key missing from the English catalogue fails the test that showed it (issue 8, item 25).
const missingKeys: string[] = [];
i18n.options.saveMissing = true;
i18n.on('missingKey', (_languages: readonly string[], namespace: string, key: string) => {
  missingKeys.push(`${namespace}:${key}`);
});

// Every media query answers "no match", whatever the window's size: a screen renders the same
// layout in every test (the end-to-end run covers the real sizes in Chromium).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

// happy-dom has no window.print; the receipt's print button calls it.
window.print = () => undefined;

// Accessible names are computed from styles: happy-dom gives phrasing elements no display, which
// Testing Library takes for a block (a space in "Stock , 1 product low"); a browser's UA style
// sheet makes them inline.
const inline = document.createElement('style');
inline.textContent = 'span, a, b, i, em, strong, small, abbr, code, kbd, label { display: inline }';
document.head.append(inline);

// Screens load lazily in the app; here their code is fetched first, so no test waits on it.
await preloadAllScreens();

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  const missing = missingKeys.splice(0);
  expect(missing, 'i18n keys missing from the catalogue').toEqual([]);
});
