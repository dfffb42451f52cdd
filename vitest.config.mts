import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ESM builds. Apollo and type-graphql load the CommonJS one;
    // if our code got the ESM one, graphql would see two realms and refuse the schema.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    // What a test waits for (expect.poll) may take seconds on a loaded two-core machine with a
    // browser running: give conditions time to come true rather than fail at a second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
    // Each test file builds its own app and database; two cores, so two workers.
    pool: 'forks',
    maxWorkers: 2,
  },
});
