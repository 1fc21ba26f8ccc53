/**
 * Issue 8, item 23: the sign-in screen's JavaScript is at most 150 kB gzip. The renderer is built
 * exactly as it ships (vite.config.ts) into memory; the sign-in screen needs the entry chunk and
 * every chunk it imports statically (index.html preloads those). The signed-in screens must be
 * separate chunks that load only on demand.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { OutputChunk, RolldownOutput } from 'rolldown';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The budget for the sign-in screen's JavaScript, gzip bytes (kB as Vite reports, 1 kB = 1000 B). */
export const SIGN_IN_BUDGET = 150_000;

const gzipBytes = (chunk: OutputChunk) => gzipSync(chunk.code, { level: 9 }).length;

describe("the renderer's weight", () => {
  let chunks: Map<string, OutputChunk>;
  let signIn: OutputChunk[];

  beforeAll(async () => {
    // Vitest sets NODE_ENV=test, which would build React's development code; build as shipped.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const out = (await build({
      configFile: `${root}vite.config.ts`,
      mode: 'production',
      logLevel: 'silent',
      build: { write: false, emptyOutDir: false },
    }).finally(() => {
      process.env.NODE_ENV = nodeEnv;
    })) as RolldownOutput | RolldownOutput[];
    const outputs = Array.isArray(out) ? out : [out];
    chunks = new Map(
      outputs
        .flatMap((o) => o.output)
        .filter((o): o is OutputChunk => o.type === 'chunk')
        .map((c) => [c.fileName, c]),
    );
    const entry = [...chunks.values()].find((c) => c.isEntry);
    if (!entry) throw new Error('no entry chunk');
    // The entry and its static imports, transitively: what loads before sign-in can draw.
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const next of chunks.get(name)?.imports ?? []) visit(next);
    };
    visit(entry.fileName);
    signIn = [...seen].map((name) => chunks.get(name)!);
  }, 120_000);

  it('the sign-in screen loads at most 150 kB gzip of JavaScript', () => {
    const sizes = signIn.map((c) => ({ chunk: c.fileName, gzip: gzipBytes(c) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const everything = [...chunks.values()].reduce((sum, c) => sum + gzipBytes(c), 0);
    console.info(
      `sign-in JavaScript: ${(total / 1000).toFixed(1)} kB gzip in ${sizes.length} chunk(s); ` +
        `all chunks: ${(everything / 1000).toFixed(1)} kB gzip in ${chunks.size}\n` +
        sizes.map((s) => `  ${s.chunk}: ${(s.gzip / 1000).toFixed(1)} kB`).join('\n'),
    );
    expect(total).toBeLessThanOrEqual(SIGN_IN_BUDGET);
  });

  it('the signed-in screens are separate chunks, loaded on demand', () => {
    const signInModules = new Set(signIn.flatMap((c) => Object.keys(c.modules)));
    for (const screen of [
      'features/shell/Shell.tsx',
      'features/checkout/CheckoutScreen.tsx',
      'features/transactions/TransactionsScreen.tsx',
      'features/customers/CustomersScreen.tsx',
      'features/products/ProductsScreen.tsx',
      'features/reports/ReportsScreen.tsx',
      'features/data-import/DataImportScreen.tsx',
      'features/staff/StaffScreen.tsx',
      'features/settings/SettingsScreen.tsx',
      'features/setup/SetupScreen.tsx',
      'features/lock/LockScreen.tsx',
    ]) {
      const id = `${root}renderer/src/${screen}`;
      expect(signInModules.has(id), `${screen} is in the sign-in JavaScript`).toBe(false);
      expect(
        [...chunks.values()].some((c) => id in c.modules),
        `${screen} is built`,
      ).toBe(true);
    }
  });
});
