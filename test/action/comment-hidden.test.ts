/**
 * Our comment after a maintainer hid it (GitHub's "Hide" → "Outdated"): a new review is posted
 * anew, in sight, and the hidden copy goes, so the pull request still has one comment of ours; a
 * run with nothing new leaves the hidden one as it is.
 */
import { describe, expect, it } from 'vitest';
import { openPullRequest } from './scenario';
import { requestLine, useActionSuite } from './suite';

const { api, onPullRequest, botComments } = useActionSuite();

const PACKET = 'promotions/rivera-dana-L2.md';

describe('a review comment someone hid', () => {
  it('is replaced by a visible one when the review changes, and left alone when it does not', async () => {
    const pr = openPullRequest(api, 901, { fixture: 'pr-packet' });
    await onPullRequest(pr);
    const [hidden] = botComments(901);
    if (hidden === undefined) throw new Error('no comment');
    hidden.minimized = true;

    const same = await onPullRequest(pr);
    expect(same.requests.map(requestLine)).toEqual([
      'GET /pulls/901/files',
      'POST /graphql LadderVerify',
    ]);

    const text = new TextDecoder().decode(pr.head.get(PACKET));
    const pushed = openPullRequest(api, 901, {
      files: new Map([
        [PACKET, new TextEncoder().encode(text.replace('cycle: 2026-H2', 'cycle: 2026-H1'))],
      ]),
      push: 2,
    });
    const result = await onPullRequest(pushed);
    expect(result.code, result.stdout).toBe(0);
    const after = botComments(901);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(hidden.id);
    expect(after[0]?.minimized).toBeUndefined();
    expect(result.outputs['comment-id']).toBe(String(after[0]?.id));
  });
});
