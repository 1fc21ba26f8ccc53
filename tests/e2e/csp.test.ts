/**
 * E3 in a real browser: the renderer is served with the CSP header, and an injected inline script
 * is blocked (a `securitypolicyviolation` fires and the script does not run). Also checks the
 * harness itself: the static server refuses path traversal, and the page gets exactly the
 * `window.api` the preload builds (E2), with no raw invoke function left on `window`.
 */
import { request } from 'node:http';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { startHarness, type Harness, type KassaPage } from './harness';

/** GET with the request target sent exactly as written (no URL normalisation). */
function rawGet(
  origin: string,
  target: string,
): Promise<{ status: number; csp: string | undefined }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port: Number(port), path: target, method: 'GET' },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            csp: res.headers['content-security-policy'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('CSP and bridge (E2, E3)', () => {
  let h: Harness;
  let p: KassaPage;

  beforeAll(async () => {
    h = await startHarness({ firstScreenshot: 90 });
    p = await h.newPage();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the renderer with the CSP header on every response, and refuses path traversal', async () => {
    const res = await p.page.goto(`${h.origin}/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);

    // Every sub-resource the page loaded carried it too.
    const assets = await p.page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
          'script[src], link[href]',
        ),
      ].map((e) => ('src' in e ? e.src : e.href)),
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const url of assets) {
      const r = await rawGet(h.origin, new URL(url).pathname);
      expect(r.status, url).toBe(200);
      expect(r.csp, url).toBe(CONTENT_SECURITY_POLICY);
    }

    for (const target of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/.%2E/.%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..\\package.json',
      '//etc/passwd',
    ]) {
      const r = await rawGet(h.origin, target);
      expect([403, 404], target).toContain(r.status);
      expect(r.csp, target).toBe(CONTENT_SECURITY_POLICY);
    }
    const missing = await rawGet(h.origin, '/no-such-file.js');
    expect(missing.status).toBe(404);
    expect(missing.csp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('gives the page exactly the preload-shaped window.api and no raw invoke', async () => {
    const shape = await p.page.evaluate(() => {
      const api = window.api as unknown as Record<string, unknown>;
      const desc = Object.getOwnPropertyDescriptor(window, 'api');
      return {
        keys: Object.keys(api),
        allFunctions: Object.values(api).every((f) => typeof f === 'function'),
        frozen: Object.isFrozen(api),
        writable: desc?.writable,
        rawInvokeVisible: '__kassaInvoke' in window || '__kassaCsp' in window,
      };
    });
    expect(shape.keys).toEqual([...CHANNEL_NAMES]);
    expect(shape.allFunctions).toBe(true);
    expect(shape.frozen).toBe(true);
    expect(shape.writable).toBe(false);
    expect(shape.rawInvokeVisible).toBe(false);

    const status = await p.page.evaluate(() => window.api['app:status']());
    expect(status).toMatchObject({
      ok: true,
      data: {
        setupRequired: true,
        terminalName: 'e2e-till',
        safeMode: false,
        storage: { ok: true },
      },
    });
  });

  it('blocks an injected inline script and reports a securitypolicyviolation', async () => {
    p.assertClean();
    const before = p.cspViolations.length;
    const outcome = await p.page.evaluate(async () => {
      const seen = new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
          once: true,
        });
        setTimeout(() => resolve('no event'), 3000);
      });
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.appendChild(s);
      const directive = await seen;
      return {
        directive,
        ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
      };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.directive).toMatch(/^script-src/);
    await expect.poll(() => p.cspViolations.length).toBeGreaterThan(before);
    expect(p.cspViolations.at(-1)?.directive).toMatch(/^script-src/);
    expect(p.cspViolations.at(-1)?.blockedURI).toBe('inline');
    // The expected violation is accounted for; the browser also logs it as a console error.
    p.cspViolations.length = before;
    p.errors.splice(
      0,
      p.errors.length,
      ...p.errors.filter((e) => !/Content Security Policy/i.test(e)),
    );
    p.assertClean();
  });
});
