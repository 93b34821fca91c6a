/**
 * The step outputs: every output of action.yml, set in every outcome (a later step's
 * `fromJSON(steps.<id>.outputs.packets)` must always parse). Its own module, free of the engine:
 * the entry and the router use it before the checks are loaded (see `run.ts`).
 */
import * as core from '@actions/core';
import { jsonText } from '../../src/report/visible';

/** One value per output of action.yml: a run cannot leave one out. */
export interface StepOutputs {
  readonly errors: string;
  readonly warnings: string;
  readonly notices: string;
  /** JSON: `[{ "path", "verdict" }]`. */
  readonly packets: string;
  readonly 'comment-url': string;
  readonly 'comment-id': string;
  /** JSON: an array of paths. */
  readonly 'stale-pages': string;
  readonly 'pages-commit': string;
  /** JSON: `{ "users": [...], "teams": [...] }`. */
  readonly 'review-requests': string;
  readonly result: 'pass' | 'fail';
  readonly 'api-requests': string;
}

/** Sets every step output. */
export function writeOutputs(outputs: StepOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/**
 * The step outputs of a run that checked nothing: an event it skips (`pass`), or a stop before
 * any result (`fail`: a wrong input, an API failure). The counts are empty, not zero.
 */
export function setOutputsWithoutReport(result: 'pass' | 'fail', requests: number): void {
  writeOutputs({
    errors: '',
    warnings: '',
    notices: '',
    packets: '[]',
    'comment-url': '',
    'comment-id': '',
    'stale-pages': '[]',
    'pages-commit': '',
    'review-requests': jsonText({ users: [], teams: [] }),
    result,
    'api-requests': String(requests),
  });
}
