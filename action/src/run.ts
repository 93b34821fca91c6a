/**
 * One run of the action: route the event, run the pull request or repository check, publish
 * the summary and outputs, and decide the step's outcome. The engine (`src/`) does all the
 * checking; the adapter only decides what to read and where results go.
 */
import * as core from '@actions/core';
import type { Config } from '../../src/config/config';
import { reviewExitCode } from '../../src/review/index';
import { type RunnerEnv, routeEvent, runnerEnv } from './event';
import { type ActionInputs, readInputs } from './inputs';
import { type Client, createClient, type RequestCounter } from './octokit';
import { allDiagnostics, plural, type RunReport, setOutputs, writeSummary } from './publish';
import { runPullRequest } from './pull-request';
import { runRepository } from './repository';

/** What both kinds of run share. */
export interface Context {
  readonly env: RunnerEnv;
  readonly inputs: ActionInputs;
  readonly client: Client;
  readonly counter: RequestCounter;
  readonly processEnv: NodeJS.ProcessEnv;
}

/** A run's report and the config it ran with. */
export interface Outcome {
  readonly report: RunReport;
  readonly config: Config;
  /** A failure that did not stop the run (the comment could not be written). */
  readonly failure?: string;
}

/** Whether the step fails, by the `fail-on` input and the packets' verdicts. */
function shouldFail(report: RunReport, inputs: ActionInputs, config: Config): string | undefined {
  if (inputs.failOn === 'never') return undefined;
  const all = allDiagnostics(report);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors > 0)
    return `Found ${plural(errors, 'error')}; see the annotations and the job summary.`;
  if (inputs.failOn === 'warning' && warnings > 0)
    return `Found ${plural(warnings, 'warning')} (fail-on: warning); see the annotations and the job summary.`;
  if (report.review && reviewExitCode(report.review, config.failOn) === 1)
    return 'A promotion packet is not ready yet; the review comment says what to add.';
  return undefined;
}

/** Runs the action for this event. Throws ActionFailure for problems the user can fix. */
export async function run(processEnv: NodeJS.ProcessEnv): Promise<void> {
  const inputs = readInputs();
  const env = runnerEnv(processEnv);
  const route = routeEvent(env);
  if (route.kind === 'skip') {
    core.notice(`${route.reason} (event: ${route.event})`);
    return;
  }
  const counter: RequestCounter = { count: 0 };
  const client = createClient(inputs.token, counter, processEnv);
  const ctx: Context = { env, inputs, client, counter, processEnv };
  const outcome =
    route.kind === 'pull-request'
      ? await runPullRequest(route, ctx)
      : await runRepository(route, ctx);
  const report: RunReport = { ...outcome.report, requests: counter.count };
  const failure = outcome.failure ?? shouldFail(report, inputs, outcome.config);
  await writeSummary(report, inputs.summary);
  setOutputs(report, failure !== undefined);
  core.info(`${plural(counter.count, 'GitHub API request')}.`);
  if (failure !== undefined) core.setFailed(failure);
}
