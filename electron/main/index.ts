/**
 * Kassa's Electron main process: the ONE composition root, readable top to bottom.
 *
 *   0. before ready: the V8 flags for the core's process, logging, the privileged app:// scheme,
 *      the sandbox for every renderer, and the E6/E7 guards for every webContents that will ever
 *      be created;
 *   1. the single-instance lock (one writer per database);
 *   2. app ready;
 *   3. the headless core: opens the database, checks it, runs migrations, builds the services;
 *   4. IPC: every contract channel → core.invoke with the sender described (E5);
 *   5. the app:// protocol serving dist/renderer with the CSP header (E3, E4);
 *   6. security handlers on the default session (E7);
 *   7. the window (E1), loading app://kassa/index.html, told of the store's changes.
 *   On quit the core is closed after its write queue drains.
 *
 * Everything here is wiring; each rule lives in its own module with its own test.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, ipcMain, screen, session, type BrowserWindow } from 'electron';
import { createCore } from '../core/index';
import type { Core } from '../core/types';
import { APP_ORIGIN } from '../../shared/csp';
import { closeCoreWithin } from './close-core';
import { openExternalSafely } from './external-links';
import { registerIpcHandlers } from './ipc';
import { setUpLogging } from './logging';
import { missingBindingMessage, nativeBindingPath } from './native-binding';
import { applyNavigationGuards } from './navigation';
import { applyPermissionPolicy } from './permissions';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { createAppSecretStore } from './secret-store';
import { acquireSingleInstance } from './single-instance';
import { createPrintWindowPdfMaker } from './receipt-pdf-window';
import {
  customerMonitor,
  keepCustomerDisplay,
  openCustomerDisplay,
  type CustomerDisplayKeeper,
} from './display-window';
import { createMainWindow } from './window';
import { forwardStoreChanges } from './store-changes';
import { electronSaveDialog } from './save-dialog';
import { electronFolderDialog } from './folder-dialog';
import { createDriverPrintPort } from './driver-printer';
import { applyCoreProcessV8Flags } from './v8-flags';

// Development and the real-Electron smoke test may point the profile at a scratch directory.
// Ignored in packaged builds, so a shortcut cannot redirect a till's database.
if (!app.isPackaged && process.env.KASSA_USER_DATA_DIR)
  app.setPath('userData', process.env.KASSA_USER_DATA_DIR);

// 0. Before ready.
applyCoreProcessV8Flags();
const logger = setUpLogging({ isPackaged: app.isPackaged });
registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  applyNavigationGuards(contents, {
    appOrigin: APP_ORIGIN,
    openExternal: (url) => openExternalSafely(url),
    onBlocked: (kind, url) =>
      logger.warn('Blocked by the navigation policy', { kind, url: url.slice(0, 200) }),
  });
  applyPermissionPolicy(contents.session);
});

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let customerDisplay: CustomerDisplayKeeper | null = null;

// 1. Single instance; 2–7. start.
if (acquireSingleInstance(app, () => mainWindow)) {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.error('Kassa could not start', { message });
    dialog.showErrorBox('Kassa could not start', message);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();

  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  if (nativeBinding !== undefined && !existsSync(nativeBinding))
    throw new Error(missingBindingMessage(nativeBinding));

  const started = await createCore({
    databasePath: path.join(app.getPath('userData'), 'kassa.sqlite'),
    secretStore: createAppSecretStore(),
    appOrigin: APP_ORIGIN,
    logger,
    saveDialog: electronSaveDialog,
    folderDialog: electronFolderDialog,
    ...(nativeBinding !== undefined ? { nativeBinding } : {}),
    // Receipt PDFs from a hidden window on the print route (issue 10, section 3).
    receiptPdf: createPrintWindowPdfMaker(),
    printing: { driver: createDriverPrintPort() },
  });
  core = started;
  if (started.safeMode) logger.warn('Database failed quick_check: running in safe mode');

  registerIpcHandlers(ipcMain, started, {
    logger,
    isDisplaySender: (sender) => customerDisplay?.current()?.isDisplaySender(sender) ?? false,
  });
  serveAppProtocol({ bundleRoot: path.join(app.getAppPath(), 'dist', 'renderer') });
  applyPermissionPolicy(session.defaultSession);

  mainWindow = await createMainWindow(path.join(__dirname, 'preload.cjs'), {
    isPackaged: app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
    customerDisplay?.current()?.window.destroy();
  });
  // Other tills' changes of the catalogue, settings and staff (issue 12, section 2).
  forwardStoreChanges(started, mainWindow);

  // 8. The customer display (issue 10, section 4), on a second monitor when the till has one
  // and the store's setting is on. It never stops the till: a failure is logged and the till
  // runs without it.
  customerDisplay = keepCustomerDisplay(started, {
    monitor: () => customerMonitor(screen.getAllDisplays(), screen.getPrimaryDisplay()),
    open: (monitor) =>
      openCustomerDisplay(started, path.join(__dirname, 'display-preload.cjs'), monitor, {
        isPackaged: app.isPackaged,
      }),
    onError: (error) =>
      logger.warn('The customer display could not open', {
        message: error instanceof Error ? error.message : String(error),
      }),
  });
}

// A till has one window; closing it quits (macOS included).
app.on('window-all-closed', () => app.quit());

// Close the database after its write queue drains, then quit for real; a close that hangs (a
// store server that stopped answering) is waited for CLOSE_GRACE_MS at most.
let coreClosed = false;
app.on('will-quit', (event) => {
  if (core === null || coreClosed) return;
  event.preventDefault();
  const closing = core;
  core = null;
  void closeCoreWithin(closing, logger).finally(() => {
    coreClosed = true;
    app.quit();
  });
});
