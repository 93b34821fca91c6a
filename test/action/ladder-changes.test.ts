/**
 * End-to-end tests of the action on ladder pull requests and scheduled runs: the
 * "Ladder changes" section of the comment, `version-not-bumped` as an annotation and a failing
 * check, review requests for the owners of what changed, the same comment when both revisions
 * are read through the API, and the health report in the job summary. Each test pins the API
 * requests of its runs (README, "API requests per run").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, FIXTURES, writeWorkspace } from './harness';
import { baseTree, openPullRequest, renderedPages, sha } from './scenario';
import { requestLine, useActionSuite } from './suite';

const LADDER = 'ladders/demo.yml';
/** The base branch's packet whose target level the ladder change touches. */
const PACKET = 'promotions/2026-h1/kim-jo-L2.md';
/** A word only in that packet's evidence: the log never holds packet text. */
const PACKET_TEXT = /database upgrade/;
/** Owners as mentions: the comment must never write them so. */
const PINGS = /(^|[^`\w])@(dana-r|octocat|Codertocat|acme\/ladder-council|other-org\/judges)\b/m;

const { api, run, ws, onPullRequest, onPullRequestTarget, botComments } = useActionSuite();

/**
 * The ladder pull request of test/fixtures/action/pr-ladder-change (L2 › Judgment: one
 * expectation reworded, one added), with the pages `npx ladder render` regenerates, so that
 * the only problem is the version; `version` bumps it.
 */
function ladderChange(version?: string): Map<string, Uint8Array> {
  let text = readFileSync(join(FIXTURES, 'pr-ladder-change', LADDER), 'utf8');
  if (version !== undefined) text = text.replace('version: 1.0.0', `version: ${version}`);
  const edit = new Map([[LADDER, new TextEncoder().encode(text)]]);
  const base = baseTree();
  const pages = [...renderedPages(new Map([...base, ...edit]))].filter(
    ([path, bytes]) => !Buffer.from(base.get(path) ?? new Uint8Array()).equals(Buffer.from(bytes)),
  );
  return new Map([...edit, ...pages]);
}

/** The "Ladder changes" section and the owners line of a comment. */
function section(body: string): string {
  const start = body.indexOf('### Ladder changes');
  const end = body.indexOf('<sub>Checked at commit');
  expect(start, body).toBeGreaterThan(0);
  return body.slice(start, end);
}

describe('a pull request that changes a ladder', () => {
  it('gets the ladder changes in its comment, version-not-bumped annotated, and review requests', async () => {
    const pr = openPullRequest(api, 70, { files: ladderChange() });
    const first = await onPullRequest(pr);
    expect(first.code).toBe(1);
    expect(first.requests.map(requestLine)).toEqual([
      'GET /pulls/70/files',
      `GET /contents/${LADDER}`,
      'POST /graphql LadderComments',
      'POST /issues/70/comments',
      'POST /graphql LadderComments',
      'GET /issues/70/events',
      'POST /pulls/70/requested_reviewers',
    ]);
    // The base version of the one changed ladder file, at pull_request.base.sha.
    expect(first.requests[1]?.query).toBe(`?ref=${pr.baseSha}`);
    expect(first.outputs['api-requests']).toBe('7');

    const version = annotations(first.stdout).filter((a) => a.props.title === 'version-not-bumped');
    expect(version.map((a) => [a.kind, a.props.file, a.props.line, a.props.col])).toEqual([
      ['error', LADDER, '3', '10'],
    ]);
    expect(version[0]?.message).toContain('`version: 1.1.0`');
    expect(first.outputs.errors).toBe('1');
    expect(first.stdout).toMatch(/^::error::Found 1 error/m);

    // The owners the base names, less the author (Codertocat), the already requested
    // (octocat) and a team of another organisation.
    expect(api.reviewRequests.get(70)).toEqual([{ users: ['dana-r'], teams: ['ladder-council'] }]);
    expect(JSON.parse(first.outputs['review-requests'] ?? '')).toEqual({
      users: ['dana-r'],
      teams: ['ladder-council'],
    });

    expect(botComments(70)).toHaveLength(1);
    const body = botComments(70)[0]?.body ?? '';
    const changes = section(body);
    expect(changes).toContain('No breaking changes');
    expect(changes).toContain('`L2` › Judgment: 1 expectation reworded, 1 added');
    expect(changes).toContain('Writes down the trade-offs.');
    expect(changes).toMatch(/1 version needs a bump/);
    expect(changes).toContain(
      `\`${PACKET}\` targets \`demo\` \`L2\`, which has changed expectations for Judgment (1 reworded, 1 added).`,
    );

    // All owners, base and head, are listed (as code: no pings); the author is left out.
    expect(changes).toContain(
      '**Owners of what changed:** `dana-r`, `octocat`, `acme/ladder-council`, `other-org/judges`; review is requested',
    );
    expect(body).not.toMatch(PINGS);
    expect(body).not.toMatch(PACKET_TEXT);
    expect(body).toContain('version-not-bumped');
    expect(first.summary).toContain('Ladder changes');
    expect(first.summary).toContain('version-not-bumped');
    expect(first.summary).toContain(
      'Review requested from <code>dana-r</code>, the team <code>ladder-council</code>',
    );

    // The version bumped on a second push: the same comment, updated; nobody asked twice.
    const fixed = openPullRequest(api, 70, { files: ladderChange('1.1.0'), push: 2 });
    const again = await onPullRequest(fixed);
    expect(again.code, again.stdout).toBe(0);
    expect(again.requests.map(requestLine)).toEqual([
      'GET /pulls/70/files',
      `GET /contents/${LADDER}`,
      'POST /graphql LadderComments',
      `PATCH /issues/comments/${botComments(70)[0]?.id}`,
      'GET /issues/70/events',
    ]);
    expect(api.reviewRequests.get(70)).toHaveLength(1);
    expect(botComments(70)).toHaveLength(1);
    const updated = section(botComments(70)[0]?.body ?? '');
    expect(updated).not.toMatch(/needs a bump/);
    expect(updated).toContain('1.0.0 → 1.1.0');
    expect(annotations(again.stdout).map((a) => a.props.title)).not.toContain('version-not-bumped');
  });

  it('under pull_request_target with only the base checked out writes the same section', async () => {
    const reference = openPullRequest(api, 71, { files: ladderChange() });
    await onPullRequest(reference);
    const expected = section(botComments(71)[0]?.body ?? '');

    const pr = openPullRequest(api, 72, { files: ladderChange(), fork: 'contributor/ladders' });
    const result = await onPullRequestTarget(pr);
    expect(result.code).toBe(1);
    // The head's changed files through the API; the base from the base checkout, no request.
    expect(result.requests.map(requestLine)).toEqual([
      'GET /pulls/72/files',
      `GET /contents/${LADDER}`,
      ...[...ladderChange().keys()]
        .filter((p) => p.startsWith('docs/'))
        .sort()
        .map((p) => `GET /contents/${p}`),
      'POST /graphql LadderComments',
      'POST /issues/72/comments',
      'POST /graphql LadderComments',
      'GET /issues/72/events',
      'POST /pulls/72/requested_reviewers',
    ]);
    for (const r of result.requests.filter((q) => q.path.includes('/contents/')))
      expect(r.query).toBe(`?ref=${pr.headSha}`);
    expect(section(botComments(72)[0]?.body ?? '')).toBe(expected);
    expect(annotations(result.stdout).map((a) => a.props.title)).toContain('version-not-bumped');
  });

  it('with no checkout at all reads both revisions through the API, same section', async () => {
    const reference = openPullRequest(api, 73, { files: ladderChange() });
    await onPullRequest(reference);
    const expected = section(botComments(73)[0]?.body ?? '');

    const pr = openPullRequest(api, 74, { files: ladderChange(), fork: 'contributor/ladders' });
    const result = await onPullRequestTarget(pr, { workspace: ws(writeWorkspace(new Map())) });
    expect(result.code).toBe(1);
    expect(section(botComments(74)[0]?.body ?? '')).toBe(expected);
    const lines = result.requests.map(requestLine);
    // One tree listing of the head; one blob per config, ladder file, packet and page it reads.
    const blobs = lines.filter((l) => l.startsWith('GET /git/blobs/'));
    const pages = [...pr.head.keys()].filter((p) => p.startsWith('docs/ladders/'));
    expect(blobs).toHaveLength(1 + 1 + 1 + pages.length);
    expect(lines.filter((l) => !l.startsWith('GET /git/blobs/'))).toEqual([
      'GET /pulls/74/files',
      `GET /git/trees/${pr.headSha}`,
      `GET /contents/${LADDER}`,
      'POST /graphql LadderComments',
      'POST /issues/74/comments',
      'POST /graphql LadderComments',
      'GET /issues/74/events',
      'POST /pulls/74/requested_reviewers',
    ]);
    const base = result.requests.find((r) => r.path.endsWith(`/contents/${LADDER}`));
    expect(base?.query).toBe(`?ref=${pr.baseSha}`);
    expect(result.outputs['api-requests']).toBe(String(lines.length));
  });

  it('a 422 on the review request is a warning, not a failure', async () => {
    const pr = openPullRequest(api, 75, { files: ladderChange('1.1.0') });
    api.faults.push({
      method: 'POST',
      path: /\/pulls\/75\/requested_reviewers$/,
      status: 422,
      body: {
        message:
          'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/ladders repository.',
      },
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.result).toBe('pass');
    expect(result.stdout).toMatch(/^::warning::Could not request a review .*dana-r.*422/m);
    expect(result.summary).toContain('Could not request a review');
    expect(JSON.parse(result.outputs['review-requests'] ?? '')).toEqual({ users: [], teams: [] });
    expect(botComments(75)).toHaveLength(1);
    expect(section(botComments(75)[0]?.body ?? '')).toContain('Owners of what changed');
  });

  it('with request-reviews: false asks nobody', async () => {
    const pr = openPullRequest(api, 76, { files: ladderChange('1.1.0') });
    const result = await onPullRequest(pr, { inputs: { 'request-reviews': 'false' } });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(requestLine)).toEqual([
      'GET /pulls/76/files',
      `GET /contents/${LADDER}`,
      'POST /graphql LadderComments',
      'POST /issues/76/comments',
      'POST /graphql LadderComments',
    ]);
    const changes = section(botComments(76)[0]?.body ?? '');
    expect(changes).toContain('Owners of what changed');
    expect(changes).not.toContain('review is requested');
  });

  it('a draft pull request gets the comment but no review requests yet', async () => {
    const pr = openPullRequest(api, 77, { files: ladderChange('1.1.0') });
    const payload = {
      ...pr.payload,
      pull_request: { ...(pr.payload.pull_request as object), draft: true },
    };
    const result = await onPullRequest(pr, { payload });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(requestLine)).not.toContain('POST /pulls/77/requested_reviewers');
    expect(api.reviewRequests.get(77)).toBeUndefined();
    expect(botComments(77)).toHaveLength(1);
  });

  it('a ladder that does not validate is not diffed, and the base is not read', async () => {
    const pr = openPullRequest(api, 78, { fixture: 'pr-ladder-errors' });
    const result = await onPullRequest(pr);
    expect(result.code).toBe(1);
    expect(result.requests.some((r) => r.path.includes('/contents/'))).toBe(false);
    expect(section(botComments(78)[0]?.body ?? '')).toContain('do not validate yet');
  });
});

