/**
 * Everything a run does after its first API request: the pull request and repository checks,
 * the engine behind them, and publishing the outcome. `run.ts` imports this module when it is
 * needed; the action's bundle compiles it only then (see `scripts/build.mjs`).
 */
export { finish } from './finish';
export { runPullRequest } from './pull-request';
export { runRepository } from './repository';
