import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin } from './src-main/host/dev-csp-plugin';

/** The renderer alone, for the local web host (tests, UI work without Electron). */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), devCspPlugin()],
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    target: 'chrome120',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
  },
});
