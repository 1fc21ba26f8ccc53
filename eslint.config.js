/**
 * ESLint flat config.
 *
 * - typescript-eslint `recommended` everywhere, plus a few type-aware rules that catch real bugs
 *   cheaply (floating or misused promises, awaiting non-promises, throwing non-errors). The type
 *   information comes from tsconfig.json through the project service.
 * - Globals by runtime: Node for electron/, scripts/, tests/ and root configs; browser for renderer/.
 * - React hooks rules for renderer/ (and its tests).
 * - Layer rules (docs/architecture.md): electron/core/, shared/ and renderer/ never import
 *   `electron`, so the core stays headless; renderer/ never imports from electron/; the core never
 *   imports the shell (electron/main, electron/preload) or the renderer; shared/ imports nothing
 *   from electron/ or renderer/.
 * - No import cycles (`import-x/no-cycle`): a module never imports, directly or through others, a
 *   module that imports it back. Type-only imports are erased at run time and do not count.
 *
 * `npm run lint` runs `eslint . --max-warnings 0`, so a warning fails as surely as an error.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,jsx,mjs,cjs}'];
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The message shown when a headless layer imports Electron. */
const NO_ELECTRON = {
  name: 'electron',
  message:
    'This layer is headless: it runs in plain Node (tests, e2e bridge). Only electron/main and electron/preload may import electron.',
};

/**
 * Options for `@typescript-eslint/no-restricted-imports`: `electron` itself, plus module
 * specifiers matching `regexes`. Flat config replaces (does not merge) a rule's options when
 * several blocks match a file, so each layer gets one complete set; the layer globs are disjoint.
 */
function layerRule(regexes) {
  return [
    'error',
    {
      paths: [NO_ELECTRON],
      patterns: regexes.map(([regex, message]) => ({ regex, message })),
    },
  ];
}

/** electron-log's default, main and renderer entries load Electron; `electron-log/node` does not. */
const ELECTRON_LOG = [
  String.raw`^electron-log(/(main|renderer|preload)(\.js)?)?$`,
  'This layer is headless: take a Logger (electron/core/types.ts) instead, or use electron-log/node.',
];

/** `import('electron')` and `require('electron')` escape no-restricted-imports; catch them too. */
const noDynamicElectron = [
  'error',
  {
    selector: "ImportExpression[source.value='electron']",
    message: NO_ELECTRON.message,
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
    message: NO_ELECTRON.message,
  },
];

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      '.native/',
      'test-results/',
      'bench-results/',
      'coverage/',
      '.vite/',
      '.tsbuild/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  // Type-aware rules for TypeScript files (cheap ones only; the unsafe-* family is left out).
  {
    files: TS_FILES,
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // React event props such as onClick={async () => …} are fine.
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
    },
  },

  // House style for all code.
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
      'no-console': 'off',
      // Matching control characters on purpose is routine here: input validation (F1) and log
      // encoding (L3) both do it.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  // Runtimes.
  {
    files: ['electron/**', 'scripts/**', 'tests/**', 'migrations/**', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**', 'tests/renderer/**', 'tests/e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['tests/**'],
    languageOptions: { globals: { ...globals.vitest } },
    rules: {
      // Mocks and fakes in tests are allowed to be loose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // React: the classic hooks rules plus the compiler-derived checks that flag real bugs. Rules that
  // only matter with the React Compiler enabled (memoization, gating, config) are left out, and so
  // are `set-state-in-effect` (load-on-mount effects) and `refs` (see below), which flag ordinary code.
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'react-hooks/immutability': 'error',
      'react-hooks/globals': 'error',
      // Not `refs`: it flags `form.onSubmit(submit)` (Mantine) when `submit` focuses a ref, a
      // handler that only runs on an event, not during render.
      'react-hooks/purity': 'error',
      'react-hooks/set-state-in-render': 'error',
      'react-hooks/static-components': 'error',
      'react-hooks/use-memo': 'error',
      'react-hooks/error-boundaries': 'error',
    },
  },

  // Every user-facing string comes from the i18n catalogues (renderer/src/i18n): no literal text
  // in JSX, nor in the attributes people read or hear.
  {
    files: ['renderer/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['label', 'placeholder', 'title', 'aria-label', 'alt', 'description', 'error'],
          },
        },
      ],
    },
  },

  // Layers (docs/architecture.md).
  {
    files: ['electron/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layerRule([
        [
          String.raw`^(\.\./)+(main|preload)(/|$)|(^|/)electron/(main|preload)(/|$)`,
          'The core must not import the Electron shell (electron/main, electron/preload).',
        ],
        [String.raw`(^|/)renderer(/|$)`, 'The core must not import the renderer.'],
        ELECTRON_LOG,
      ]),
      'no-restricted-syntax': noDynamicElectron,
    },
  },
  {
    files: ['shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layerRule([
        [
          String.raw`^(\.\./)+(electron|renderer)(/|$)`,
          'shared/ is the bottom layer: it must not import from electron/ or renderer/.',
        ],
        ELECTRON_LOG,
      ]),
      'no-restricted-syntax': noDynamicElectron,
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': layerRule([
        [
          String.raw`(^|/)electron/`,
          'The renderer talks to the main process only through window.api; import contracts from shared/.',
        ],
      ]),
      'no-restricted-syntax': noDynamicElectron,
    },
  },

  // No import cycles. Relative imports are resolved as the bundlers do (extensionless, to .ts and
  // .tsx files and index files); packages in node_modules are not followed.
  {
    files: [...TS_FILES, ...JS_FILES],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': SOURCE_EXTENSIONS,
      'import-x/resolver-next': [createNodeResolver({ extensions: SOURCE_EXTENSIONS })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },

  // Plain JavaScript files are not in tsconfig.json: no type-aware rules there.
  {
    files: JS_FILES,
    ...tseslint.configs.disableTypeChecked,
  },
);
