/**
 * Each layer type-checks with only what it may use (tsconfig.<layer>.json, built by `npm run
 * typecheck`): a probe file placed in the layer's folder is compiled with the layer's own options,
 * and the globals it may not use must be unknown names there, while those it needs stay known.
 * The core gets no DOM, the renderer no Node, shared/ neither, and only the tests get the Vitest
 * globals (docs/architecture.md, "Layers").
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Globals and modules a probe asks for; the `node:fs` entry is an import, the rest are names. */
const DOM = ['document', 'window', 'HTMLElement', 'HTMLInputElement'];
const NODE = ['process', 'Buffer', 'setImmediate', '__dirname', 'node:fs'];
const TESTS = ['describe', 'it', 'expect', 'vi'];
const ES = ['Math', 'Promise', 'Intl', 'Map'];

interface Layer {
  config: string;
  /** A folder of the layer, where the probe file pretends to live. */
  folder: string;
  allowed: string[];
  forbidden: string[];
}

const LAYERS: Layer[] = [
  {
    config: 'tsconfig.shared.json',
    folder: 'shared',
    allowed: ES,
    forbidden: [...DOM, ...NODE, ...TESTS],
  },
  {
    config: 'tsconfig.core.json',
    folder: 'electron/core',
    allowed: [...ES, ...NODE],
    forbidden: [...DOM, ...TESTS],
  },
  {
    config: 'tsconfig.renderer.json',
    folder: 'renderer/src',
    // window.api is typed in the renderer (renderer/src/window-api.d.ts), not in shared/.
    allowed: [...ES, ...DOM, 'window.api'],
    forbidden: [...NODE, ...TESTS],
  },
  {
    config: 'tsconfig.shell.json',
    folder: 'electron/main',
    allowed: [...ES, ...NODE],
    forbidden: [...DOM, ...TESTS],
  },
  {
    config: 'tsconfig.scripts.json',
    folder: 'scripts',
    allowed: [...ES, ...NODE],
    forbidden: [...DOM, ...TESTS],
  },
  {
    config: 'tsconfig.tests.json',
    folder: 'tests',
    allowed: [...ES, ...NODE, ...DOM, ...TESTS],
    forbidden: [],
  },
];

function probeSource(names: string[]): string {
  const lines = names.map((name, i) =>
    name.startsWith('node:')
      ? `import * as m${i} from '${name}';\nexport const p${i} = m${i};`
      : `export const p${i} = typeof ${name};`,
  );
  return `${lines.join('\n')}\n`;
}

/** Library declaration files already parsed, by path and language setting. */
const parsedLibraries = new Map<string, ts.SourceFile>();

/** The names and modules the layer's compiler options do not know, sorted. */
function unknownNames(layer: Layer, names: string[]): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, layer.config), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${layer.config}`);
  // Checked alone: no declaration output, no project references to built .d.ts files.
  const options: ts.CompilerOptions = {
    ...parsed.options,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
    incremental: false,
    noEmit: true,
  };
  const probe = path.join(ROOT, layer.folder, '__layer_probe__.ts');
  const text = probeSource(names);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) => {
    if (path.resolve(fileName) === probe) return ts.createSourceFile(fileName, text, language);
    // The libraries' declarations (lib.*.d.ts, @types) are the bulk of every layer's program and
    // read the same for all of them: parse each once per language setting.
    if (!fileName.includes('/node_modules/')) return getSourceFile(fileName, language, ...rest);
    const key = `${fileName}\0${JSON.stringify(language)}`;
    let file = parsedLibraries.get(key);
    if (!file) {
      file = getSourceFile(fileName, language, ...rest);
      if (file) parsedLibraries.set(key, file);
    }
    return file;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => path.resolve(fileName) === probe || fileExists(fileName);
  // The layer's own ambient declarations (renderer/src/vite-env.d.ts, window-api.d.ts) come along.
  const ambient = parsed.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram([probe, ...ambient], options, host);
  const missing = ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    .map((message) => {
      const match = /^Cannot find (?:name|module) '([^']+)'/.exec(message);
      if (!match) throw new Error(`unexpected diagnostic in the ${layer.config} probe: ${message}`);
      return match[1]!;
    });
  return [...new Set(missing)].sort();
}

describe('per-layer type checking', () => {
  it.each(LAYERS)(
    '$config: only the forbidden globals are unknown names',
    (layer) => {
      expect(unknownNames(layer, [...layer.allowed, ...layer.forbidden])).toEqual(
        [...layer.forbidden].sort(),
      );
    },
    30_000,
  );

  it('the solution (tsconfig.json) builds every layer and owns no file', () => {
    const { config } = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile) as {
      config: { files: string[]; references: { path: string }[] };
    };
    expect(config.files).toEqual([]);
    expect(config.references.map((r) => r.path).sort()).toEqual(
      LAYERS.map((l) => `./${l.config}`).sort(),
    );
  });
});
