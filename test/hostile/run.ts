/**
 * Running the CLI in process on hostile input, and the checks every such run must pass: it
 * finished (vitest's timeout guards against a hang; speed is measured by `npm run bench`), printed no stack trace, sent no raw control character to the
 * terminal, and never showed text that lives outside the repository.
 */
import { expect } from 'vitest';
import { runCli } from '../helpers/cli';
import { hasRawControl, OUTSIDE_CANARY, STACK_TRACE } from './corpus';

/** What a CLI run printed, how it exited and how long it took. */
export interface TimedRun {
  readonly args: readonly string[];
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** In-process runs one after the other, so that each one's time is its own. */
let queue: Promise<unknown> = Promise.resolve();

/** Runs `ladder ARGS` in `cwd` (in process, after any run still going) and times it. */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<TimedRun> {
  const next = queue.then(async () => {
    const started = performance.now();
    const run = await runCli(args, { cwd, env });
    return { args, ...run, ms: performance.now() - started };
  });
  queue = next;
  return next;
}

/** The checks every run on hostile input must pass. */
export function expectClean(run: TimedRun, statuses: readonly number[] = [0, 1]): void {
  const what = `ladder ${run.args.join(' ')}`;
  expect(run.status, `${what}: exit status (null: killed)\n${run.stderr}`).not.toBeNull();
  expect(statuses, `${what}: exit status ${run.status}\n${run.stderr}`).toContain(run.status);
  for (const [name, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ] as const) {
    expect(text, `${what}: stack trace on ${name}`).not.toMatch(STACK_TRACE);
    expect(hasRawControl(text), `${what}: raw control character on ${name}`).toBe(false);
    expect(text, `${what}: text from outside the repository on ${name}`).not.toContain(
      OUTSIDE_CANARY,
    );
  }
}
