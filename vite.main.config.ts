/**
 * Vite config for the Electron main process: one CommonJS file, dist-electron/main.cjs. `electron`,
 * Node built-ins and the runtime dependencies (native modules among them) stay external and are
 * loaded from node_modules (inside app.asar when packaged).
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const here = fileURLToPath(new URL('.', import.meta.url));
const external = [
  'electron',
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default defineConfig({
  build: {
    ssr: `${here}electron/main/index.ts`,
    outDir: `${here}dist-electron`,
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'cjs', entryFileNames: 'main.cjs' },
    },
  },
  ssr: { noExternal: [] },
});
