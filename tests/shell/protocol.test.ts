/**
 * E3 (checklist #7): every app:// response carries the CSP header, errors included.
 * E4 (checklist #18): paths resolving outside the bundle answer 403 or 404 — `..`, `%2e%2e`,
 * encoded slashes and backslashes, absolute and drive paths, symlinks leading out.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const registered: { schemes: unknown[]; handlers: Map<string, unknown> } = {
  schemes: [],
  handlers: new Map(),
};
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (scheme: string, handler: unknown) => registered.handlers.set(scheme, handler),
  },
}));

const {
  APP_SCHEME,
  createAppProtocolHandler,
  registerAppScheme,
  resolveBundlePath,
  serveAppProtocol,
} = await import('../../electron/main/protocol');

let workDir: string;
let bundle: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'kassa-protocol-'));
  bundle = path.join(workDir, 'renderer');
  mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>Kassa</title>');
  writeFileSync(path.join(bundle, 'assets', 'index-abc.js'), 'console.log("kassa")');
  writeFileSync(path.join(bundle, 'assets', 'style.css'), 'body{}');
  writeFileSync(path.join(bundle, 'assets', 'a b.svg'), '<svg/>');
  writeFileSync(path.join(workDir, 'secret.txt'), 'outside the bundle');
  writeFileSync(path.join(workDir, 'renderer-evil.txt'), 'sibling with a shared prefix');
  symlinkSync(path.join(workDir, 'secret.txt'), path.join(bundle, 'assets', 'link-out.txt'));
  handler = createAppProtocolHandler({ bundleRoot: bundle });
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('E3 CSP header on every response', () => {
  it.each([
    ['app://kassa/index.html', 200],
    ['app://kassa/assets/index-abc.js', 200],
    ['app://kassa/missing.js', 404],
    ['app://kassa/assets%2f..%2f..%2fsecret.txt', 403],
    ['app://other/index.html', 404],
  ])('%s → %i with the CSP header', async (url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('also on 405 for methods other than GET/HEAD', async () => {
    const response = await get('app://kassa/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the policy has no unsafe-inline or unsafe-eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  });
});

describe('serving files', () => {
  it('serves index.html for the root, with a content type', async () => {
    for (const url of ['app://kassa/', 'app://kassa']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Kassa</title>');
    }
  });

  it('serves JS and CSS with their types, ignores the query string, decodes %20', async () => {
    const js = await get('app://kassa/assets/index-abc.js?v=1#x');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("kassa")');
    expect((await get('app://kassa/assets/style.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('app://kassa/assets/a%20b.svg')).status).toBe(200);
  });

  it('HEAD has the headers and no body', async () => {
    const response = await get('app://kassa/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('a directory is 404', async () => {
    expect((await get('app://kassa/assets')).status).toBe(404);
  });
});

describe('E4 path traversal', () => {
  it.each([
    'app://kassa/../secret.txt',
    'app://kassa/../../../../etc/passwd',
    'app://kassa/assets/../../secret.txt',
    'app://kassa/%2e%2e/secret.txt',
    'app://kassa/%2E%2E/%2E%2E/etc/passwd',
    'app://kassa/.%2e/secret.txt',
    'app://kassa/%2e./secret.txt',
    'app://kassa/assets/%2e%2e/%2e%2e/secret.txt',
    'app://kassa/..%2fsecret.txt',
    'app://kassa/%2e%2e%2fsecret.txt',
    'app://kassa/assets%2f..%2f..%2fsecret.txt',
    'app://kassa/..%5csecret.txt',
    'app://kassa/%2e%2e%5csecret.txt',
    'app://kassa/..\\secret.txt',
    'app://kassa//etc/passwd',
    'app://kassa/%2fetc%2fpasswd',
    'app://kassa/C:/Windows/win.ini',
    'app://kassa/C%3a%5cWindows%5cwin.ini',
    'app://kassa/index.html%00.js',
    'app://kassa/%zz',
    'app://kassa/assets/link-out.txt',
    'app://kassa/../renderer-evil.txt',
    'app://kassa/etc/passwd',
    'app://evil/index.html',
    'file:///etc/passwd',
    'https://kassa/index.html',
  ])('%s → 403 or 404, never the file', async (url) => {
    const response = await get(url);
    expect([403, 404]).toContain(response.status);
    const body = await response.text();
    expect(body).not.toContain('outside the bundle');
    expect(body).not.toContain('sibling');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('resolveBundlePath refuses raw dot segments (before any URL normalisation) without touching the disk', () => {
    // `new Request()` and Chromium normalise `..`/`%2e%2e` away before the handler runs (then the
    // file is simply not in the bundle: 404); the resolver also refuses them if they ever arrive raw.
    expect(resolveBundlePath('/srv/bundle', 'app://kassa/%2e%2e/x')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveBundlePath('/srv/bundle', 'app://kassa/../x')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveBundlePath('/srv/bundle', 'app://kassa/assets/.%2E/.%2e/x')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveBundlePath('/srv/bundle', 'app://kassa/a%2fb')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveBundlePath('/srv/bundle', 'app://kassa//etc/passwd')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveBundlePath('/srv/bundle', 'not a url')).toEqual({ ok: false, status: 404 });
    expect(resolveBundlePath('/srv/bundle', 'app://kassa/assets/x.js')).toEqual({
      ok: true,
      filePath: path.resolve('/srv/bundle/assets/x.js'),
    });
    expect(resolveBundlePath('/srv/bundle', 'app://kassa/')).toEqual({
      ok: true,
      filePath: path.resolve('/srv/bundle/index.html'),
    });
  });

  it('a read error other than "not found" is a 500, still with the CSP', async () => {
    const failing = createAppProtocolHandler({
      bundleRoot: '/srv/bundle',
      fileSystem: {
        realpath: async (p) => p,
        stat: async () => ({ isFile: () => true }),
        readFile: async () => {
          throw Object.assign(new Error('EIO'), { code: 'EIO' });
        },
      },
    });
    const response = await failing(new Request('app://kassa/index.html'));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('registration with Electron', () => {
  it('declares app: privileged as standard, secure, with fetch', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serveAppProtocol handles the app scheme with the bundle handler', async () => {
    serveAppProtocol({ bundleRoot: bundle });
    const registeredHandler = registered.handlers.get(APP_SCHEME) as (
      r: Request,
    ) => Promise<Response>;
    expect((await registeredHandler(new Request('app://kassa/index.html'))).status).toBe(200);
    expect((await registeredHandler(new Request('app://kassa/..%2fsecret.txt'))).status).toBe(403);
  });
});
