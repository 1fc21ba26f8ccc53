/**
 * Real-Electron smoke test (playwright-core `_electron`): the app starts from `electron .`, the
 * window is on app://kassa (E4), the renderer has no Node (E1: `typeof require === 'undefined'`),
 * `window.api` is exactly the channel list (E2), an injected inline script is blocked by the CSP
 * header (E3), and first-run set-up creates the admin and signs them in through the real preload,
 * IPC and core.
 *
 * It needs Electron's binary, which cannot be downloaded on the build machines (docs/toolchain.md),
 * so it SKIPS there with a message. Where it runs, it builds the app (repo dist/ and
 * dist-electron/) and the Electron build of better-sqlite3 (`.native/`) first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SKIP_MESSAGE =
  'Electron binary not installed (cannot be downloaded on this machine); skipping real-Electron smoke test';

/**
 * Where `require('electron')` would point, found without requiring it (from Electron 42 on that
 * starts a download). Mirrors node_modules/electron/index.js and scripts/native-binding.mjs.
 */
function electronBinary(): { path: string; exists: boolean } {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  const defaults: Partial<Record<NodeJS.Platform, string>> = {
    darwin: 'Electron.app/Contents/MacOS/Electron',
    win32: 'electron.exe',
  };
  let relative = defaults[process.platform] ?? 'electron';
  const pathFile = path.join(dir, 'path.txt');
  if (existsSync(pathFile)) relative = readFileSync(pathFile, 'utf8').trim() || relative;
  const binary = path.join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist'),
    relative,
  );
  return { path: binary, exists: existsSync(binary) };
}

const binary = electronBinary();
if (!binary.exists) console.warn(SKIP_MESSAGE);

function run(command: string, args: string[]): void {
  const env = { ...process.env };
  delete env.NODE_ENV;
  const child = spawnSync(command, args, {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (child.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${child.stdout}${child.stderr}`);
}

describe('real Electron', () => {
  it.skipIf(!binary.exists)(
    'starts, keeps Node out of the renderer, and signs in the first admin',
    async () => {
      run('npm', ['run', 'build']);
      run(process.execPath, ['scripts/native-binding.mjs', 'electron']);

      const userData = mkdtempSync(path.join(tmpdir(), 'kassa-electron-smoke-'));
      const app = await electron.launch({
        executablePath: binary.path,
        args: [ROOT],
        cwd: ROOT,
        env: { ...process.env, KASSA_USER_DATA_DIR: userData, NODE_ENV: 'production' },
        timeout: 60_000,
      });
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        expect(page.url()).toBe('app://kassa/index.html');

        // E1: no Node in the renderer.
        expect(
          await page.evaluate(() => typeof (globalThis as { require?: unknown }).require),
        ).toBe('undefined');
        expect(
          await page.evaluate(() => typeof (globalThis as { process?: unknown }).process),
        ).toBe('undefined');

        // E2: window.api is exactly the channel list.
        const keys = await page.evaluate(() => Object.keys(window.api).sort());
        expect(keys).toEqual([...CHANNEL_NAMES].sort());

        // E3: the CSP header blocks an injected inline script.
        const violated = await page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              document.addEventListener(
                'securitypolicyviolation',
                (event) => resolve(event.violatedDirective),
                { once: true },
              );
              const script = document.createElement('script');
              script.textContent = 'window.__injected = true';
              document.head.append(script);
              setTimeout(() => resolve('no violation'), 3_000);
            }),
        );
        expect(violated).toMatch(/^script-src/);

        // First run: set-up creates the admin and signs them in (A6), through preload → IPC → core.
        const status = await page.evaluate(() => window.api['app:status']());
        expect(status).toMatchObject({ ok: true, data: { setupRequired: true } });
        const created = await page.evaluate(() =>
          window.api['setup:createAdmin']({
            username: 'owner',
            email: 'owner@example.com',
            displayName: 'Shop Owner',
            password: 'a long enough smoke-test passphrase',
          }),
        );
        expect(created).toMatchObject({
          ok: true,
          data: { staff: { username: 'owner', role: 'admin' } },
        });
        const session = await page.evaluate(() => window.api['auth:session']());
        expect(session).toMatchObject({
          ok: true,
          data: { session: { staff: { username: 'owner' } } },
        });
      } finally {
        await app.close();
        rmSync(userData, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
