/**
 * Packing: electron-builder `--dir` for Linux x64 on a fresh build of the three Vite targets,
 * with `electronDist` pointing at a stand-in folder that only looks like an Electron distribution
 * (the real one cannot be downloaded here; docs/toolchain.md) and `npmRebuild: false` (its rebuild
 * would compile against Node's headers and overwrite node_modules' Node build). Fuses are not
 * flipped (the stand-in binary has no fuse wire). Checks that app.asar holds the built app only,
 * and that the native modules are unpacked next to it (asarUnpack).
 *
 * Everything happens in a temp folder: the repo's dist/, dist-electron/ and release/ are untouched.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPackage } from '@electron/asar';
import { Arch, Platform, build } from 'electron-builder';
import electronPkg from 'electron/package.json' with { type: 'json' };

const ROOT = path.resolve(import.meta.dirname, '../..');
const VITE = path.join(ROOT, 'node_modules/vite/bin/vite.js');
const TARGETS: [config: string, outDir: string][] = [
  ['vite.config.ts', 'dist/renderer'],
  ['vite.main.config.ts', 'dist-electron'],
  ['vite.preload.config.ts', 'dist-electron'],
];

let work: string;
let unpackedDir: string;
let asarFiles: string[];

/** `vite build --config <config> --outDir <outDir>` in a child process (production mode, no vitest env). */
function viteBuild(config: string, outDir: string): Promise<void> {
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.VITEST;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        VITE,
        'build',
        '--config',
        path.join(ROOT, config),
        '--outDir',
        outDir,
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, env },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`vite build --config ${config} failed (exit ${code}):\n${output}`)),
    );
  });
}

/** A folder that looks enough like an unpacked Electron for electron-builder to copy and rename. */
function standInElectronDist(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(
    path.join(dir, 'electron'),
    '#!/bin/sh\necho "stand-in for the Electron binary" >&2\nexit 1\n',
  );
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronPkg.version);
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html>');
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kassa-pack-'));
  const project = path.join(work, 'project');
  mkdirSync(project);
  // The main and preload builds share dist-electron (emptyOutDir: false), so all three can run at once.
  await Promise.all(
    TARGETS.map(([config, outDir]) => viteBuild(config, path.join(project, outDir))),
  );

  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    cpSync(path.join(ROOT, file), path.join(project, file));
  cpSync(path.join(ROOT, 'build'), path.join(project, 'build'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  const electronDist = path.join(work, 'electron-dist');
  standInElectronDist(electronDist);

  const output = path.join(work, 'release');
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      electronDist,
      electronVersion: electronPkg.version,
      npmRebuild: false,
      electronFuses: null,
      directories: { output },
    },
  });
  unpackedDir = path.join(output, 'linux-unpacked');
  asarFiles = listPackage(path.join(unpackedDir, 'resources', 'app.asar'), { isPack: false }).map(
    (p) => p.split(path.sep).join('/'),
  );
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --dir (stand-in Electron, npmRebuild: false)', () => {
  it('produces resources/app.asar and the renamed executable', () => {
    expect(existsSync(path.join(unpackedDir, 'resources', 'app.asar'))).toBe(true);
    expect(existsSync(path.join(unpackedDir, 'kassa'))).toBe(true);
  });

  it('app.asar holds main.cjs, preload.cjs, the renderer and package.json, without source maps or sources', () => {
    for (const file of [
      '/dist-electron/main.cjs',
      '/dist-electron/preload.cjs',
      '/dist/renderer/index.html',
      '/package.json',
    ]) {
      expect(asarFiles).toContain(file);
    }
    expect(asarFiles.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(
      asarFiles.some((p) => /^\/(electron|shared|renderer|tests|scripts|\.native)\//.test(p)),
    ).toBe(false);
    expect(asarFiles.some((p) => p.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
  });

  it('ships the runtime dependencies and not the dev ones', () => {
    for (const dep of [
      'better-sqlite3',
      'keytar',
      'koffi',
      'typeorm',
      'zod',
      'bcryptjs',
      'electron-log',
      'reflect-metadata',
    ]) {
      expect(asarFiles).toContain(`/node_modules/${dep}/package.json`);
    }
    for (const devDep of [
      'electron',
      'vite',
      'vitest',
      'electron-builder',
      'react',
      'typescript',
    ]) {
      expect(asarFiles).not.toContain(`/node_modules/${devDep}/package.json`);
    }
  });

  it('unpacks the native modules into app.asar.unpacked (asarUnpack **/*.node)', () => {
    const unpacked = path.join(unpackedDir, 'resources', 'app.asar.unpacked', 'node_modules');
    expect(
      existsSync(path.join(unpacked, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
    ).toBe(true);
    expect(existsSync(path.join(unpacked, 'keytar', 'build', 'Release', 'keytar.node'))).toBe(true);
    expect(
      existsSync(path.join(unpacked, 'better-sqlite3', 'build', 'Release', 'test_extension.node')),
    ).toBe(false);
  });
});
