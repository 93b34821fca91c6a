/**
 * The comment of a public repository can be read by anyone. A `verify-token` that reads the
 * organisation's private repositories would put there what only it can read: whether a linked
 * pull request exists, its state, dates and people. A fork could ask about any private
 * repository by linking it. On a public repository the action verifies with `github-token`
 * alone, and says so.
 */
import { describe, expect, it } from 'vitest';
import { openPullRequest } from './scenario';
import { requestLine, useActionSuite } from './suite';

const { api, onPullRequest } = useActionSuite();

describe('verify-token on a public repository', () => {
  it('is not used: the links are verified with github-token, and a warning says why', async () => {
    const pr = openPullRequest(api, 46, { fixture: 'pr-verify', fork: 'mallory/ladders' });
    expect((pr.payload.repository as { private: boolean }).private).toBe(false);
    // A token the stand-in does not know: had it been used, GraphQL would answer 401.
    const result = await onPullRequest(pr, { inputs: { 'verify-token': 'ghs_other_app_token' } });
    const verify = result.requests.filter((r) => requestLine(r).includes('LadderVerify'));
    expect(verify.length).toBeGreaterThan(0);
    expect(verify.map((r) => r.status)).not.toContain(401);
    expect(result.stdout).toMatch(
      /^::warning::The `verify-token` input is not used on a public repository/m,
    );
  });
});
