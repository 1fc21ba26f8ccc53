/**
 * The Content-Security-Policy sent as a response header with every renderer response (E3;
 * Electron security checklist #7). No inline code and no eval are allowed. The app:// protocol
 * handler and the end-to-end test server both send exactly this.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The origin the renderer is served from in the app (E4). */
export const APP_ORIGIN = 'app://kassa';
