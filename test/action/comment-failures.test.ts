/**
 * When the review comment cannot be written, the review still reaches the owner: the job summary,
 * the annotations and the outputs carry the verdicts, and the step says in one line what stopped
 * the comment. A locked conversation is a maintainer's choice and only warns; GitHub refusing the
 * comment otherwise (422, a 5xx or no answer after the retries) fails the step, as a missing
 * permission does.
 */
import { describe, expect, it } from 'vitest';
import { tooLong } from './api-routes';
import { ACTIONS_BOT } from './api-stand-in';
import { openPullRequest } from './scenario';
import { graphqlFault, requestLine, useActionSuite } from './suite';

const MARKER = '<!-- ladder-as-code:pr-comment -->';
const PACKET = 'promotions/rivera-dana-L2.md';

const { api, onPullRequest, botComments } = useActionSuite();

/** The `packets` output, parsed. */
function packets(outputs: Readonly<Record<string, string>>): unknown {
  return JSON.parse(outputs.packets ?? 'null');
}

describe('a comment GitHub will not take', () => {
  it('a 422 on the create still publishes the review, and says why in one line', async () => {
    const pr = openPullRequest(api, 301, { fixture: 'pr-packet' });
    api.faults.push({
      method: 'POST',
      path: /\/issues\/301\/comments$/,
      ...tooLong('create-an-issue-comment'),
    });
    const result = await onPullRequest(pr);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::GitHub refused to comment on the pull request \(422: Validation Failed: body is too long/m,
    );
    expect(result.stdout).not.toContain('may read them');
    expect(packets(result.outputs)).toEqual([{ path: PACKET, verdict: 'complete' }]);
    expect(result.outputs.result).toBe('fail');
    expect(result.outputs['comment-id']).toBe('');
    expect(result.summary).toContain(PACKET);
    expect(result.summary).toContain('The review comment was not written');
    expect(api.commentsOn(301)).toHaveLength(0);
  });

  it('a 502 on every try of the update still publishes the review', async () => {
    const pr = openPullRequest(api, 302, { fixture: 'pr-packet' });
    const old = api.addComment(302, `${MARKER}\nan older review`, ACTIONS_BOT);
    api.faults.push({ method: 'PATCH', path: /\/issues\/comments\/\d+$/, status: 502, times: 10 });
    const result = await onPullRequest(pr);
    expect(result.code).toBe(1);
    expect(result.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([
      502, 502, 502, 502,
    ]);
    expect(result.stdout).toMatch(/^::error::GitHub's API answered 502 to PATCH .*after retries/m);
    expect(packets(result.outputs)).toEqual([{ path: PACKET, verdict: 'complete' }]);
    expect(result.outputs.result).toBe('fail');
    expect(result.summary).toContain('The review comment was not written');
    expect(botComments(302).map((c) => c.body)).toEqual([old.body]);
  });

  it('a dropped connection is retried, and one that keeps dropping is named as such', async () => {
    const pr = openPullRequest(api, 303, { fixture: 'pr-packet' });
    api.faults.push({ method: 'GET', path: /\/pulls\/303\/files$/, reset: true });
    api.faults.push(graphqlFault('LadderComments', { reset: true, times: 10 }));
    // Verification keeps failing too, so the comments are then asked on their own.
    api.faults.push(graphqlFault('LadderVerify', { reset: true, times: 10 }));
    const result = await onPullRequest(pr);
    expect(result.requests.map((r) => `${requestLine(r)} ${r.status}`).slice(0, 2)).toEqual([
      'GET /pulls/303/files 0',
      'GET /pulls/303/files 200',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::GitHub's API could not be reached for POST \/graphql \(other side closed\)/m,
    );
    expect(packets(result.outputs)).toEqual([{ path: PACKET, verdict: 'complete' }]);
    expect(result.summary).toContain('The review comment was not written');
  });

  it('a locked conversation only warns: the run passes on its verdict', async () => {
    const pr = openPullRequest(api, 304, { fixture: 'pr-packet' });
    api.faults.push({
      method: 'POST',
      path: /\/issues\/304\/comments$/,
      status: 403,
      body: {
        message: 'Unable to create comment because issue is locked.',
        documentation_url: 'https://docs.github.com/articles/locking-conversations/',
      },
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^::warning::.*the conversation of the pull request is locked/m);
    expect(result.stdout).not.toMatch(/^::error::/m);
    expect(result.stdout).not.toContain('`permissions:`');
    expect(result.outputs.result).toBe('pass');
    expect(packets(result.outputs)).toEqual([{ path: PACKET, verdict: 'complete' }]);
    expect(result.summary).toContain('locked');
  });
});

describe('a comment-author that is not the token’s account', () => {
  it('warns, naming the account the comment was posted as, when it creates the comment', async () => {
    const pr = openPullRequest(api, 305, { fixture: 'pr-packet' });
    // An App's name without `[bot]`: the comment is posted as the token's account all the same.
    const first = await onPullRequest(pr, { inputs: { 'comment-author': 'ladder-app' } });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^::warning::The review comment was posted as `github-actions\[bot\]`, but the `comment-author` input says `ladder-app`.*Set `comment-author: github-actions\[bot\]`/m,
    );
    // With the right account the next run finds the comment, and says nothing more.
    const second = await onPullRequest(pr);
    expect(second.stdout).not.toMatch(/^::warning::/m);
    expect(botComments(305)).toHaveLength(1);
  });
});

describe('comment-author: auto when GitHub will not say who the token is', () => {
  it('still publishes the review, and says to set the login instead', async () => {
    const pr = openPullRequest(api, 306, { fixture: 'pr-packet' });
    // The verification query goes through; the next GraphQL request, `viewer`, is refused.
    api.faults.push(graphqlFault('LadderVerify', {}));
    api.faults.push({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      body: {
        data: null,
        errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
      },
    });
    const result = await onPullRequest(pr, { inputs: { 'comment-author': 'auto' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::The action could not ask which account the token comments as \(`comment-author: auto`\): GitHub answered FORBIDDEN: Resource not accessible by integration\. Set `comment-author`/m,
    );
    expect(result.stdout).not.toContain('unexpected error');
    expect(JSON.parse(result.outputs.packets ?? '[]')).toHaveLength(1);
    expect(result.summary).toContain('The review comment was not written');
  });
});
