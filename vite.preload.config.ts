/**
 * Vite config for the preload: ONE bundled CommonJS file, dist-electron/preload.cjs. A sandboxed
 * preload (E1) cannot require from node_modules, so everything but `electron` is bundled in, and
 * no chunk may be split off (`codeSplitting: false`). The preload imports only the zod-free
 * channel list (shared/contract/channel-names.ts), so the bundle stays a few kilobytes (E2).
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
    rolldownOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false },
    },
  },
  ssr: { noExternal: true },
});
