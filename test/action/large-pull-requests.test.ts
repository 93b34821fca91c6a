/**
 * Pull requests larger than GitHub's file listing: `pulls.listFiles` stops at 3,000 files, so a
 * packet or a ladder change further down is found by comparing the trees of the merge commit and
 * its base instead, and when that cannot be done a warning says that the review is incomplete.
 */
import { describe, expect, it } from 'vitest';
import type { PullFile } from './api-stand-in';
import { openPullRequest, type PullRequestFixture } from './scenario';
import { useActionSuite } from './suite';

const { api, onPullRequest, onPullRequestTarget } = useActionSuite();

const PACKET = 'promotions/rivera-dana-L2.md';
const LISTED = 3000;

/** A pull request of 3,100 files plus the packet, whose listing stops at 3,000 before it. */
function hugePullRequest(number: number): PullRequestFixture {
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < 3100; i += 1)
    files.set(`assets/a${String(i).padStart(4, '0')}.txt`, new TextEncoder().encode(`${i}\n`));
  const pr = openPullRequest(api, number, { fixture: 'pr-packet', files });
  const listed = (api.pulls.get(number) ?? []).filter((f: PullFile) => f.filename !== PACKET);
  api.pulls.set(number, listed.slice(0, LISTED));
  const payload = structuredClone(pr.payload) as { pull_request: Record<string, unknown> };
  payload.pull_request.merge_commit_sha = pr.mergeSha;
  return { ...pr, payload };
}

describe('a pull request of more than 3,000 files', () => {
  it('finds the packet beyond the listing by comparing the merge commit with its base', async () => {
    const pr = hugePullRequest(701);
    for (const result of [await onPullRequest(pr), await onPullRequestTarget(pr)]) {
      expect(result.code, result.stdout).toBe(0);
      expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([
        { path: PACKET, verdict: 'complete' },
      ]);
      expect(result.stdout).toMatch(/found all 3101 by comparing the trees/);
      expect(result.stdout).not.toMatch(/^::warning::/m);
      expect(result.requests.filter((r) => r.path.includes('/git/')).map((r) => r.method)).toEqual([
        'GET',
        'GET',
        'GET',
      ]);
    }
  });

  it('warns that the review is incomplete when the merge commit is an earlier head’s', async () => {
    const pr = hugePullRequest(702);
    api.parents.set(pr.mergeSha, [pr.baseSha, pr.baseSha]);
    const result = await onPullRequest(pr);
    expect(result.stdout).toMatch(
      /^::warning::This pull request changes 3000 files or more and GitHub lists only the first 3000, so packets beyond them are not reviewed \(the config and the ladder files are compared with the base branch.s in full\)/m,
    );
    expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([]);
  });
});
