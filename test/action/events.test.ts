/**
 * Events as GitHub sends them, in the situations a repository meets beyond the usual ones: the
 * real payloads of @octokit/webhooks-examples, adapted to the stand-in's repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, FIXTURES } from './harness';
import { baseTree, openPullRequest, sha } from './scenario';
import { useActionSuite } from './suite';

const { api, onPullRequest, botComments, onPush } = useActionSuite();

const encode = (text: string) => new TextEncoder().encode(text);
const MISSING_PACKET = 'promotions/lee-sam-L2.md';

describe('a pull request whose fork was deleted', () => {
  it('is still a fork (`head.repo` is null): reviewed under the base branch’s rules', async () => {
    const files = new Map([
      ['ladder.config.yml', encode('packets: not-here\nreview:\n  failOn: never\n')],
      [
        MISSING_PACKET,
        new Uint8Array(readFileSync(join(FIXTURES, 'pr-packet-missing', MISSING_PACKET))),
      ],
    ]);
    const pr = openPullRequest(api, 501, { files, fork: 'mallory/ladders' });
    const payload = structuredClone(pr.payload) as { pull_request: { head: { repo: unknown } } };
    payload.pull_request.head.repo = null;
    const result = await onPullRequest(pr, { payload });
    expect(result.code, result.stdout).toBe(1);
    expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([
      { path: MISSING_PACKET, verdict: 'missing' },
    ]);
    expect(annotations(result.stdout).map((a) => a.props.title)).toContain('dimension-missing');
    expect(botComments(501)[0]?.body ?? '').toContain(
      'The review ran under the base branch’s configuration',
    );
  });
});

describe('a ladder pull request from a fork under pull_request', () => {
  it('says why the owners could not be asked: the fork’s token, not the job’s permissions', async () => {
    const pr = openPullRequest(api, 502, {
      fixture: 'pr-ladder-change',
      fork: 'contributor/ladders',
    });
    const result = await onPullRequest(pr, { token: 'ghs_read_only' });
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    const refused = warnings.find((l) => l.includes('Could not request a review'));
    expect(refused).toMatch(/read-only under `pull_request`.*`pull_request_target`/);
    expect(refused).not.toContain('give the job');
    expect(result.summary).toContain('pull_request_target');
  });
});

describe('commit-pages on a push to a protected branch', () => {
  it('says that GitHub refused to move the branch and why that may be, and keeps the pages as errors', async () => {
    const head = sha('push-protected');
    const tree = baseTree();
    const page = 'docs/ladders/demo/README.md';
    tree.set(page, encode(`${new TextDecoder().decode(tree.get(page))}\nHand edit.\n`));
    api.setCommit(head, tree);
    api.faults.push({
      method: 'PATCH',
      path: /\/git\/refs\/heads\/main$/,
      status: 422,
      body: { message: 'Protected branch update failed for refs/heads/main.' },
    });
    const result = await onPush(head, tree, {
      inputs: { 'commit-pages': 'true' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::warning::GitHub did not move main to the regenerated pages \(422: Protected branch update failed.*it is protected/m,
    );
    expect(JSON.parse(result.outputs['stale-pages'] ?? '')).toEqual([page]);
    expect(result.outputs['pages-commit']).toBe('');
  });
});

describe('commit-pages without contents: write', () => {
  it('fails in one line naming the permission, and still reports which pages are stale', async () => {
    const head = sha('push-read-only');
    const tree = baseTree();
    const page = 'docs/ladders/demo/README.md';
    tree.set(page, encode(`${new TextDecoder().decode(tree.get(page))}\nHand edit.\n`));
    api.setCommit(head, tree);
    const result = await onPush(head, tree, {
      token: 'ghs_read_only',
      inputs: { 'commit-pages': 'true' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^::error::The token may not commit the regenerated pages to main \(403: .*`contents: write`/m,
    );
    expect(JSON.parse(result.outputs['stale-pages'] ?? '')).toEqual([page]);
    expect(annotations(result.stdout).find((a) => a.props.file === page)?.props.title).toBe(
      'page-stale',
    );
    expect(result.summary).toContain('out of date');
  });
});
