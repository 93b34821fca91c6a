/** What a run of the action carries from start-up to the checks, and what it ends with. */
import type { Config } from '../../src/config/config';
import type { RunnerEnv } from './event';
import type { ActionInputs } from './inputs';
import type { Client, RequestCounter } from './octokit';
import type { RunReport } from './publish';

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
