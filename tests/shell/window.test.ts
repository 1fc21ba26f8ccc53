/**
 * E1 (Electron security checklist #2–4, #6, #8–12): the options the window factory builds.
 * Where Electron runs, `typeof require === 'undefined'` is checked by electron-smoke.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: unknown; loaded: string[] }[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    readonly loaded: string[] = [];
    constructor(options: unknown) {
      created.push({ options, loaded: this.loaded });
    }
    once(): this {
      return this;
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
  }
  return { BrowserWindow };
});

const { APP_ENTRY_URL, buildWindowOptions, createMainWindow, secureWebPreferences } =
  await import('../../electron/main/window');

describe('E1 window options', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it.each([false, true])('sets the four switches explicitly (isPackaged=%s)', (isPackaged) => {
    const prefs = buildWindowOptions('/app/dist-electron/preload.cjs', {
      isPackaged,
    }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(prefs?.nodeIntegrationInWorker).toBe(false);
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false);
  });

  it('never enables insecure content, experimental features, Blink features or <webview>', () => {
    const prefs = secureWebPreferences('/p.cjs');
    expect(prefs.allowRunningInsecureContent).toBeUndefined();
    expect(prefs.experimentalFeatures).toBeUndefined();
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.webviewTag).toBe(false);
    expect(Object.keys(prefs)).not.toEqual(expect.arrayContaining(['allowRunningInsecureContent']));
  });

  it('uses the bundled preload and no other script', () => {
    const prefs = buildWindowOptions('/app/dist-electron/preload.cjs').webPreferences;
    expect(prefs?.preload).toBe('/app/dist-electron/preload.cjs');
    expect(prefs?.additionalArguments).toBeUndefined();
  });

  it('disables DevTools only in packaged builds', () => {
    expect(buildWindowOptions('/p.cjs', { isPackaged: true }).webPreferences?.devTools).toBe(false);
    expect(buildWindowOptions('/p.cjs', { isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('creates the window with those options and loads app://kassa/index.html, not file:// (E4)', async () => {
    await createMainWindow('/app/dist-electron/preload.cjs');
    expect(created).toHaveLength(1);
    expect(created[0]?.options).toEqual(buildWindowOptions('/app/dist-electron/preload.cjs'));
    expect(created[0]?.loaded).toEqual(['app://kassa/index.html']);
    expect(APP_ENTRY_URL.startsWith('app://kassa/')).toBe(true);
  });
});
