import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build.ts'],
    // A guard against a hang, not a speed target (those are in `npm run bench`).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
