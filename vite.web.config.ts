import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin } from './src-main/host/dev-csp-plugin.ts';
import { SESSION_HEADER } from './src-core/host-session.ts';

/**
 * The renderer alone, for the local web host (tests, UI work without Electron). `npm run web` serves
 * it with hot reload and forwards /api to a web host started with `npx tsx src-main/web-host/server.ts`, both with the same
 * BANMIAN_WEB_SECRET in their environment.
 */
const webHost = `http://127.0.0.1:${process.env.BANMIAN_WEB_HOST_PORT ?? 5180}`;

/**
 * The PDF writer's libraries run on import without effects the window needs: preflight reaches
 * src-core/pdf's barrel for two checks, and without this the whole writer (pdf-lib and its colour
 * and HTML helpers, ~570 KB, only the host exports) was loaded before the first paint. Shared by
 * electron.vite.config.ts.
 */
const PDF_WRITER_LIBRARIES = /[\\/]node_modules[\\/](@cantoo[\\/]pdf-lib|culori|html-entities|node-html-better-parser)[\\/]/;
export const WINDOW_TREESHAKE = { moduleSideEffects: (id: string) => !PDF_WRITER_LIBRARIES.test(id) };

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), devCspPlugin()],
  // fontkit's WOFF2 decoder is not needed in the window (src-renderer/canvas/no-woff2.ts).
  resolve: { alias: { 'brotli/decompress.js': fileURLToPath(new URL('./src-renderer/canvas/no-woff2.ts', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    // The web host answers only its own origin with its session secret: the proxy speaks as that
    // origin and adds the secret both were started with (BANMIAN_WEB_SECRET).
    proxy: {
      '/api': {
        target: webHost,
        changeOrigin: true,
        headers: { origin: webHost, [SESSION_HEADER]: process.env.BANMIAN_WEB_SECRET ?? '' },
      },
      // fontBytes answers with a font's content address (src-main/web-host/font-route.ts).
      '/fonts': { target: webHost, changeOrigin: true },
    },
  },
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    target: 'chrome120',
    reportCompressedSize: false,
    rolldownOptions: { treeshake: WINDOW_TREESHAKE },
    chunkSizeWarningLimit: 2000,
  },
});
