/**
 * Where the Electron build of better-sqlite3 lives in development (docs/native-modules.md).
 *
 * better-sqlite3 uses V8's ABI, so the binary in node_modules (built for Node, used by the tests)
 * cannot load in Electron. `node scripts/native-binding.mjs electron` (run by `npm start`) builds
 * an Electron copy into `.native/electron-<version>-<platform>-<arch>/better_sqlite3.node`, and the
 * main process hands that path to the core as better-sqlite3's `nativeBinding` option. Packaged
 * builds use electron-builder's own rebuild inside the package, so no path is passed there.
 */
import path from 'node:path';

export interface NativeBindingContext {
  isPackaged: boolean;
  /** `app.getAppPath()`: the project root when started with `electron .`. */
  appPath: string;
  /** `process.versions.electron`. */
  electronVersion: string;
  platform: string;
  arch: string;
}

/**
 * The `.node` path to pass as `nativeBinding`, or undefined for a packaged app (which loads the
 * rebuilt binary from app.asar.unpacked the normal way). Pure: it does not check the file exists.
 */
export function nativeBindingPath(context: NativeBindingContext): string | undefined {
  if (context.isPackaged) return undefined;
  return path.join(
    context.appPath,
    '.native',
    `electron-${context.electronVersion}-${context.platform}-${context.arch}`,
    'better_sqlite3.node',
  );
}

/** The message shown when the development binding is missing. */
export function missingBindingMessage(bindingPath: string): string {
  return (
    `The Electron build of better-sqlite3 is missing:\n${bindingPath}\n\n` +
    'Run "node scripts/native-binding.mjs electron" (npm start does this) and start Kassa again.'
  );
}
