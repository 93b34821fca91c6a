/**
 * The fixed settings of every property test: one seed, so that CI runs the same cases every
 * time, and a documented number of runs per property, low enough for a quick suite.
 * `LADDER_PROPERTY_SCALE=n` multiplies every run count for a deep run (`LADDER_PROPERTY_SCALE=20
 * npx vitest run test/property`). docs/reliability.md states the default total, and
 * test/hostile/figures.test.ts checks that it does.
 */

/** The seed of every property in test/property. */
export const SEED = 20_260_601;

/** Runs per property, by the name of the test that uses it. */
export const RUNS = {
  'loader: arbitrary text': 100,
  'loader: arbitrary bytes': 50,
  'validator: arbitrary YAML-shaped data': 100,
  'validator: ladder-shaped data with arbitrary values': 75,
  'review: arbitrary Markdown': 50,
  'review: arbitrary Markdown after valid front matter': 50,
  'render: ladder text renders literally': 50,
  'comment: user text cannot ping, inject HTML or forge the marker': 40,
  'comment: many long packets stay under the limit': 10,
} as const;

/** The multiplier of every run count: `LADDER_PROPERTY_SCALE`, 1 when unset. */
const SCALE = ((value) => (Number.isFinite(value) && value > 0 ? value : 1))(
  Number(process.env.LADDER_PROPERTY_SCALE ?? '1'),
);

/** `n` runs, times LADDER_PROPERTY_SCALE (at least one). */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * SCALE));
}

/** The name of one property (a key of RUNS). */
export type PropertyName = keyof typeof RUNS;

/** fast-check parameters for one property: the fixed seed and its number of runs. */
export function params(name: PropertyName): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: runs(RUNS[name]) };
}

/** Property cases run in CI (at the default scale), all properties together. */
export const TOTAL_RUNS: number = Object.values(RUNS).reduce((sum, n) => sum + n, 0);
