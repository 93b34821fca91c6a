import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/build.ts'],
    // Every core: vitest's default leaves one idle, half of a 2-core CI machine.
    maxWorkers: availableParallelism(),
    // Test files share a worker's module cache; each file restores what it changes.
    isolate: false,
    // A guard against a hang, not a speed target (those are in `npm run bench`).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
