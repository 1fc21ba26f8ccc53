/**
 * Navigation and new-window guards for every webContents.
 *
 * E6 (Electron security checklist #13 "disable or limit navigation", #14 "disable or limit
 * creation of new windows"): `will-navigate`, `will-frame-navigate` and `will-redirect` to
 * anything but the app origin are cancelled, and `setWindowOpenHandler` always answers
 * `{ action: 'deny' }`. A denied `window.open`/`target=_blank` of an allowlisted https link is
 * passed to the E8 opener, which decides on its own whether the browser may open it.
 * E1 (#11, #12): `will-attach-webview` is cancelled, so no `<webview>` can ever attach.
 */
import type { WebContents } from 'electron';
import { isSameOrigin } from './origin';

/** The part of an Electron navigation event the guard uses. */
export interface PreventableEvent {
  preventDefault(): void;
}

/**
 * Cancels a navigation unless its target is on `appOrigin`. Returns true when it was allowed.
 * Same-origin targets are allowed so the renderer can reload itself (`app://kassa/index.html`).
 */
export function guardNavigation(
  event: PreventableEvent,
  targetUrl: string,
  appOrigin: string,
): boolean {
  if (isSameOrigin(targetUrl, appOrigin)) return true;
  event.preventDefault();
  return false;
}

/** What the window-open handler answers: always deny (E6). */
export function denyWindowOpen(
  details: { url: string },
  openExternal: (url: string) => unknown = () => undefined,
): { action: 'deny' } {
  void openExternal(details.url);
  return { action: 'deny' };
}

export interface NavigationGuardOptions {
  /** The only origin a webContents may navigate to, e.g. `app://kassa`. */
  appOrigin: string;
  /** Called with the URL of a denied new window: the E8 opener (it applies its own allowlist). */
  openExternal?: (url: string) => unknown;
  /** Told about every blocked attempt, for the log. */
  onBlocked?: (kind: 'navigate' | 'redirect' | 'window-open' | 'webview', url: string) => void;
}

/**
 * Installs the E6 guards (and the no-webview rule of E1) on one webContents. Call it from
 * `app.on('web-contents-created')` so that every webContents, not only the main window, is covered.
 */
export function applyNavigationGuards(
  contents: WebContents,
  options: NavigationGuardOptions,
): void {
  const { appOrigin, onBlocked } = options;
  contents.on('will-navigate', (event) => {
    if (!guardNavigation(event, event.url, appOrigin)) onBlocked?.('navigate', event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!guardNavigation(event, event.url, appOrigin)) onBlocked?.('navigate', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!guardNavigation(event, event.url, appOrigin)) onBlocked?.('redirect', event.url);
  });
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    onBlocked?.('webview', params.src ?? '');
  });
  contents.setWindowOpenHandler((details) => {
    onBlocked?.('window-open', details.url);
    return denyWindowOpen(details, options.openExternal);
  });
}
