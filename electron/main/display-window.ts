/**
 * The customer display window (issue 10, section 4): a second, read-only window that follows the
 * till's cart, full screen on the second monitor when there is one (`screen.getAllDisplays()`).
 *
 * Same web preferences as the till window (E1: context isolation, sandbox, no Node integration,
 * web security, no <webview>), the same app:// origin, CSP (E3) and navigation lock (E6, E7,
 * applied to every webContents in index.ts), but its OWN preload (display-preload.cjs) that can
 * only read the cart view and hear "it changed". The IPC adapter marks this window's sender as
 * the display (`isDisplaySender`), and the core's router answers it on `display:cart` only.
 */
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Display,
  type WebContents,
} from 'electron';
import type { Core } from '../core/types';
import { DISPLAY_CHANGED_EVENT } from '../../shared/contract/display';
import { APP_ENTRY_URL, secureWebPreferences } from './window';

/** The route the renderer draws the customer display on. */
export const DISPLAY_URL = `${APP_ENTRY_URL}#display`;

/** The monitor for the display: the first one that is not the till's (primary); null if none. */
export function customerMonitor(all: readonly Display[], primary: Display): Display | null {
  return all.find((d) => d.id !== primary.id) ?? null;
}

/**
 * Options: full screen on `monitor` when given, else an ordinary 1024×768 window beside the till;
 * hidden until ready; the secure preferences with the display preload.
 */
export function displayWindowOptions(
  preloadPath: string,
  monitor: Display | null,
  options: { isPackaged?: boolean } = {},
): BrowserWindowConstructorOptions {
  const place = monitor
    ? { ...monitor.bounds, fullscreen: true }
    : { width: 1024, height: 768, fullscreen: false };
  return {
    ...place,
    show: false,
    title: 'Kassa customer display',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      ...secureWebPreferences(preloadPath),
      devTools: options.isPackaged !== true,
    },
  };
}

export interface CustomerDisplayWindow {
  window: BrowserWindow;
  /** True for the display window's webContents: the IPC adapter marks its calls `display`. */
  isDisplaySender(sender: WebContents): boolean;
}

/**
 * Opens the display on `monitor` and keeps it told of every change of the till's cart
 * (`core.onDisplayChange` → the `display:changed` event); the subscription ends with the window.
 */
export async function openCustomerDisplay(
  core: Pick<Core, 'onDisplayChange'>,
  preloadPath: string,
  monitor: Display | null,
  options: { isPackaged?: boolean } = {},
): Promise<CustomerDisplayWindow> {
  const window = new BrowserWindow(displayWindowOptions(preloadPath, monitor, options));
  const contents = window.webContents;
  const stop = core.onDisplayChange(() => {
    if (!window.isDestroyed()) contents.send(DISPLAY_CHANGED_EVENT);
  });
  window.once('closed', stop);
  window.once('ready-to-show', () => window.showInactive());
  await window.loadURL(DISPLAY_URL);
  return { window, isDisplaySender: (sender) => sender === contents };
}

/** The running customer display as the shell sees it (`keepCustomerDisplay`). */
export interface CustomerDisplayKeeper {
  /** The open display window, or null (setting off, no second monitor, or it failed). */
  current(): CustomerDisplayWindow | null;
}

/**
 * Keeps the customer display as the store's setting says (`customerDisplay`, Settings; issue 10,
 * section 4): opened at start when it is on and `monitor()` finds a second monitor, closed as
 * soon as it is turned off, opened again when it is turned back on. The setting is read after
 * every display change (the core announces one after `settings:update` too), and only a change
 * of the setting opens or closes the window. Never throws: a failure goes to `onError` and the
 * till runs without the display.
 */
export function keepCustomerDisplay(
  core: Pick<Core, 'onDisplayChange' | 'customerDisplayEnabled'>,
  o: {
    monitor: () => Display | null;
    open: (monitor: Display) => Promise<CustomerDisplayWindow>;
    onError: (error: unknown) => void;
  },
): CustomerDisplayKeeper {
  let shown: CustomerDisplayWindow | null = null;
  let wanted = false;
  let work: Promise<void> = Promise.resolve();
  const apply = async (on: boolean) => {
    if (!on) {
      shown?.window.destroy();
      shown = null;
      return;
    }
    const monitor = o.monitor();
    if (!monitor || shown) return;
    const opened = await o.open(monitor);
    opened.window.once('closed', () => {
      if (shown === opened) shown = null;
    });
    shown = opened;
  };
  const check = () => {
    try {
      const on = core.customerDisplayEnabled();
      if (on === wanted) return;
      wanted = on;
      work = work.then(() => apply(on)).catch(o.onError);
    } catch (error) {
      o.onError(error);
    }
  };
  try {
    core.onDisplayChange(check);
  } catch (error) {
    o.onError(error);
  }
  check();
  return { current: () => shown };
}
