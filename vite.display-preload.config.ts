/**
 * Vite config for the customer display's preload (issue 10, section 4): ONE bundled CommonJS
 * file, dist-electron/display-preload.cjs, requiring only `electron` (sandboxed, E1), like
 * vite.preload.config.ts does for the till window's preload.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  build: {
    ssr: `${here}electron/preload/display.ts`,
    outDir: `${here}dist-electron`,
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'display-preload.cjs', codeSplitting: false },
    },
  },
  ssr: { noExternal: true },
});
