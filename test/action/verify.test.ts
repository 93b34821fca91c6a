/**
 * End to end through the action: evidence verified on GitHub. The stand-in answers
 * GraphQL from test/fixtures/verify/github.json, executing each query against GitHub's published
 * schema; every query the action sent is validated against it again after the test.
 */
import { join } from 'node:path';
import { validate } from '@octokit/graphql-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphqlStandIn } from './graphql-stand-in';
import { ROOT, type RunResult } from './harness';
import { openPullRequest } from './scenario';
import { graphqlFault, requestLine, useActionSuite } from './suite';

const PACKET = 'promotions/lee-ana-L2.md';
const { api, onPullRequest, botComments } = useActionSuite();

function fixtureData(
  options: ConstructorParameters<typeof GraphqlStandIn>[0] = {},
): GraphqlStandIn {
  api.graphql = new GraphqlStandIn(options).load(join(ROOT, 'test/fixtures/verify/github.json'));
  return api.graphql;
}

afterEach(() => {
  for (const query of api.graphql.queries)
    expect(validate(query).map((e) => e.message)).toEqual([]);
});

/** The evidence line of the comment that links to packet line `line`. */
function itemLine(body: string, line: number): string {
  return body.split('\n').find((l) => l.includes(`#L${line})`) && l.startsWith('- [Line')) ?? '';
}

/** The run's GraphQL requests: the operation and the status of each. */
function graphqlOperations(result: RunResult): string[] {
  return result.requests
    .filter((r) => r.path === '/graphql')
    .map((r) => `${r.operation ?? '?'} ${r.status}`);
}

/** The comment without the invisible word joiners that keep `#12` from becoming a reference. */
function plain(body: string | undefined): string {
  return (body ?? '').replaceAll('\u2060', '');
}

