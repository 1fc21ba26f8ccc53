/**
 * How a test starts a child process that runs the core (the kill -9 tests). Loading the core
 * through tsx's loader costs about 1 s per start, so the child's entry is bundled once with esbuild
 * (tsx's own compiler; packages stay external and resolve from node_modules, hence the bundle lives
 * under node_modules/.cache) and each start is plain `node bundle.mjs` (about 0.5 s). If esbuild
 * cannot be loaded, it falls back to `--import tsx`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface ChildEntry {
  /** The arguments to give `node` before the child's own. */
  args: string[];
  /** Deletes the bundle. */
  remove(): void;
}

/** Bundles `entry` (a path from the repository root) for quick child starts. */
export async function bundleChild(entry: string): Promise<ChildEntry> {
  const source = join(ROOT, entry);
  try {
    const { build } = await import('esbuild');
    const name = basename(entry).replace(/\.ts$/, '');
    const out = join(ROOT, 'node_modules/.cache/kassa-tests', `${name}-${process.pid}.mjs`);
    mkdirSync(join(out, '..'), { recursive: true });
    await build({
      entryPoints: [source],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      tsconfig: join(ROOT, 'tsconfig.json'),
      logLevel: 'silent',
    });
    return { args: [out], remove: () => rmSync(out, { force: true }) };
  } catch {
    return { args: ['--import', 'tsx', source], remove: () => undefined };
  }
}
