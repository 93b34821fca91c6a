import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Loads dependencies as the bundles have them: without the `development` export condition,
 * which vitest adds by default. micromark and mdast-util-from-markdown publish a development
 * build that checks micromark's own invariants and logs through `debug` at every character:
 * a sixth of the time of the Markdown-heavy test files (the hostile corpus, the review and
 * comment tests), for checks of micromark rather than of ours. esbuild bundles the default
 * builds into dist/ and action/dist/, so these are also the builds a user runs.
 */
const productionBuilds: Plugin = {
  name: 'ladder-production-builds',
  configResolved(config) {
    // vitest turns `development|production` into `--conditions development` for its workers.
    for (const resolve of [config.ssr.resolve, config.environments.ssr?.resolve]) {
      const conditions = resolve?.conditions;
      if (!Array.isArray(conditions)) continue;
      const kept = conditions.filter((c) => c !== 'development|production' && c !== 'development');
      conditions.splice(0, conditions.length, ...kept);
    }
  },
};

export default defineConfig({
  plugins: [productionBuilds],
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
