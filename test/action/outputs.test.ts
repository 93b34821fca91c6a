/**
 * Every output of action.yml is set in every outcome, as docs/action.md lists them: a run that
 * checks nothing (an event the action skips) passes with empty results, and a run that stops
 * early (a wrong input, an API that keeps failing, no checkout) has `result: fail`, so that a
 * later step can read `result` and parse `packets` whatever happened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { otherPayload, pushPayload, ROOT, type RunResult, writeWorkspace } from './harness';
import { baseTree, openPullRequest, sha } from './scenario';
import { useActionSuite } from './suite';

const { api, run, ws, onPullRequest } = useActionSuite();

const OUTPUTS = Object.keys(
  (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> })
    .outputs,
).sort();

/** The outputs of a run that produced no review: every one set, the lists empty. */
function expectBareOutputs(result: RunResult, outcome: 'pass' | 'fail', requests: number) {
  expect(Object.keys(result.outputs).sort()).toEqual(OUTPUTS);
  expect(result.outputs.result).toBe(outcome);
  expect(result.outputs['api-requests']).toBe(String(requests));
  expect(JSON.parse(result.outputs.packets ?? '')).toEqual([]);
  expect(JSON.parse(result.outputs['stale-pages'] ?? '')).toEqual([]);
  expect(JSON.parse(result.outputs['review-requests'] ?? '')).toEqual({ users: [], teams: [] });
  expect(result.outputs.errors).toBe('');
  expect(result.outputs['comment-id']).toBe('');
}

describe('the outputs of a run that reviews nothing', () => {
  it('an event the action skips passes with every output set', async () => {
    for (const event of ['issue_comment', 'merge_group']) {
      const result = await run({
        event,
        payload: otherPayload(event, api.owner, api.repo),
        workspace: ws(writeWorkspace(baseTree())),
        sha: sha(event),
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^::notice::.*does nothing on this event/m);
      expectBareOutputs(result, 'pass', 0);
    }
    const pr = openPullRequest(api, 401, { fixture: 'pr-packet' });
    const closed = await onPullRequest(pr, { payload: { ...pr.payload, action: 'closed' } });
    expect(closed.code).toBe(0);
    expectBareOutputs(closed, 'pass', 0);
  });

  it('a wrong input fails with every output set', async () => {
    const pr = openPullRequest(api, 402, { fixture: 'pr-packet' });
    for (const inputs of [
      { 'fail-on': 'sometimes' },
      { 'github-token': '' },
      { ladders: '../x' },
    ]) {
      const result = await onPullRequest(pr, { inputs });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^::error::Input `[a-z-]+` /m);
      expectBareOutputs(result, 'fail', 0);
    }
  });

  it('an API that keeps failing, or a push without a checkout, fails with every output set', async () => {
    const pr = openPullRequest(api, 403, { fixture: 'pr-packet' });
    api.faults.push({ method: 'GET', path: /\/pulls\/403\/files$/, status: 503, times: 10 });
    const failing = await onPullRequest(pr);
    expect(failing.code).toBe(1);
    expectBareOutputs(failing, 'fail', 4);

    const head = sha('outputs-no-checkout');
    const push = await run({
      event: 'push',
      payload: pushPayload(api.owner, api.repo, head),
      workspace: ws(writeWorkspace(new Map())),
      sha: head,
    });
    expect(push.code).toBe(1);
    expectBareOutputs(push, 'fail', 0);
  });
});
