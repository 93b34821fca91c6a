/**
 * Running the built CLI as a process on hostile input, several at once, and the checks every
 * such run must pass: it finished in time (no hang), printed no stack trace, sent no raw control
 * character to the terminal, and never showed text that lives outside the repository.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../helpers/paths';
import { hasRawControl, OUTSIDE_CANARY, STACK_TRACE } from './corpus';

/** A generous bound on one CLI run: hostile input may be slow, never unbounded. */
export const CLI_TIME_LIMIT_MS = 30_000;

/** What a CLI run printed, how it exited and how long it took. */
export interface TimedRun {
  readonly args: readonly string[];
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `bin/ladder.js` in `cwd`; a run past the time limit is killed (and fails the checks). */
export function runCliAsync(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<TimedRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/ladder.js'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIME_LIMIT_MS * 2);
  return new Promise((done) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ args, status, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The checks every run on hostile input must pass. */
export function expectClean(run: TimedRun, statuses: readonly number[] = [0, 1]): void {
  const what = `ladder ${run.args.join(' ')}`;
  expect(run.status, `${what}: exit status (null: killed)\n${run.stderr}`).not.toBeNull();
  expect(statuses, `${what}: exit status ${run.status}\n${run.stderr}`).toContain(run.status);
  expect(run.ms, `${what}: took ${Math.round(run.ms)} ms`).toBeLessThan(CLI_TIME_LIMIT_MS);
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
