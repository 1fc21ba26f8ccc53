/**
 * Set-up for the renderer tests (jsdom): jest-dom matchers, and the browser APIs Mantine uses that
 * jsdom lacks. Each test starts from fresh stores, no notifications and no window.api.
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

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;

window.HTMLElement.prototype.scrollIntoView = function scrollIntoView(): void {};

// Mantine reads computed styles with a pseudo-element argument that jsdom does not implement.
const { getComputedStyle } = window;
window.getComputedStyle = (element: Element) => getComputedStyle(element);

// Screens load lazily in the app; here their code is fetched first, so no test waits on it.
await preloadAllScreens();

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  const missing = missingKeys.splice(0);
  expect(missing, 'i18n keys missing from the catalogue').toEqual([]);
});
