import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
    // The installed-font listing's cache in a folder of the run's own, never the user's.
    globalSetup: ['tests/support/cache-dir.setup.ts'],
  },
});
