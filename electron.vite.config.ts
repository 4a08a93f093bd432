import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin } from './src-main/host/dev-csp-plugin.ts';
import { WINDOW_TREESHAKE } from './vite.web.config.ts';

/**
 * electron-vite builds three bundles into out/: main (ESM, package.json "main" points at
 * out/main/index.js), preload (CommonJS, because a sandboxed preload cannot be an ES module) and
 * the renderer from src-renderer/index.html.
 */
export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve('src-main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': everything else is bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), devCspPlugin()],
    // fontkit's WOFF2 decoder is not needed in the window (src-renderer/canvas/no-woff2.ts).
    resolve: { alias: { 'brotli/decompress.js': resolve('src-renderer/canvas/no-woff2.ts') } },
    build: {
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') }, treeshake: WINDOW_TREESHAKE },
      chunkSizeWarningLimit: 2000,
    },
  },
});