describe('evidence verified on GitHub', () => {
  it('shows what GitHub confirms for each link, within 4 requests on the first run', async () => {
    fixtureData();
    const pr = openPullRequest(api, 40, { fixture: 'pr-verify' });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    // The first page of comments rides on the verification query.
    expect(result.requests.map(requestLine)).toEqual([
      'GET /pulls/40/files',
      'POST /graphql LadderVerify',
      'POST /issues/40/comments',
      'POST /graphql LadderComments',
    ]);
    const body = plain(botComments(40)[0]?.body);
    const status = (line: number) => itemLine(body, line).replace(/^.*” — /, '');
    expect(status(14)).toBe('✅ merged PR, authored by the candidate, in the cycle');
    expect(status(15)).toBe('✅ merged PR, reviewed by the candidate, in the cycle');
    expect(status(16)).toBe('⚠️ PR closed without merging, authored by the candidate, in the cycle');
    expect(status(20)).toBe(
      '⚠️ merged PR, authored by the candidate, merged 2025-03-02, outside the cycle',
    );
    expect(status(21)).toBe('🔒 not verifiable with this token');
    expect(status(22)).toBe('⚠️ not found on GitHub');
    expect(status(23)).toBe('✅ closed issue, assigned to the candidate, in the cycle');
    expect(body).toContain(
      '**On GitHub:** 3 of 7 GitHub links verified; 3 with warnings; 1 not verifiable with this token.',
    );
    // Per dimension: how many items GitHub confirms.
    expect(body).toMatch(/\| Mastery +\| ✅ evidenced \| +3 \| +2 of 3 \|/);
    expect(body).toMatch(/\| Judgment +\| ✅ evidenced \| +4 \| +1 of 4 \|/);
    // Warnings name the line and the reason, never the linked item's text.
    expect(body).toContain('`acme/infra#60`: a pull request closed without merging');
    expect(body).toContain('`acme/infra#999`: the link was not found on GitHub');
    expect(body).toContain('`acme/infra#7`: it falls outside the cycle');
    // A warning never fails the run, and the job summary holds counts only.
    expect(result.outputs.result).toBe('pass');
    expect(result.summary).toContain('3 of 7 (3 with warnings, 1 not verifiable with this token)');
    for (const text of ['acme/infra', 'okafor-sam', 'merged PR', '2025-03-02', 'in the cycle']) {
      expect(result.summary).not.toContain(text);
      expect(result.stdout).not.toContain(text);
    }
    expect(result.stdout).toContain('Evidence verification: 7 GitHub links in 1 request.');
  });

  it('asks about 150 links in two requests', async () => {
    const data = fixtureData();
    data.addPullRequests('acme/bulk', 150, 'lee-ana', '2026-09-01T00:00:00Z');
    const items = Array.from(
      { length: 150 },
      (_, i) =>
        `- Shipped part ${i + 1} of Zanzibar ([PR](https://github.com/acme/bulk/pull/${i + 1})).`,
    );
    const packet = `---\ncandidate: lee-ana\ngithub: lee-ana\nladder: demo\nfrom: L1\nto: L2\ncycle: 2026-H2\n---\n\n## Mastery\n\n${items.slice(0, 75).join('\n')}\n\n## Judgment\n\n${items.slice(75).join('\n')}\n`;
    const pr = openPullRequest(api, 41, {
      files: new Map([[PACKET, new TextEncoder().encode(packet)]]),
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    // Two verification queries, then the list read again after the create.
    expect(graphqlOperations(result)).toEqual([
      'LadderVerify 200',
      'LadderVerify 200',
      'LadderComments 200',
    ]);
    expect(botComments(41)[0]?.body).toContain('**On GitHub:** 150 of 150 GitHub links verified.');
  });

  it('waits out a rate-limited answer, retries a 502, and takes a FORBIDDEN alias as not verifiable', async () => {
    fixtureData();
    const reset = String(Math.floor(Date.now() / 1000));
    api.faults.push({
      method: 'POST',
      path: /^\/graphql$/,
      status: 200,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: {
        errors: [
          { type: 'RATE_LIMITED', message: 'API rate limit exceeded for installation ID 1.' },
        ],
      },
    });
    const packet = `---\ncandidate: lee-ana\ngithub: lee-ana\nladder: demo\nto: L2\ncycle: 2026-H2\n---\n\n## Mastery\n\n- Zanzibar docs ([issue](https://github.com/acme/locked/issues/1)).\n\n## Judgment\n\n- Zanzibar release ([release](https://github.com/acme/infra/releases/tag/v2.0)), with [a commit](https://github.com/acme/infra/commit/abc1234def).\n`;
    const pr = openPullRequest(api, 42, {
      files: new Map([[PACKET, new TextEncoder().encode(packet)]]),
    });
    const limited = await onPullRequest(pr);
    expect(limited.code, limited.stdout).toBe(0);
    expect(graphqlOperations(limited)).toEqual([
      'LadderVerify 200',
      'LadderVerify 200',
      'LadderComments 200',
    ]);
    const body = plain(botComments(42)[0]?.body);
    expect(itemLine(body, 11)).toContain('🔒 not verifiable with this token');
    expect(itemLine(body, 15)).toContain(
      '✅ `acme/infra@tag:v2.0`: published release, authored by the candidate, in the cycle; ✅ `acme/infra@abc1234def`: commit, co-authored by the candidate, in the cycle',
    );

    api.faults.push({ method: 'POST', path: /^\/graphql$/, status: 502 });
    const retried = await onPullRequest(pr);
    expect(retried.code).toBe(0);
    expect(graphqlOperations(retried)).toEqual(['LadderVerify 502', 'LadderVerify 200']);
    expect(botComments(42)).toHaveLength(1);
  });

  it('reviews anyway when GitHub keeps refusing to verify: the links are "not checked", the run passes', async () => {
    fixtureData();
    api.faults.push(graphqlFault('LadderVerify', { status: 502, times: 20 }));
    const pr = openPullRequest(api, 43, { fixture: 'pr-verify' });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.result).toBe('pass');
    // Four tries (the retries), then the comments are listed on their own.
    expect(graphqlOperations(result)).toEqual([
      ...Array(4).fill('LadderVerify 502'),
      'LadderComments 200',
      'LadderComments 200',
    ]);
    const body = plain(botComments(43)[0]?.body);
    expect(itemLine(body, 14)).toContain('… not checked: GitHub did not answer');
    expect(body).toContain('7 not checked');
  });

  it('asks with the `verify-token` input when it is given, and only for verification', async () => {
    fixtureData();
    const pr = openPullRequest(api, 44, { fixture: 'pr-verify' });
    // A private repository: on a public one the token is not used (verify-token-public.test.ts).
    (pr.payload.repository as { private: boolean }).private = true;
    // A token the stand-in does not know: GraphQL refuses it, everything else goes on as usual.
    const result = await onPullRequest(pr, { inputs: { 'verify-token': 'ghs_other_app_token' } });
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map((r) => `${requestLine(r)} ${r.status}`)).toEqual([
      'GET /pulls/44/files 200',
      'POST /graphql LadderVerify 401',
      // The comments are the workflow token's to read: never asked with the other token.
      'POST /graphql LadderComments 200',
      'POST /issues/44/comments 201',
      'POST /graphql LadderComments 200',
    ]);
    expect(itemLine(plain(botComments(44)[0]?.body), 14)).toContain(
      'not checked: GitHub refused the token',
    );
    // Masked, as the workflow token is: the runner hides it from the rest of the log.
    expect(result.stdout.split('\n').filter((l) => l.includes('ghs_other_app_token'))).toEqual([
      '::add-mask::ghs_other_app_token',
    ]);
  });

  it('sends no verification query under `review.verify: off`', async () => {
    fixtureData();
    // On the base branch: a pull request does not choose how its own packets are verified.
    const config = new TextEncoder().encode('review:\n  verify: off\n');
    const pr = openPullRequest(api, 45, {
      fixture: 'pr-verify',
      base: new Map([['ladder.config.yml', config]]),
    });
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(graphqlOperations(result)).toEqual(['LadderComments 200', 'LadderComments 200']);
    expect(botComments(45)[0]?.body).not.toContain('On GitHub');
  });

  // An older GitHub Enterprise Server whose schema has no `IssueComment.fullDatabaseId`: GitHub
  // answers the whole query with `undefinedField` and no data.
  it('verifies and keeps one comment on a server whose schema lacks IssueComment.fullDatabaseId', async () => {
    fixtureData({ without: ['IssueComment.fullDatabaseId'] });
    const pr = openPullRequest(api, 46, { fixture: 'pr-verify' });
    const first = await onPullRequest(pr);
    expect(first.code, first.stdout).toBe(0);
    expect(first.requests.map(requestLine)).toEqual([
      'GET /pulls/46/files',
      'POST /graphql LadderVerify',
      // Refused whole for the comments it carried: verification again, on its own.
      'POST /graphql LadderVerify',
      // The comments' own query is refused too; from then on, REST.
      'POST /graphql LadderComments',
      'GET /issues/46/comments',
      'POST /issues/46/comments',
      'GET /issues/46/comments',
    ]);
    const body = plain(botComments(46)[0]?.body);
    expect(itemLine(body, 14).replace(/^.*” — /, '')).toBe(
      '✅ merged PR, authored by the candidate, in the cycle',
    );
    // The next run finds that comment through REST, unchanged, and writes nothing: no second one.
    const second = await onPullRequest(pr);
    expect(second.code, second.stdout).toBe(0);
    expect(second.requests.map(requestLine)).toEqual([
      'GET /pulls/46/files',
      'POST /graphql LadderVerify',
      'POST /graphql LadderVerify',
      'POST /graphql LadderComments',
      'GET /issues/46/comments',
    ]);
    expect(botComments(46)).toHaveLength(1);
  });
});
