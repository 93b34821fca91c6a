/**
 * One run of the action: route the event, run the pull request or repository check, publish
 * the summary and outputs, and decide the step's outcome. The engine (`src/`) does all the
 * checking; the adapter only decides what to read and where results go.
 *
 * Start-up: only this module and its static imports (the event, the inputs, the API client) are
 * evaluated before the first API request. The checks, and the engine behind them (YAML, the
 * JSON Schema validators, Markdown), are imported when they are needed: for a pull request, once
 * the request for its list of changed files is on its way, so that this first request does not
 * wait for them, and they are compiled while it is answered.
 */
import { listChangedFiles } from './changed-files';
import type { Context } from './context';
import { routeEvent, runnerEnv } from './event';
import { readInputs } from './inputs';
import * as log from './log';
import { createClient, type RequestCounter } from './octokit';
import { setOutputsWithoutReport } from './outputs';
import { requestSent } from './request-sent';

/**
 * Runs the action for this event; `counter` counts its API requests. Throws ActionFailure for
 * problems the user can fix.
 */
export async function run(processEnv: NodeJS.ProcessEnv, counter: RequestCounter): Promise<void> {
  const inputs = readInputs();
  const env = runnerEnv(processEnv);
  const route = routeEvent(env);
  if (route.kind === 'skip') {
    log.notice(`${route.reason} (event: ${route.event})`);
    setOutputsWithoutReport('pass', 0);
    return;
  }
  const client = createClient(inputs.token, counter, processEnv);
  // A pull request's first request, the list of its changed files, needs none of the checks;
  // they are compiled while GitHub answers it (the round trip of a first request on a runner,
  // with its TLS handshake, is longer than compiling them).
  const work =
    route.kind === 'pull-request'
      ? { route, listing: listChangedFiles(client, route) }
      : { route, listing: undefined };
  if (work.listing) await requestSent(work.listing);
  const checks = await import('./checks');
  // The comment of a public repository is public: what only `verify-token` can read (the state,
  // dates and people of items in private repositories, or that they exist) must not reach it.
  const verifyToken =
    route.kind === 'pull-request' && route.public ? undefined : inputs.verifyToken;
  if (verifyToken !== inputs.verifyToken)
    log.warning(
      'The `verify-token` input is not used on a public repository: the review comment would show anyone what only that token can read. Links are verified with `github-token`.',
    );
  const ctx: Context = {
    env,
    inputs,
    client,
    ...(verifyToken === undefined
      ? {}
      : { verifyClient: createClient(verifyToken, counter, processEnv) }),
    counter,
    processEnv,
  };
  const outcome = work.listing
    ? await checks.runPullRequest(work.route, ctx, await work.listing)
    : await checks.runRepository(work.route, ctx);
  await checks.finish(outcome, inputs, counter);
}
