/**
 * The fixed settings of every property test: one seed, so that CI runs the same cases every
 * time, and a documented number of runs per property. The README's Reliability section states
 * the total, and test/hostile/figures.test.ts checks that it does.
 */

/** The seed of every property in test/property. */
export const SEED = 20_260_601;

/** Runs per property, by the name of the test that uses it. */
export const RUNS = {
  'loader: arbitrary text': 400,
  'loader: arbitrary bytes': 200,
  'validator: arbitrary YAML-shaped data': 400,
  'validator: ladder-shaped data with arbitrary values': 300,
  'review: arbitrary Markdown': 200,
  'review: arbitrary Markdown after valid front matter': 200,
  'render: ladder text renders literally': 200,
  'comment: user text cannot ping, inject HTML or forge the marker': 150,
  'comment: many long packets stay under the limit': 25,
} as const;

/** The name of one property (a key of RUNS). */
export type PropertyName = keyof typeof RUNS;

/** fast-check parameters for one property: the fixed seed and its number of runs. */
export function params(name: PropertyName): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: RUNS[name] };
}

/** Property cases run in CI, all properties together. */
export const TOTAL_RUNS: number = Object.values(RUNS).reduce((sum, n) => sum + n, 0);
