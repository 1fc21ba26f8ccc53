/** Vite config for the renderer (React). Output: dist/renderer, loaded by the app over app://kassa/. */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: `${here}renderer`,
  base: './',
  plugins: [react()],
  build: {
    // Electron 45 ships Chromium 142: no need to down-level modern syntax for older browsers.
    target: 'chrome142',
    outDir: `${here}dist/renderer`,
    emptyOutDir: true,
    // No inline scripts or styles: the CSP forbids them (E3).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
