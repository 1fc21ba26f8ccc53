#!/usr/bin/env node
/**
 * Makes better-sqlite3 loadable by the runtime about to run (docs/native-modules.md).
 *
 * better-sqlite3 is compiled against V8's ABI, so one binary cannot serve both Node (the tests)
 * and Electron (the app). node_modules keeps the NODE build; the Electron build lives beside it
 * in `.native/` and the main process passes its path as better-sqlite3's `nativeBinding` option.
 * So `npm test` and `npm start` both work, in either order, without rebuilding each other away.
 *
 *   node scripts/native-binding.mjs node [--no-rebuild]
 *     Checks that node_modules/better-sqlite3 loads under the current Node (opens an in-memory
 *     database in a child process). If it does not (an ABI mismatch, e.g. after electron-builder
 *     rebuilt it in place for Electron), runs `npm rebuild better-sqlite3` and checks again.
 *     With --no-rebuild it only reports. Exit 0 when it loads.
 *
 *   node scripts/native-binding.mjs electron [--force]
 *     Ensures `.native/electron-<version>-<platform>-<arch>/better_sqlite3.node` exists, WITHOUT
 *     touching node_modules: copies the better-sqlite3 package (minus build/) to a temp folder and
 *     builds it there with `prebuild-install --runtime electron --target <version>`, falling back
 *     to `node-gyp rebuild --runtime=electron --target=<version> --dist-url=https://electronjs.org/headers`.
 *     npm's `nodedir` setting is removed from the build's environment: with it node-gyp would
 *     silently build against Node's headers (toolchain.md). The result must NOT load under Node;
 *     if it does, it was built for the wrong runtime and is refused. A `build-info.json` stamp
 *     records the Electron and better-sqlite3 versions; a matching stamp skips the build.
 *     Exits non-zero, with an explanation, when Electron's own binary is not installed.
 *
 * Exit codes: 0 ok; 1 failed (message on stderr); 2 usage error.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

const log = (message) => console.log(`[native-binding] ${message}`);
const fail = (message) => {
  console.error(`[native-binding] ${message}`);
  return 1;
};

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function packageDir(name) {
  return path.dirname(requireFromRoot.resolve(`${name}/package.json`));
}

/**
 * Tries to open an in-memory database in a child Node process (a failing dlopen must not take
 * this script down). `bindingPath` tests a specific `.node` file instead of the default one.
 * Returns { ok, detail }.
 */
function loadsUnderNode(bindingPath) {
  const options = bindingPath ? JSON.stringify({ nativeBinding: bindingPath }) : '{}';
  const code = [
    "const Database = require('better-sqlite3');",
    `const db = new Database(':memory:', ${options});`,
    "const row = db.prepare('select sqlite_version() as v').get();",
    'db.close();',
    'console.log(row.v);',
  ].join(' ');
  const child = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  const detail = `${child.stdout ?? ''}${child.stderr ?? ''}`.trim();
  return { ok: child.status === 0, detail };
}

function firstLine(text) {
  return (
    text.split('\n').find((line) => /NODE_MODULE_VERSION|Error/.test(line)) ??
    text.split('\n')[0] ??
    ''
  ).trim();
}

// ---------------------------------------------------------------------------------------------
// node mode