describe('the health report on schedule and workflow_dispatch', () => {
  it('on schedule writes the health report to the summary, dated through the commits API', async () => {
    const head = sha('schedule-api');
    const tree = baseTree();
    api.setCommit(head, tree);
    api.fileDates.set(LADDER, '2020-01-10T09:00:00Z');
    const result = await run({
      event: 'schedule',
      payload: { schedule: '0 6 * * 1' },
      // actions/checkout's default: a shallow clone (here no .git at all), so no git history.
      workspace: ws(writeWorkspace(tree)),
      sha: head,
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(requestLine)).toEqual(['GET /commits']);
    expect(result.requests[0]?.query).toContain('path=ladders%2Fdemo.yml');
    expect(result.summary).toContain('## Ladder health');
    expect(result.summary).toContain('2020-01-10');
    expect(result.summary).toContain('stale-content');
    // The packet on the default branch counts as reached.
    expect(result.summary).toMatch(/Reached in 1 merged packet/);
    expect(result.summary).toContain('per file');
    expect(result.summary).toContain('The rendered pages are current');
    // Advice, not failure: no annotations for the health warnings.
    expect(annotations(result.stdout).map((a) => a.props.title)).not.toContain('stale-content');
  });

  it('with a full clone dates each part from git blame, with no API request', async () => {
    const tree = baseTree();
    const dir = ws(writeWorkspace(tree));
    const git = (args: string[], date: string) =>
      execFileSync('git', args, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Octo Cat',
          GIT_AUTHOR_EMAIL: 'octocat@example.com',
          GIT_COMMITTER_NAME: 'Octo Cat',
          GIT_COMMITTER_EMAIL: 'octocat@example.com',
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
      });
    git(['init', '-q', '-b', 'main'], '2021-03-04T10:00:00Z');
    git(['add', '-A'], '2021-03-04T10:00:00Z');
    git(['commit', '-q', '-m', 'Ladders'], '2021-03-04T10:00:00Z');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
    const result = await run({
      event: 'workflow_dispatch',
      payload: { inputs: {}, ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      workspace: dir,
      sha: head,
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests).toEqual([]);
    expect(result.summary).toContain('## Ladder health');
    expect(result.summary).toContain('2021-03-04');
    expect(result.summary).toContain('git blame');
  });

  it('on push writes no health report', async () => {
    const head = sha('push-no-health');
    const result = await run({
      event: 'push',
      payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } },
      workspace: ws(writeWorkspace(baseTree(), head)),
      sha: head,
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.summary).not.toContain('Ladder health');
  });
});
