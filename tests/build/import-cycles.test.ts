/**
 * `npm run lint` forbids import cycles (`import-x/no-cycle` in eslint.config.js): the rule is on
 * for every layer, and with the repository's resolver settings it finds a cycle between two
 * TypeScript modules imported without extensions, as the code writes them. Type-only imports are
 * erased at run time and do not count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'kassa-cycles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The block of eslint.config.js that configures the cycle rule. */
async function cycleBlock(): Promise<Linter.Config> {
  const url = pathToFileURL(path.join(ROOT, 'eslint.config.js')).href;
  const { default: config } = (await import(url)) as { default: Linter.Config[] };
  const block = config.find((c) => c.rules?.['import-x/no-cycle'] !== undefined);
  if (!block) throw new Error('eslint.config.js has no import-x/no-cycle rule');
  return block;
}

/** Writes the files into a fresh folder and lints `entry` with the cycle rule alone. */
async function cycleErrors(files: Record<string, string>, entry: string): Promise<string[]> {
  const folder = mkdtempSync(path.join(dir, 'case-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  const block = await cycleBlock();
  const linter = new Linter({ cwd: folder });
  const messages = linter.verify(
    files[entry]!,
    [{ ...block, files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }],
    path.join(folder, entry),
  );
  return messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('import-x/no-cycle', () => {
  it('is an error in every layer', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    for (const file of [
      'shared/money.ts',
      'electron/core/index.ts',
      'electron/main/index.ts',
      'electron/preload/index.ts',
      'renderer/src/App.tsx',
      'scripts/seed.ts',
      'migrations/index.ts',
      'tests/helpers/core.ts',
      'scripts/native-binding.mjs',
    ]) {
      const config = (await eslint.calculateConfigForFile(path.join(ROOT, file))) as Linter.Config;
      const rule = config.rules?.['import-x/no-cycle'];
      expect(Array.isArray(rule) ? rule[0] : rule, file).toBe(2);
    }
  });

  it('reports a module that imports, through another, a module importing it back', async () => {
    const files = {
      'a.ts': "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
      'b.ts': "import { c } from './c';\nexport const b = (): number => c();\n",
      'c.ts': "import { a } from './a';\nexport const c = (): number => (a ? 1 : 0);\n",
    };
    expect(await cycleErrors(files, 'a.ts')).toEqual([
      'import-x/no-cycle: Dependency cycle via "./c:1"',
    ]);
  });

  it('lets a type-only import close the loop', async () => {
    const files = {
      'a.ts': "import { b } from './b';\nexport type A = { n: number };\nexport const a = b;\n",
      'b.ts': "import type { A } from './a';\nexport const b = (x: A): number => x.n;\n",
    };
    expect(await cycleErrors(files, 'a.ts')).toEqual([]);
  });
});
