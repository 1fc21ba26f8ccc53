/**
 * Vite config for the preload: ONE bundled CommonJS file. A sandboxed preload cannot require
 * from node_modules, so everything but `electron` is bundled in.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  build: {
    ssr: `${here}electron/preload/index.ts`,
    outDir: `${here}dist-electron`,
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rollupOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs', inlineDynamicImports: true },
    },
  },
  ssr: { noExternal: true },
});
