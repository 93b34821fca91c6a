/**
 * The end of a run: whether the step fails (by the `fail-on` input and the packets' verdicts),
 * then the job summary, the outputs and the step's result.
 */

import type { Config } from '../../src/config/config';
import { plural } from '../../src/markdown/plural';
import { reviewExitCode } from '../../src/review/index';
import type { Outcome } from './context';
import type { ActionInputs } from './inputs';
import * as log from './log';
import type { RequestCounter } from './octokit';
import { allDiagnostics, type RunReport, setOutputs, writeSummary } from './publish';

/** Why the step fails, by the `fail-on` input and the packets' verdicts; undefined if it passes. */
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

/** Publishes the outcome of a run and sets the step's result. */
export async function finish(
  outcome: Outcome,
  inputs: ActionInputs,
  counter: RequestCounter,
): Promise<void> {
  const report: RunReport = { ...outcome.report, requests: counter.count };
  const failure = outcome.failure ?? shouldFail(report, inputs, outcome.config);
  // The outputs first: a summary that cannot be written must not take them down with it.
  setOutputs(report, failure !== undefined);
  try {
    await writeSummary(report, inputs.summary);
  } catch (error) {
    log.warning(
      `The job summary could not be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  log.info(`${plural(counter.count, 'GitHub API request')}.`);
  if (failure !== undefined) log.setFailed(failure);
}
