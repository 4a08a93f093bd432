import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built renderer (dist-web/) on the local web host in Debian's Chromium, the
 * Electron bridge with a stand-in 'electron' module, and the Electron smoke test where a binary exists.
 * One file at a time in one fork: each file starts a browser and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/electron/**/*.test.ts', 'tests/collab/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // The installed-font listing's cache in a folder of the run's own, never the user's.
    globalSetup: ['tests/support/cache-dir.setup.ts'],
  },
});
