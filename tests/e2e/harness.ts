/**
 * Browser end-to-end harness: the built renderer (dist/renderer) in Debian's Chromium, with
 * `window.api` bridged to a REAL headless core on a temp SQLite file.
 *
 * - A tiny static server on 127.0.0.1:<random port> serves dist/renderer and sends the CSP from
 *   shared/csp.ts on every response, errors included (E3). Path traversal is refused (E4).
 * - The core is built with `appOrigin` = the server's origin, so the router's sender check (E5)
 *   runs for real: the bridge passes the calling frame's origin and whether it is the top frame.
 * - Each page lives in its own browser context and gets its own `windowId`, so several people can
 *   be signed in at once (one session per window, S1).
 * - `window.api` is built by the very `buildApi` the preload uses (electron/preload/build-api.ts),
 *   serialised into an init script, over the exposed binding `__kassaInvoke`, which the init
 *   script captures and removes from `window` (the preload never exposes raw IPC either, E2).
 * - With `database: { kind: 'postgres', url }` the core is a till of a store server instead (issue
 *   12): two harnesses on one URL are two tills, each with its own core, server and Chromium.
 * - Console errors, uncaught page errors and `securitypolicyviolation` events are collected per
 *   page; `assertClean()` fails the test if any appeared.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import axeCore from 'axe-core';
import { createCore, type Core } from '../../electron/core';
import { createAppProtocolHandler } from '../../electron/main/app-protocol-handler';
import { buildApi } from '../../electron/preload/build-api';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';
import {
  FakeClock,
  memorySecrets,
  silentLogger,
  tempDir,
  turnOffTwoFactorPolicy,
  turnOffShiftRequirement,
  TEST_PASSWORD_COST,
} from '../helpers/core';
import { launchChromium } from '../helpers/chromium';
import { sqlOn } from '../helpers/postgres';
import { playwrightPdfMaker } from '../helpers/receipt-pdf';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUNDLE_ROOT = path.join(REPO_ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
/** Screenshots are for people to look at: CI skips them (a tenth of the e2e time). */
const TAKE_SCREENSHOTS = !process.env.CI || process.env.KASSA_SCREENSHOTS === '1';
export const VIEWPORT = { width: 1280, height: 800 };

// ---------------------------------------------------------------------------------------------
// Renderer bundle
// ---------------------------------------------------------------------------------------------

