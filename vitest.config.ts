import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file builds its own app and database; two cores, so two workers.
    pool: 'forks',
    maxWorkers: 2,
  },
});