function nodeMode(flags) {
  const before = loadsUnderNode();
  if (before.ok) {
    log(
      `better-sqlite3 loads under Node ${process.version} (ABI ${process.versions.modules}); SQLite ${before.detail}.`,
    );
    return 0;
  }
  log(
    `better-sqlite3 does not load under Node ${process.version} (ABI ${process.versions.modules}): ${firstLine(before.detail)}`,
  );
  if (flags.has('--no-rebuild'))
    return fail('Not rebuilding (--no-rebuild). Run "npm rebuild better-sqlite3".');

  log(
    'Rebuilding it for this Node with "npm rebuild better-sqlite3" (about 70 s when compiling from source)...',
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const rebuild = spawnSync(npm, ['rebuild', 'better-sqlite3'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (rebuild.status !== 0)
    return fail(`"npm rebuild better-sqlite3" failed (exit ${rebuild.status}).`);

  const after = loadsUnderNode();
  if (!after.ok)
    return fail(`better-sqlite3 still does not load after the rebuild: ${firstLine(after.detail)}`);
  log(`Rebuilt; better-sqlite3 now loads under Node ${process.version}; SQLite ${after.detail}.`);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// electron mode

const DEFAULT_ELECTRON_EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * Where `require('electron')` would point, computed the same way as node_modules/electron/index.js
 * but WITHOUT requiring it: from Electron 42 on, requiring it triggers a download attempt.
 */
function electronExecutable() {
  const dir = packageDir('electron');
  let relative = DEFAULT_ELECTRON_EXECUTABLE[process.platform] ?? 'electron';
  const pathFile = path.join(dir, 'path.txt');
  if (existsSync(pathFile)) relative = readFileSync(pathFile, 'utf8').trim() || relative;
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const executable = path.join(base, relative);
  return { executable, exists: existsSync(executable) };
}

function missingElectronMessage(version, executable) {
  return [
    `Electron's binary is not installed: ${path.relative(ROOT, executable) || executable} does not exist.`,
    `The electron ${version} npm package is present (its types work), but the Electron binary itself could not be`,
    'downloaded: from Electron 42 on it is fetched from GitHub on first use, and this machine cannot reach github.com.',
    'So "electron ." cannot run here. npm test does not need Electron.',
    'To run the app: on a machine with internet access run "npx --no install-electron" (or delete node_modules/electron and',
    `run npm install), or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron ${version} folder; then run npm start again.`,
  ].join('\n');
}

/** The build environment: npm's nodedir removed (else node-gyp builds for Node), Electron targeted. */
function electronBuildEnv(version) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|runtime|target|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  return {
    ...env,
    npm_config_runtime: 'electron',
    npm_config_target: version,
    npm_config_disturl: ELECTRON_HEADERS_URL,
    npm_config_arch: process.arch,
    npm_config_target_arch: process.arch,
    npm_config_build_from_source: '',
  };
}

function resolveNodeGyp() {
  try {
    return requireFromRoot.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    const bundled = path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    );
    return existsSync(bundled) ? bundled : undefined;
  }
}

function electronMode(flags) {
  const version = readJson(path.join(packageDir('electron'), 'package.json')).version;
  const { executable, exists } = electronExecutable();
  if (!exists) return fail(missingElectronMessage(version, executable));

  const sourceDir = packageDir('better-sqlite3');
  const betterSqlite3 = readJson(path.join(sourceDir, 'package.json')).version;
  const targetDir = path.join(
    ROOT,
    '.native',
    `electron-${version}-${process.platform}-${process.arch}`,
  );
  const target = path.join(targetDir, 'better_sqlite3.node');
  const stampFile = path.join(targetDir, 'build-info.json');
  const wanted = {
    electron: version,
    betterSqlite3,
    platform: process.platform,
    arch: process.arch,
  };

  if (!flags.has('--force') && existsSync(target) && existsSync(stampFile)) {
    const stamp = readJson(stampFile);
    if (Object.entries(wanted).every(([key, value]) => stamp[key] === value)) {
      log(
        `Electron ${version} build of better-sqlite3 ${betterSqlite3} is up to date: ${path.relative(ROOT, target)}`,
      );
      return 0;
    }
  }

  const work = mkdtempSync(path.join(tmpdir(), 'kassa-better-sqlite3-electron-'));
  try {
    log(
      `Building better-sqlite3 ${betterSqlite3} for Electron ${version} (${process.platform}-${process.arch}) in ${work}`,
    );
    // A copy of the package source: node_modules/better-sqlite3/build (the Node build) is never touched.
    cpSync(sourceDir, work, {
      recursive: true,
      filter: (src) => {
        const relative = path.relative(sourceDir, src);
        return !(
          relative === 'build' ||
          relative.startsWith(`build${path.sep}`) ||
          relative === 'node_modules' ||
          relative.startsWith(`node_modules${path.sep}`)
        );
      },
    });
    const env = electronBuildEnv(version);
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    let builtWith = 'prebuild-install';

    const prebuildInstall = requireFromRoot.resolve('prebuild-install/bin.js');
    const prebuilt = spawnSync(
      process.execPath,
      [
        prebuildInstall,
        '--runtime',
        'electron',
        '--target',
        version,
        '--arch',
        process.arch,
        '--platform',
        process.platform,
        '--verbose',
      ],
      { cwd: work, env, stdio: 'inherit' },
    );
    if (prebuilt.status !== 0 || !existsSync(built)) {
      log(
        'No prebuilt Electron binary could be fetched; compiling with node-gyp against Electron headers...',
      );
      builtWith = 'node-gyp';
      const nodeGyp = resolveNodeGyp();
      if (!nodeGyp)
        return fail('node-gyp was not found (neither in node_modules nor bundled with npm).');
      const compiled = spawnSync(
        process.execPath,
        [
          nodeGyp,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${version}`,
          `--arch=${process.arch}`,
          `--dist-url=${ELECTRON_HEADERS_URL}`,
        ],
        { cwd: work, env, stdio: 'inherit' },
      );
      if (compiled.status !== 0)
        return fail(
          `node-gyp could not build better-sqlite3 for Electron ${version} (exit ${compiled.status}). It needs Electron's headers from ${ELECTRON_HEADERS_URL}.`,
        );
    }
    if (!existsSync(built)) return fail(`The build finished but ${built} is missing.`);

    // An Electron build must NOT load under Node (different NODE_MODULE_VERSION). If it does, it was
    // compiled against Node's headers (npm's nodedir) and would crash or refuse to load in Electron.
    const underNode = loadsUnderNode(built);
    if (underNode.ok)
      return fail(
        `The binary loads under Node ${process.version}, so it was built for Node, not Electron ${version}. Refusing it.`,
      );

    mkdirSync(targetDir, { recursive: true });
    const partial = `${target}.partial-${process.pid}`;
    cpSync(built, partial);
    renameSync(partial, target);
    writeFileSync(
      stampFile,
      `${JSON.stringify({ ...wanted, builtWith, builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
    log(`Wrote ${path.relative(ROOT, target)} (${builtWith}).`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

function main(argv) {
  const [mode, ...rest] = argv;
  const flags = new Set(rest);
  if (mode === 'node') return nodeMode(flags);
  if (mode === 'electron') return electronMode(flags);
  console.error(
    'Usage: node scripts/native-binding.mjs <node [--no-rebuild] | electron [--force]>',
  );
  return 2;
}

process.exitCode = main(process.argv.slice(2));
