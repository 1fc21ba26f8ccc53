/**
 * The request handler behind the `app://` protocol that serves the renderer bundle (dist/renderer).
 *
 * E4 (Electron security checklist #18 "avoid usage of the file:// protocol and prefer usage of
 * custom protocols"): the UI is served from `app://kassa/`, and any path that would resolve
 * outside the bundle (`..`, `%2e%2e`, encoded slashes or backslashes, absolute or drive paths,
 * symlinks leading out) is answered 403 or 404.
 * E3 (#7 "define a Content Security Policy"): every response, errors included, carries the CSP
 * from shared/csp.ts as a response header.
 *
 * Everything here is pure Node (Fetch API `Request` and `Response`) and never imports
 * `electron`: the app serves the bundle with it through `protocol.handle` (protocol.ts), and the
 * browser end-to-end server serves it with the very same handler.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { originOf } from './origin';

/** The custom scheme name, without the colon. */
export const APP_SCHEME = 'app';

/** Where a request resolves: a file inside the bundle, or the status to refuse it with. */
export type BundlePathResolution =
  { ok: true; filePath: string } | { ok: false; status: 403 | 404 };

/** A dot segment, raw or percent-encoded in any mix (`..`, `%2e%2e`, `.%2E`, `%2e`). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
/** Characters a decoded path segment may never contain: separators, NUL, a drive/stream colon. */
const FORBIDDEN_IN_SEGMENT = /[/\\\0:]/;

/**
 * Maps a request URL to a file inside `bundleRoot`, or to 403/404. Pure: no file-system access.
 *
 * - Another scheme or host than `appOrigin` → 404.
 * - `app://kassa` and `app://kassa/` → `index.html`.
 * - Any dot segment in the raw URL (`..`, `%2e%2e`; Chromium normally removes them first),
 *   an empty segment (`//etc/passwd`), an undecodable escape, or a decoded segment holding `/`,
 *   `\`, NUL or `:` (`%2f`, `%5c`, `C:`) → 403.
 * - A result that is not strictly inside `bundleRoot` → 403.
 *
 * @param bundleRoot absolute directory of the built renderer
 * @param requestUrl the full request URL, e.g. `app://kassa/assets/index-abc.js?v=1`
 * @param appOrigin the only origin served, default `app://kassa`
 */
export function resolveBundlePath(
  bundleRoot: string,
  requestUrl: string,
  appOrigin: string = APP_ORIGIN,
): BundlePathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 404 };
  }
  if (originOf(requestUrl) !== originOf(appOrigin)) return { ok: false, status: 404 };

  // Look at the path as sent, before WHATWG normalisation quietly drops `..` segments.
  const rawPath = rawPathOf(requestUrl);
  if (rawPath.split(/[/\\]/).some((segment) => DOT_SEGMENT.test(segment)))
    return { ok: false, status: 403 };

  const pathname = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname;
  const segments: string[] = [];
  for (const encoded of pathname.slice(1).split('/')) {
    if (encoded === '') return { ok: false, status: 403 };
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 403 };
    }
    if (segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment))
      return { ok: false, status: 403 };
    segments.push(segment);
  }

  const root = path.resolve(bundleRoot);
  const filePath = path.resolve(root, ...segments);
  if (!isStrictlyInside(root, filePath)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/** The path part of a URL string exactly as written: after `scheme://authority`, before `?`/`#`. */
function rawPathOf(requestUrl: string): string {
  const afterScheme = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*/i, '');
  return afterScheme.split(/[?#]/, 1)[0] ?? '';
}

function isStrictlyInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name by extension; `application/octet-stream` when unknown. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers sent with every app:// response, success or error (E3). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** File-system access the handler needs; injectable for tests. Defaults to node:fs/promises. */
export interface BundleFileSystem {
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<{ isFile(): boolean }>;
  readFile(p: string): Promise<Uint8Array>;
}

export interface AppProtocolOptions {
  /** Absolute path of dist/renderer (inside app.asar when packaged). */
  bundleRoot: string;
  /** Defaults to `app://kassa`. */
  appOrigin?: string;
  fileSystem?: BundleFileSystem;
}

const nodeFileSystem: BundleFileSystem = {
  realpath: (p) => fs.realpath(p),
  stat: (p) => fs.stat(p),
  readFile: (p) => fs.readFile(p),
};

/**
 * Builds the `protocol.handle` callback: `(request) => Promise<Response>`. Never rejects.
 *
 * - GET/HEAD only (405 otherwise); refused paths answer 403/404 per `resolveBundlePath`;
 * - a file whose real path (symlinks followed) leaves the bundle → 403; missing file or a
 *   directory → 404; an unexpected read error → 500;
 * - every response carries `securityHeaders()` (E3).
 */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;
  const files = options.fileSystem ?? nodeFileSystem;
  let realRoot: Promise<string> | undefined;

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405);
    const resolved = resolveBundlePath(options.bundleRoot, request.url, appOrigin);
    if (!resolved.ok) return plainResponse(resolved.status);
    try {
      realRoot ??= files.realpath(path.resolve(options.bundleRoot));
      const [root, real] = await Promise.all([realRoot, files.realpath(resolved.filePath)]);
      if (!isStrictlyInside(root, real)) return plainResponse(403);
      if (!(await files.stat(real)).isFile()) return plainResponse(404);
      const body = request.method === 'HEAD' ? null : await files.readFile(real);
      return new Response(body as ConstructorParameters<typeof Response>[0], {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': contentTypeFor(real) },
      });
    } catch (error) {
      realRoot = undefined;
      const code = (error as NodeJS.ErrnoException | null)?.code;
      return plainResponse(code === 'ENOENT' || code === 'ENOTDIR' ? 404 : 500);
    }
  };
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

function plainResponse(status: number): Response {
  return new Response(STATUS_TEXT[status] ?? 'Error', {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