/** Builds dist/renderer with vite.config.ts if it is missing, so `vitest run --project e2e` works alone. */
export async function ensureRendererBuilt(): Promise<void> {
  if (existsSync(path.join(BUNDLE_ROOT, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  if (!existsSync(path.join(BUNDLE_ROOT, 'index.html')))
    throw new Error(`vite build did not produce ${BUNDLE_ROOT}/index.html`);
}

// ---------------------------------------------------------------------------------------------
// Static server
// ---------------------------------------------------------------------------------------------

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 at a random port with the app's own `app://` handler
 * (electron/main/app-protocol-handler.ts): the same path rules (E4) and the same CSP header on
 * every response (E3) as in Electron.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  // Filled in once the port is known.
  const site: { origin: string; handle?: (request: Request) => Promise<Response> } = { origin: '' };
  const server: Server = createServer((req, res) => {
    void (async () => {
      // The raw request target is kept, so dot segments reach the handler's checks as sent.
      const response = await site.handle!(
        new Request(`${site.origin}${req.url ?? '/'}`, { method: req.method }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.handle = createAppProtocolHandler({ bundleRoot: root, appOrigin: site.origin });
  return {
    origin: site.origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------------------------------------
// window.api bridge
// ---------------------------------------------------------------------------------------------

/** The page's hook the harness calls with each store change (HarnessOptions.storeChanges). */
const STORE_CHANGED_HOOK = '__kassaStoreChanged';

/**
 * The init script that builds `window.api` exactly as the preload does: `buildApi` itself
 * (serialised), over the binding, with the channel list the preload uses. The binding is captured
 * (and the CSP reporting hook) in a closure and deleted from `window`, so the page sees `window.api` and nothing else.
 * Like `contextBridge.exposeInMainWorld`, the property is read-only and the object frozen.
 * With `storeChanges`, the API has the preload's `onStoreChange` too, fed by the harness through
 * `window.__kassaStoreChanged(topic)` (see HarnessOptions.storeChanges).
 */
export function bridgeInitScript(storeChanges = false): string {
  return `(() => {
  const rawInvoke = window.__kassaInvoke;
  const reportCsp = window.__kassaCsp;
  try { delete window.__kassaInvoke; delete window.__kassaCsp; } catch {}
  const buildApi = ${buildApi.toString()};
  const built = buildApi((channel, input) => rawInvoke(channel, input), ${JSON.stringify(CHANNEL_NAMES)});
  const listeners = new Set();
  const api = ${storeChanges} ? Object.freeze({ ...built, onStoreChange: (listener) => {
    if (typeof listener !== 'function') return () => undefined;
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  } }) : built;
  if (${storeChanges}) Object.defineProperty(window, '${STORE_CHANGED_HOOK}', {
    value: (topic) => listeners.forEach((listener) => listener(topic)),
  });
  Object.defineProperty(window, 'api', { value: api, enumerable: true, configurable: false, writable: false });
  document.addEventListener('securitypolicyviolation', (e) => {
    reportCsp?.({ directive: e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample, sourceFile: e.sourceFile, line: e.lineNumber });
  }, true);
})();`;
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
  sourceFile: string;
  line: number;
}

export interface KassaPage {
  page: Page;
  context: BrowserContext;
  windowId: number;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** `securitypolicyviolation` events seen by the page. */
  cspViolations: CspViolation[];
  /** Every `window.api` call the page made, in order (channel names only). */
  calls: string[];
  /** Loads the app's index page. */
  open(): Promise<void>;
  /** Throws if any console error, page error or CSP violation was recorded since the last check. */
  assertClean(): void;
}

export interface Harness {
  origin: string;
  core: Core;
  clock: FakeClock;
  dbPath: string;
  browser: Browser;
  pages: KassaPage[];
  /** A new browser context + page, with its own window id (so its own session). */
  newPage(): Promise<KassaPage>;
  /**
   * Full-page PNG at test-results/screenshots/<nn>-<name>.png; returns the path. Null in CI, which
   * takes none (KASSA_SCREENSHOTS=1 takes them there too): they are for people to look at.
   */
  screenshot(p: KassaPage | Page, name: string): Promise<string | null>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** First screenshot number (default 1). */
  firstScreenshot?: number;
  /** Directory to serve instead of dist/renderer (no build then); for checking the harness itself. */
  bundleRoot?: string;
  /** Delete earlier `<nn>-<name>.png` screenshots first. */
  cleanScreenshots?: boolean;
  /** Runs on the core's raw SQLite connection (fault tests: `PRAGMA max_page_count`). */
  prepareDatabase?: (db: import('better-sqlite3').Database) => void;
  /** Keep the default 2FA policy (required for roles holding staff.manage); off otherwise. */
  twoFactorPolicy?: boolean;
  /** Keep the store default "sales need an open shift" (issue 10, section 1); off otherwise. */
  requireOpenShift?: boolean;
  /** Stands in for the shell's folder dialog (CoreOptions.folderDialog); none otherwise. */
  folderDialog?: import('../../electron/core').CoreOptions['folderDialog'];
  /**
   * A store server's database (issue 12; tests/helpers/postgres.ts) instead of a temp SQLite file:
   * the core migrates it if it is new; the 2FA and open-shift defaults are turned off there as on
   * a file. `prepareDatabase` does not apply. No scheduled full integrity check runs.
   */
  database?: { kind: 'postgres'; url: string };
  /** The till's name (CoreOptions.terminalName; default `e2e-till`): one per till on a server. */
  terminalName?: string;
  /**
   * Pass the core's store changes (issue 12, section 2: the other tills' changes, heard through
   * LISTEN/NOTIFY, and this till's own) to every window's `window.api.onStoreChange`, as the
   * shell does (electron/main/store-changes.ts). Off by default: the other files' screens then
   * read only when they open, as they were written to expect.
   */
  storeChanges?: boolean;
}

/** turnOffTwoFactorPolicy's statement, for a store server. */
const TWO_FACTOR_OFF_SQL = 'UPDATE roles SET require_totp = 0';
/** turnOffShiftRequirement's statement, for a store server. */
const OPEN_SHIFT_OFF_SQL =
  "INSERT INTO settings (key, value, updated_at) VALUES ('shifts.require_open_shift', 'false', '2026-01-01T00:00:00.000Z') ON CONFLICT (key) DO NOTHING";

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!opts.bundleRoot) await ensureRendererBuilt();
  const server = await startStaticServer(opts.bundleRoot ?? BUNDLE_ROOT);
  const dir = tempDir('kassa-e2e-');
  const dbPath = path.join(dir, 'kassa.sqlite');
  const clock = new FakeClock();
  let core: Core | undefined;
  let browser: Browser | undefined;
  try {
    core = await createCore({
      databasePath: dbPath,
      clock,
      secretStore: memorySecrets(),
      appOrigin: server.origin,
      terminalName: opts.terminalName ?? 'e2e-till',
      logger: silentLogger,
      ...(opts.database
        ? {
            database: { ...opts.database, tls: { mode: 'disable' as const } },
            integrityCheck: false as const,
          }
        : {}),
      ...(opts.prepareDatabase ? { prepareDatabase: opts.prepareDatabase } : {}),
      // Receipt PDFs from the print route in this Chromium (issue 10, section 3).
      receiptPdf: (...job) => playwrightPdfMaker(() => browser!, server.origin)(...job),
      testPasswordCost: TEST_PASSWORD_COST,
      ...(opts.folderDialog ? { folderDialog: opts.folderDialog } : {}),
    });
    const url = opts.database?.url;
    if (!opts.twoFactorPolicy)
      await (url ? sqlOn(url, TWO_FACTOR_OFF_SQL) : turnOffTwoFactorPolicy(dbPath));
    if (!opts.requireOpenShift)
      await (url ? sqlOn(url, OPEN_SHIFT_OFF_SQL) : turnOffShiftRequirement(dbPath));
    browser = await launchChromium();
  } catch (e) {
    await core?.close();
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
    throw e;
  }
  const liveCore = core;
  const liveBrowser = browser;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (opts.cleanScreenshots) {
    for (const f of await fs.readdir(SCREENSHOT_DIR))
      if (/^\d{2}-.*\.png$/.test(f)) await fs.rm(path.join(SCREENSHOT_DIR, f));
  }
  let nextWindowId = 1;
  let shot = opts.firstScreenshot ?? 1;
  const pages: KassaPage[] = [];

  async function newPage(): Promise<KassaPage> {
    const windowId = nextWindowId++;
    const context = await liveBrowser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const kp: KassaPage = {
      page,
      context,
      windowId,
      errors: [],
      cspViolations: [],
      calls: [],
      async open() {
        const res = await page.goto(`${server.origin}/`, { waitUntil: 'load' });
        if (!res || res.status() !== 200)
          throw new Error(`index page answered ${res?.status() ?? 'nothing'}`);
      },
      assertClean() {
        const problems = [
          ...kp.errors.map((e) => `console/page error: ${e}`),
          ...kp.cspViolations.map((v) => `CSP violation: ${JSON.stringify(v)}`),
        ];
        // Reported once: the next check starts afresh.
        kp.errors.length = 0;
        kp.cspViolations.length = 0;
        if (problems.length > 0)
          throw new Error(`window ${windowId} reported problems:\n${problems.join('\n')}`);
      },
    };
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Chromium asks an http origin for /favicon.ico on its own; the app:// window never does.
      if (msg.location().url === `${server.origin}/favicon.ico`) return;
      kp.errors.push(`${msg.text()} @ ${msg.location().url}:${msg.location().lineNumber}`);
    });
    page.on('pageerror', (e) => kp.errors.push(`uncaught: ${e.message}`));
    await page.exposeBinding('__kassaInvoke', (source, channel: unknown, payload: unknown) => {
      kp.calls.push(String(channel));
      return liveCore.invoke(String(channel), payload, {
        origin: new URL(source.frame.url()).origin,
        isTopFrame: source.frame === source.page.mainFrame(),
        windowId,
      });
    });
    await page.exposeBinding('__kassaCsp', (_source, v: CspViolation) => {
      kp.cspViolations.push(v);
    });
    await page.addInitScript({ content: bridgeInitScript(opts.storeChanges) });
    pages.push(kp);
    return kp;
  }

  const unfollow = opts.storeChanges
    ? liveCore.onStoreChange((topic) => {
        for (const kp of pages)
          void kp.page
            .evaluate(
              ([hook, t]) => (window as unknown as Record<string, (t: string) => void>)[hook]?.(t),
              [STORE_CHANGED_HOOK, topic] as const,
            )
            .catch(() => undefined);
      })
    : () => undefined;

  return {
    origin: server.origin,
    core: liveCore,
    clock,
    dbPath,
    browser: liveBrowser,
    pages,
    newPage,
    async screenshot(p, name) {
      const page = 'windowId' in p ? p.page : p;
      const file = path.join(SCREENSHOT_DIR, `${String(shot++).padStart(2, '0')}-${name}.png`);
      if (TAKE_SCREENSHOTS) {
        // A full-page shot of a scrolled page paints the sticky header where the scroll left it.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      }
      return TAKE_SCREENSHOTS ? file : null;
    },
    async close() {
      unfollow();
      await liveBrowser.close().catch(() => {});
      await server.close();
      await liveCore.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shared test plumbing
// ---------------------------------------------------------------------------------------------

/** The shop screen sizes each new screen is looked at in: 1024×768, 1366×768 and 1920×1080. */
export const SHOP_SIZES = [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
] as const;

/**
 * Full-page screenshots of `p` as it is now at each of SHOP_SIZES, named `<name>-<w>x<h>`, then
 * back to VIEWPORT. Where no screenshot is taken (CI), it does not resize the page either.
 */
export async function screenshotsAtShopSizes(
  h: Harness,
  p: KassaPage,
  name: string,
): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  for (const [width, height] of SHOP_SIZES) {
    await p.page.setViewportSize({ width, height });
    await h.screenshot(p, `${name}-${width}x${height}`);
  }
  await p.page.setViewportSize(VIEWPORT);
}

/**
 * Saves what `page` shows as test-results/screenshots/`name`.png and, with `docs`, a copy in
 * docs/screenshots/ (the README's and docs' pictures). Where no screenshot is taken (CI), it
 * does nothing: a test run there leaves docs/ as the clone had it.
 */
export async function keepScreenshot(page: Page, name: string, docs = false): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  if (!docs) return;
  mkdirSync(path.join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
  copyFileSync(file, path.join(REPO_ROOT, 'docs', 'screenshots', `${name}.png`));
}

/** Waits until `locator` is visible; returns its first match. */
export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

/**
 * The pairs "cover text → target text" where an element of `covers` lies over one of `targets`
 * on screen (their boxes intersect); empty when nothing is covered.
 */
export async function overlaps(covers: Locator, targets: Locator): Promise<string[]> {
  const boxes = async (l: Locator) =>
    Promise.all(
      (await l.all()).map(async (e) => ({
        text: (await e.textContent())?.trim() ?? '',
        box: await e.boundingBox(),
      })),
    );
  const [over, under] = await Promise.all([boxes(covers), boxes(targets)]);
  return over.flatMap(({ text, box: a }) =>
    under
      .filter(
        ({ box: b }) =>
          a &&
          b &&
          a.x < b.x + b.width &&
          b.x < a.x + a.width &&
          a.y < b.y + b.height &&
          b.y < a.y + a.height,
      )
      .map((u) => `${text} → ${u.text}`),
  );
}

/** Waits until `locator` matches nothing visible. */
export async function gone(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Waits until a dialog has finished fading in, so axe sees its colours as they stay. */
export async function settled(dialog: Locator): Promise<void> {
  await expect
    .poll(() =>
      dialog.evaluate((el) => {
        for (let n: Element | null = el; n; n = n.parentElement)
          if (Number(getComputedStyle(n).opacity) < 1) return false;
        return true;
      }),
    )
    .toBe(true);
}

export interface TwoWindows {
  h: Harness;
  /** Window 1: the admin's. */
  admin: KassaPage;
  /** Window 2: the member's, with its own session. */
  member: KassaPage;
}

/**
 * Registers the suite hooks for a flow with two Kassa windows on one harness: started before
 * the tests, checked after each one (any console error, uncaught error or CSP violation in either
 * window fails it), closed at the end. The returned object is filled in by `beforeAll`.
 */
export function useTwoWindows(options: HarnessOptions = {}): TwoWindows {
  const w = {} as TwoWindows;
  beforeAll(async () => {
    w.h = await startHarness(options);
    w.admin = await w.h.newPage();
    w.member = await w.h.newPage();
  });
  afterEach(() => {
    w.admin?.assertClean();
    w.member?.assertClean();
  });
  afterAll(async () => {
    await w.h?.close();
  });
  return w;
}

/**
 * axe-core's critical and serious violations on `page`, within `include` (CSS selectors) or the
 * whole page. axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function axeSerious(
  page: Page,
  include?: string[],
): Promise<Array<{ id: string; impact: string; targets: string[] }>> {
  // A dialog fading in has blended colours: let finite animations and transitions end first, so
  // axe measures the contrast a person sees (spinners run forever and are not waited for). Four
  // quiet frames in a row: a Mantine transition mounts its element see-through two frames
  // before its transition starts (use-transition.mjs).
  await page.evaluate(() => ((window as unknown as { kassaQuiet: number }).kassaQuiet = 0));
  await page.waitForFunction(
    () => {
      const w = window as unknown as { kassaQuiet: number };
      const busy = document
        .getAnimations()
        .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
      w.kassaQuiet = busy ? 0 : w.kassaQuiet + 1;
      return w.kassaQuiet >= 4;
    },
    null,
    { timeout: 5_000, polling: 'raf' },
  );
  // axe is injected once per page load (the app is one page; a reload drops it).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeCore.source);
  return page.evaluate(async (selectors) => {
    const axe = (window as unknown as { axe: typeof axeCore }).axe;
    // Only violations are read, so axe skips detailing the passes and the inapplicable rules.
    const result = await axe.run(selectors ? { include: selectors.map((s) => [s]) } : document, {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  }, include ?? null);
}
