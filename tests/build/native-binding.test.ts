/**
 * scripts/native-binding.mjs (docs/native-modules.md): the `node` check, and the `electron` mode's
 * clear refusal when Electron's binary is absent. Neither run may touch node_modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/native-binding.mjs');
const NODE_BUILD = path.join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

describe('scripts/native-binding.mjs', () => {
  it('node --no-rebuild: better-sqlite3 in node_modules loads under this Node (exit 0)', () => {
    const before = statSync(NODE_BUILD).mtimeMs;
    const { status, output } = run(['node', '--no-rebuild']);
    expect(output).toContain(`loads under Node ${process.version}`);
    expect(status).toBe(0);
    expect(statSync(NODE_BUILD).mtimeMs).toBe(before);
  });

  it('electron without the Electron binary: a clear message, exit non-zero, nothing built or touched', () => {
    const emptyDist = mkdtempSync(path.join(tmpdir(), 'kassa-no-electron-'));
    try {
      const before = statSync(NODE_BUILD).mtimeMs;
      const hadNative = existsSync(path.join(ROOT, '.native'));
      const { status, output } = run(['electron'], { ELECTRON_OVERRIDE_DIST_PATH: emptyDist });
      expect(status).not.toBe(0);
      expect(output).toMatch(/Electron's binary is not installed/);
      expect(output).toMatch(/could not be\s+downloaded/);
      expect(statSync(NODE_BUILD).mtimeMs).toBe(before);
      expect(existsSync(path.join(ROOT, '.native'))).toBe(hadNative);
    } finally {
      rmSync(emptyDist, { recursive: true, force: true });
    }
  });

  it('no mode: usage and exit 2', () => {
    const { status, output } = run([]);
    expect(status).toBe(2);
    expect(output).toContain('Usage: node scripts/native-binding.mjs');
  });
});
