/**
 * The inputs of action.yml with values a repository owner might get wrong: each is either
 * refused in one line naming the input (test/action/outputs.test.ts has every output set then)
 * or, where the action can go on, goes on and says what it did.
 */
import { describe, expect, it } from 'vitest';
import { baseTree, openPullRequest, sha } from './scenario';
import { useActionSuite } from './suite';

const { api, onPullRequest, onPush } = useActionSuite();

const TYPO =
  /^::warning::The `config` input names \.github\/ladder\.config\.yml, which is not in the repository/m;

describe('a config input naming a file that is not there', () => {
  it('warns, and reviews under the defaults, on a pull request and on a push', async () => {
    const pr = openPullRequest(api, 601, { fixture: 'pr-packet' });
    const inputs = { config: '.github/ladder.config.yml' };
    const reviewed = await onPullRequest(pr, { inputs });
    expect(reviewed.code).toBe(0);
    expect(reviewed.stdout).toMatch(TYPO);
    expect(JSON.parse(reviewed.outputs.packets ?? '[]')).toHaveLength(1);

    const head = sha('config-typo-push');
    const pushed = await onPush(head, baseTree(), {
      inputs,
    });
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(TYPO);
  });

  it('says nothing when the input is left to its default, file or no file', async () => {
    const pr = openPullRequest(api, 602, { fixture: 'pr-packet', remove: ['ladder.config.yml'] });
    const result = await onPullRequest(pr);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/^::warning::/m);
  });
});
