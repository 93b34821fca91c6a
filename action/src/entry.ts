/**
 * The action's entry logic: run, and turn any failure into one line on the step (a stack trace
 * only when step debugging is on). `main.ts` calls it once, at the top level of the bundle; the
 * end-to-end tests call it in process (test/action/in-process.ts).
 */
import * as core from '@actions/core';
import { EventError } from './event';
import { InputError } from './inputs';
import * as log from './log';
import { ActionFailure, describeRequestError, type RequestCounter } from './octokit';
import { setOutputsWithoutReport } from './outputs';
import { run } from './run';

function describe(error: unknown): string {
  if (error instanceof ActionFailure || error instanceof InputError || error instanceof EventError)
    return error.message;
  const api = describeRequestError(error);
  if (api !== undefined) return api;
  if (core.isDebug() && error instanceof Error && error.stack) log.debug(error.stack);
  const message = error instanceof Error ? error.message : String(error);
  return `Ladder as Code stopped on an unexpected error: ${message}. Re-run the job; if it happens again, please report it.`;
}

/**
 * Runs the action for this process's environment; a failure fails the step (exit code 1), with
 * every output set (`result`: `fail`).
 */
export async function main(processEnv: NodeJS.ProcessEnv): Promise<void> {
  const counter: RequestCounter = { count: 0 };
  try {
    await run(processEnv, counter);
  } catch (error) {
    setOutputsWithoutReport('fail', counter.count);
    log.setFailed(describe(error));
  }
}
