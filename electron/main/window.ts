/**
 * The main window: its security-relevant options and its creation.
 *
 * E1 (Electron security checklist #2 "do not enable Node.js integration for remote content",
 * #3 "enable context isolation", #4 "enable process sandboxing", #6 "do not disable webSecurity",
 * #8 "do not enable allowRunningInsecureContent", #9 "do not enable experimental features",
 * #10 "do not use enableBlinkFeatures", #11 "do not use <webview>"/#12 "verify WebView options").
 * E4 (#18): the page is loaded from `app://kassa/`, never from `file://`.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { APP_ORIGIN } from '../../shared/csp';

/** Where the renderer's entry page lives, on the privileged app:// scheme (E4). */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The web preferences every Kassa window uses (E1). The four switches are set explicitly even
 * where they match Electron's defaults, so a default changing upstream cannot loosen them; the
 * forbidden ones (`allowRunningInsecureContent`, `experimentalFeatures`, `enableBlinkFeatures`,
 * `webviewTag`) are left out or false.
 *
 * @param preloadPath absolute path of the bundled `dist-electron/preload.cjs`
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: true,
  };
}

/**
 * The BrowserWindow options for the till window: a fixed minimum size for a POS screen, hidden
 * until the first paint (no white flash), and the secure web preferences above.
 *
 * @param preloadPath absolute path of `dist-electron/preload.cjs`
 * @param options.isPackaged when true, DevTools are disabled
 */
export function buildWindowOptions(
  preloadPath: string,
  options: { isPackaged?: boolean } = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Kassa',
    backgroundColor: '#f6f8fa',
    autoHideMenuBar: true,
    webPreferences: { ...secureWebPreferences(preloadPath), devTools: options.isPackaged !== true },
  };
}

/**
 * Creates the till window and loads `app://kassa/index.html`. The window is shown once the page
 * is ready to paint. Resolves to the window; rejects when the entry page cannot be loaded
 * (the caller logs it and quits).
 */
export async function createMainWindow(
  preloadPath: string,
  options: { isPackaged?: boolean } = {},
): Promise<BrowserWindow> {
  const window = new BrowserWindow(buildWindowOptions(preloadPath, options));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY_URL);
  return window;
}
