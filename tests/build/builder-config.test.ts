/**
 * electron-builder.yml, validated offline with electron-builder's own loader and JSON-schema
 * validation (app-builder-lib `getConfig` + `validateConfiguration`), plus the settings Kassa
 * relies on: asarUnpack of native modules, the installer targets and the E9 fuses.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');
const load = (): Promise<Configuration> => getConfig(ROOT, CONFIG_FILE, null);

function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((t: unknown) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(
      validateConfiguration(await load(), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('an unknown key fails validation (so the check has teeth)', async () => {
    const config = { ...(await load()), notAnElectronBuilderOption: true } as Configuration;
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(
      /unknown property 'notAnElectronBuilderOption'/,
    );
  });

  it('a misspelt nested key fails too', async () => {
    const config = await load();
    const broken = { ...config, linux: { ...config.linux, maintaner: 'typo' } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object/,
    );
  });

  it('identifies the app and ships only the built output', async () => {
    const config = await load();
    expect(config.appId).toBe('app.kassa.pos');
    expect(config.productName).toBe('Kassa');
    const files = JSON.stringify(config.files);
    for (const entry of [
      'dist/renderer/**/*',
      'dist-electron/**/*',
      'package.json',
      '!dist-electron/**/*.map',
    ])
      expect(files).toContain(entry);
    expect(files).not.toMatch(/"(electron|renderer|shared|tests|scripts)\/\*\*/);
  });

  it('unpacks every native module from the asar', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('builds NSIS (Windows), DMG (macOS), AppImage and deb (Linux) with icons and Linux metadata', async () => {
    const config = await load();
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux?.category).toBeTruthy();
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.mac?.icon).toBe('build/icon.icns');
    expect(config.linux?.icon).toBe('build/icon.png');
  });

  it('E9: sets the release fuses', async () => {
    const config = await load();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('release builds rebuild native modules for Electron (the offline pack test turns this off)', async () => {
    const config = await load();
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
  });
});
