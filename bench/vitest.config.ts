// `npm run bench:smoke`: the benchmark's smoke test, kept out of `npm test`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['bench/smoke.test.ts'],
    globalSetup: ['test/helpers/build.ts'],
    testTimeout: 600_000,
  },
});
