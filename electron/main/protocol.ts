/**
 * Registers the `app://` protocol with Electron (E4, Electron security checklist #18). The handler
 * itself, with the path rules and the CSP header (E3), lives in app-protocol-handler.ts.
 */
import { protocol } from 'electron';
import {
  APP_SCHEME,
  createAppProtocolHandler,
  type AppProtocolOptions,
} from './app-protocol-handler';

export * from './app-protocol-handler';

/**
 * Declares `app:` as a privileged scheme: standard (origin, relative URLs), secure (like https),
 * with the Fetch API. Must run before the app's `ready` event (Electron throws otherwise).
 * `corsEnabled` is deliberately left unset: it would let other origins read app:// responses;
 * the renderer's own same-origin module scripts load without it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the bundle on `app://` for the default session. Call after `ready`, before loading the window. */
export function serveAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
