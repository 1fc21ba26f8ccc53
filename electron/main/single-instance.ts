/**
 * One Kassa per user session: a till has one database file and one writer (architecture §5), so
 * a second launch must not open the database again. It hands over to the running instance, which
 * brings its window to the front. Uses `app.requestSingleInstanceLock` (Electron `app` API).
 */
import type { App, BrowserWindow } from 'electron';

/** The window calls used to bring the running instance forward. */
export type FocusableWindow = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>;

/**
 * Takes the single-instance lock. Returns true when this is the only instance; it then focuses
 * `getWindow()` (restoring it if minimised) on every `second-instance` event. Returns false when
 * another instance holds the lock; `app.quit()` has then been called and the caller must not go on
 * to open the database or a window.
 */
export function acquireSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>,
  getWindow: () => FocusableWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
