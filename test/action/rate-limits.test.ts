/**
 * Rate limits the action cannot wait out within a job's timeout: a primary limit resets on the
 * hour, so a run that meets one stops at once, in one line that says so, instead of sleeping
 * until the runner kills the job without a word. Short waits (`retry-after`) are sat out as
 * before (test/action/faults.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { openPullRequest } from './scenario';
import { graphqlFault, useActionSuite } from './suite';

const { api, onPullRequest } = useActionSuite();

/** GitHub's answer once the token's hourly requests are spent, resetting in an hour. */
function primaryLimit(path: RegExp, method = 'GET') {
  return {
    method,
    path,
    status: 403,
    times: 10,
    headers: {
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    },
    body: {
      message: 'API rate limit exceeded for installation ID 1.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
    },
  };
}

describe('a rate limit that lifts in an hour', () => {
  it('stops the run at once with one line, instead of waiting past the job’s timeout', async () => {
    const pr = openPullRequest(api, 801, { fixture: 'pr-packet' });
    api.faults.push(primaryLimit(/\/pulls\/801\/files$/));
    // One "second" of waiting is 50 ms here: sitting out the hour would take three minutes.
    const started = Date.now();
    const result = await onPullRequest(pr, { env: { LADDER_ACTION_RETRY_BASE_MS: '50' } });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.code).toBe(1);
    expect(result.requests.map((r) => r.status)).toEqual([403]);
    expect(result.stdout).toMatch(/rate limit on GET .*: it lifts in about 60 minutes/);
    expect(result.stdout).toMatch(
      /^::error::GitHub's rate limit stopped the attempt to list the files of the pull request \(403: API rate limit exceeded/m,
    );
    expect(result.outputs.result).toBe('fail');
  });

  it('on the comments, still publishes the review and names the rate limit', async () => {
    const pr = openPullRequest(api, 802, { fixture: 'pr-packet' });
    api.faults.push(
      graphqlFault('LadderVerify', {
        status: 429,
        times: 10,
        headers: { 'retry-after': '3600' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      }),
      graphqlFault('LadderComments', {
        status: 429,
        times: 10,
        headers: { 'retry-after': '3600' },
        body: { message: 'You have exceeded a secondary rate limit.' },
      }),
    );
    const started = Date.now();
    const result = await onPullRequest(pr);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::GitHub's rate limit stopped/m);
    expect(result.stdout).not.toContain('may read them');
    expect(JSON.parse(result.outputs.packets ?? '[]')).toHaveLength(1);
    expect(result.summary).toContain('The review comment was not written');
  });
});
