/**
 * The step outputs of a run that checks nothing. Its own module, free of the engine: the entry
 * and the router use it before the checks are loaded (see `run.ts`).
 */
import * as core from '@actions/core';
import { jsonText } from '../../src/report/visible';

/**
 * The step outputs of a run that checked nothing: an event it skips (`pass`), or a stop before
 * any result (`fail`: a wrong input, an API failure). Every output is set, so that a later step's
 * `fromJSON(steps.<id>.outputs.packets)` still parses; the counts are empty, not zero.
 */
export function setOutputsWithoutReport(result: 'pass' | 'fail', requests: number): void {
  for (const name of ['errors', 'warnings', 'notices', 'comment-url', 'comment-id', 'pages-commit'])
    core.setOutput(name, '');
  core.setOutput('packets', '[]');
  core.setOutput('stale-pages', '[]');
  core.setOutput('review-requests', jsonText({ users: [], teams: [] }));
  core.setOutput('result', result);
  core.setOutput('api-requests', requests);
}
