/**
 * In-process stage timings for the benchmark: with `LADDER_TIMINGS=1` the CLI prints one line
 * `LADDER_TIMINGS {"read":1.2,"validate":3.4,...}` (milliseconds) to stderr when it finishes.
 */
const enabled = process.env.LADDER_TIMINGS === '1';
const totals: Record<string, number> = {};

/** Runs `fn`, adding its duration to the stage `label` when timings are on. */
export function timed<T>(label: string, fn: () => T): T {
  if (!enabled) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    totals[label] = (totals[label] ?? 0) + performance.now() - start;
  }
}

/** The timings line, or the empty string when timings are off. */
export function timingsLine(): string {
  return enabled ? `LADDER_TIMINGS ${JSON.stringify(totals)}\n` : '';
}
