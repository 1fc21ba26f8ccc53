/** The development nativeBinding path the main process hands to the core (docs/native-modules.md). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingBindingMessage, nativeBindingPath } from '../../electron/main/native-binding';

describe('nativeBindingPath', () => {
  it('points into .native/electron-<version>-<platform>-<arch>/ when not packaged', () => {
    expect(
      nativeBindingPath({
        isPackaged: false,
        appPath: '/src/kassa',
        electronVersion: '45.4.1',
        platform: 'linux',
        arch: 'x64',
      }),
    ).toBe(path.join('/src/kassa', '.native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node'));
  });

  it('is undefined for packaged builds (electron-builder rebuilt the module inside the package)', () => {
    expect(
      nativeBindingPath({
        isPackaged: true,
        appPath: '/opt/Kassa/resources/app.asar',
        electronVersion: '45.4.1',
        platform: 'linux',
        arch: 'x64',
      }),
    ).toBeUndefined();
  });

  it('the missing-binding message names the script to run', () => {
    expect(missingBindingMessage('/x/better_sqlite3.node')).toContain(
      'node scripts/native-binding.mjs electron',
    );
  });
});
