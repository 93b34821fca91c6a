/**
 * API faults the end-to-end tests in action.test.ts do not already play (issue 8), against the
 * API stand-in: 5xx answers then success on each kind of request, rate limits with
 * `retry-after`, requests that never answer (the client's deadline), 404s, a closed pull
 * request, two runs updating at once, and our comment on a late page behind a forged one.
 *
 * Every scenario runs on a pull request that people have commented on too (one of them pasting
 * our marker), and after every run: at most one comment of ours exists, no comment of theirs was
 * edited, deleted or even addressed, no stack trace was printed, and the outcome and its message
 * are the ones the scenario expects.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS_BOT, HUMAN, SECONDARY_RATE_LIMIT, type StoredComment } from './api-stand-in';
import type { RunResult } from './harness';
import { openPullRequest, type PullRequestFixture } from './scenario';
import { graphqlFault, requestLine, useActionSuite } from './suite';

const MARKER = '<!-- ladder-as-code:pr-comment -->';
/** The client's deadline per request in the timeout scenarios (the action's default is 30 s). */
const TIMEOUT_MS = 1000;

/** `run`: the action on a pull request's merge commit, as `pull_request` runs it; `ours`: our comments. */
const { api, onPullRequest: run, botComments: ours } = useActionSuite();

/** A pull request with the packet fixture, and comments of people on it (one forges our marker). */
function pullRequest(number: number): {
  pr: PullRequestFixture;
  people: readonly StoredComment[];
} {
  const pr = openPullRequest(api, number, { fixture: 'pr-packet' });
  const people = [
    api.addComment(number, 'Looks good to me, @octocat.', HUMAN),
    api.addComment(number, `${MARKER}\nI am the bot, honest.`, HUMAN),
  ];
  return { pr, people: people.map((c) => ({ ...c })) };
}

function line(r: { method: string; path: string; operation?: string; status: number }): string {
  return `${requestLine(r)} ${r.status}`;
}

/** What must hold after every scenario, whatever it played. */
function expectInvariants(
  number: number,
  people: readonly StoredComment[],
  results: readonly RunResult[],
): void {
  expect(ours(number).length).toBeLessThanOrEqual(1);
  const now = api.commentsOn(number);
  for (const person of people) {
    const found = now.find((c) => c.id === person.id);
    expect(found?.body, `comment ${person.id} of ${person.user.login}`).toBe(person.body);
    expect(found?.updatedAt).toBe(person.updatedAt);
  }
  for (const result of results) {
    const touched = result.requests.filter(
      (r) => r.method !== 'GET' && people.some((p) => r.path.endsWith(`/comments/${p.id}`)),
    );
    expect(touched).toEqual([]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toMatch(/unexpected error/i);
    expect(result.requests.filter((r) => r.unexpected)).toEqual([]);
  }
}

describe('5xx answers, then success', () => {
  it('a 500 on listing the files is retried', async () => {
    const { pr, people } = pullRequest(91);
    api.faults.push({ method: 'GET', path: /\/pulls\/91\/files$/, status: 500 });
    const result = await run(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(line).slice(0, 2)).toEqual([
      'GET /pulls/91/files 500',
      'GET /pulls/91/files 200',
    ]);
    expect(ours(91)).toHaveLength(1);
    expect(result.outputs.result).toBe('pass');
    expectInvariants(91, people, [result]);
  });

  it('two 502s in a row on listing the comments are retried', async () => {
    const { pr, people } = pullRequest(92);
    // The list read again after the create (the first page came with the evidence check).
    api.faults.push(graphqlFault('LadderComments', { status: 502, times: 2 }));
    const result = await run(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(line)).toEqual([
      'GET /pulls/92/files 200',
      'POST /graphql LadderVerify 200',
      'POST /issues/92/comments 201',
      'POST /graphql LadderComments 502',
      'POST /graphql LadderComments 502',
      'POST /graphql LadderComments 200',
    ]);
    expect(ours(92)).toHaveLength(1);
    expectInvariants(92, people, [result]);
  });

  it('a 503 on updating the comment is retried, and updates it in place', async () => {
    const { pr, people } = pullRequest(93);
    const old = api.addComment(93, `${MARKER}\nold review`, ACTIONS_BOT);
    api.faults.push({ method: 'PATCH', path: /\/issues\/comments\/\d+$/, status: 503 });
    const result = await run(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(line).slice(-2)).toEqual([
      `PATCH /issues/comments/${old.id} 503`,
      `PATCH /issues/comments/${old.id} 200`,
    ]);
    expect(ours(93).map((c) => c.id)).toEqual([old.id]);
    expect(ours(93)[0]?.body).not.toContain('old review');
    expectInvariants(93, people, [result]);
  });
});

describe('rate limits', () => {
  it('a secondary rate limit on listing the files waits for retry-after', async () => {
    const { pr, people } = pullRequest(94);
    api.faults.push({
      method: 'GET',
      path: /\/pulls\/94\/files$/,
      status: 403,
      body: { message: SECONDARY_RATE_LIMIT },
      headers: { 'retry-after': '2' },
    });
    const result = await run(pr);
    expect(result.code, result.stdout).toBe(0);
    const [limited, retried] = result.requests;
    expect([limited, retried].map((r) => r && line(r))).toEqual([
      'GET /pulls/94/files 403',
      'GET /pulls/94/files 200',
    ]);
    // `retry-after: 2` is two steps of the test's 5 ms base (two seconds on GitHub).
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(10);
    expect(result.stdout).toContain('secondary rate limit');
    expect(ours(94)).toHaveLength(1);
    expectInvariants(94, people, [result]);
  });

  it('a 429 with retry-after on listing the comments waits, then goes on', async () => {
    const { pr, people } = pullRequest(95);
    api.faults.push(
      graphqlFault('LadderVerify', {
        status: 429,
        body: { message: SECONDARY_RATE_LIMIT },
        headers: { 'retry-after': '1' },
      }),
    );
    const result = await run(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(line).slice(1, 3)).toEqual([
      'POST /graphql LadderVerify 429',
      'POST /graphql LadderVerify 200',
    ]);
    expect(ours(95)).toHaveLength(1);
    expectInvariants(95, people, [result]);
  });
});

describe('requests that never answer', () => {
  const env = { LADDER_ACTION_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) };

  it('a comment list held past the deadline is abandoned and asked again', async () => {
    const { pr, people } = pullRequest(96);
    // The first request is held until a second one arrives: the answer comes too late.
    api.faults.push(graphqlFault('LadderComments', { gate: 2, times: 2 }));
    const started = Date.now();
    const result = await run(pr, { env });
    expect(result.code, result.stdout).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(ours(96)).toHaveLength(1);
    expectInvariants(96, people, [result]);
  });

  it('an API that never answers fails the run in one line, in bounded time', async () => {
    const { pr, people } = pullRequest(97);
    api.faults.push({ method: 'GET', path: /\/pulls\/97\/files$/, gate: 1000, times: 1000 });
    // A shorter deadline than the other tests': this one waits for all four of them.
    const deadline = TIMEOUT_MS / 4;
    const started = Date.now();
    const result = await run(pr, { env: { LADDER_ACTION_REQUEST_TIMEOUT_MS: String(deadline) } });
    expect(result.code).toBe(1);
    // Four attempts (one and three retries), each abandoned at its deadline.
    expect(Date.now() - started).toBeGreaterThanOrEqual(deadline * 4);
    expect(Date.now() - started).toBeLessThan(deadline * 4 + 20_000);
    expect(result.stdout).toMatch(
      /^::error::GitHub's API did not answer GET \/repos\/acme\/ladders\/pulls\/97\/files in time, also after retries/m,
    );
    expect(result.outputs.result ?? '').not.toBe('pass');
    expect(ours(97)).toHaveLength(0);
    expectInvariants(97, people, [result]);
  });

  it('a create held past the deadline that goes through later leaves one comment', async () => {
    const { pr, people } = pullRequest(98);
    // The first create is held until the second arrives; then both create a comment.
    api.faults.push({ method: 'POST', path: /\/issues\/98\/comments$/, gate: 2, times: 2 });
    const result = await run(pr, { env });
    expect(result.code, result.stdout).toBe(0);
    // The copy the late create made is found and deleted.
    expect(result.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([
      204,
    ]);
    expect(ours(98)).toHaveLength(1);
    expect(result.outputs['comment-id']).toBe(String(ours(98)[0]?.id));
    expectInvariants(98, people, [result]);
  });
});

describe('404s', () => {
  it('a pull request GitHub does not know fails in one line that says what to check', async () => {
    const { pr, people } = pullRequest(99);
    api.faults.push({
      method: 'GET',
      path: /\/pulls\/99\/files$/,
      status: 404,
      body: { message: 'Not Found' },
    });
    const result = await run(pr);
    expect(result.code).toBe(1);
    expect(result.requests.map(line)).toEqual(['GET /pulls/99/files 404']);
    expect(result.stdout).toMatch(
      /^::error::GitHub's API answered 404 to GET \/repos\/acme\/ladders\/pulls\/99\/files \(Not Found\)\. Check that the repository and the pull request exist/m,
    );
    expect(ours(99)).toHaveLength(0);
    expectInvariants(99, people, [result]);
  });

  it('a pull request GraphQL does not find fails without writing anything', async () => {
    const { pr, people } = pullRequest(100);
    // GitHub answers 200 with the error on the alias, and no data there.
    const message = 'Could not resolve to a PullRequest with the number of 100.';
    api.faults.push({
      method: 'POST',
      path: /^\/graphql$/,
      times: 5,
      status: 200,
      body: {
        data: { ladderComments: { pullRequest: null } },
        errors: [{ type: 'NOT_FOUND', path: ['ladderComments', 'pullRequest'], message }],
      },
    });
    const result = await run(pr);
    expect(result.code).toBe(1);
    // Reads only: the files, then the comments (with the evidence check, then on their own).
    expect(result.requests.map(line)).toEqual([
      'GET /pulls/100/files 200',
      'POST /graphql LadderVerify 200',
      'POST /graphql LadderComments 200',
    ]);
    expect(result.stdout).toContain(
      `::error::GitHub did not list the comments of the pull request (NOT_FOUND: ${message})`,
    );
    expectInvariants(100, people, [result]);
  });
});

describe('the pull request and its comment', () => {
  it('a closed pull request leaves our comment and theirs alone', async () => {
    const { pr, people } = pullRequest(101);
    const old = api.addComment(101, `${MARKER}\nreview of the last push`, ACTIONS_BOT);
    const result = await run(pr, { payload: { ...pr.payload, action: 'closed' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^::notice::The pull request was closed/m);
    expect(result.requests).toEqual([]);
    expect(ours(101).map((c) => c.body)).toEqual([old.body]);
    expectInvariants(101, people, [result]);
  });

  it('two runs at once that both find our comment update it, leaving one', async () => {
    const { pr, people } = pullRequest(102);
    const old = api.addComment(102, `${MARKER}\nold review`, ACTIONS_BOT);
    api.faults.push(graphqlFault('LadderVerify', { gate: 2, times: 2 }));
    // The bundle as two processes: two jobs at once (one in-process run at a time).
    const results = await Promise.all([run(pr, { bundle: true }), run(pr, { bundle: true })]);
    for (const result of results) expect(result.code, result.stdout).toBe(0);
    expect(ours(102).map((c) => c.id)).toEqual([old.id]);
    expect(ours(102)[0]?.body).not.toContain('old review');
    expectInvariants(102, people, results);
  });

  it('finds ours on the second page, behind a forged copy on the first', async () => {
    const pr = openPullRequest(api, 103, { fixture: 'pr-packet' });
    const people: StoredComment[] = [];
    people.push({ ...api.addComment(103, `${MARKER}\nforged on page one`, HUMAN) });
    for (let i = 0; i < 130; i += 1) people.push({ ...api.addComment(103, `+1 (${i})`, HUMAN) });
    const old = api.addComment(103, `${MARKER}\nold review`, ACTIONS_BOT);
    for (let i = 0; i < 19; i += 1) people.push({ ...api.addComment(103, `nit ${i}`, HUMAN) });
    expect(api.commentsOn(103)).toHaveLength(151);
    const result = await run(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(result.requests.map(line)).toEqual([
      'GET /pulls/103/files 200',
      'POST /graphql LadderVerify 200',
      'POST /graphql LadderComments 200',
      `PATCH /issues/comments/${old.id} 200`,
    ]);
    expect(ours(103).map((c) => c.id)).toEqual([old.id]);
    expectInvariants(103, people, [result]);
  });

  it('a comment deleted between the list and the update is made again, once', async () => {
    const { pr, people } = pullRequest(104);
    const old = api.addComment(104, `${MARKER}\nold`, ACTIONS_BOT);
    api.faults.push({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      before: (stand) => stand.deleteComment(old.id),
    });
    const result = await run(pr);
    expect(result.code, result.stdout).toBe(0);
    expect(ours(104)).toHaveLength(1);
    expect(ours(104)[0]?.id).not.toBe(old.id);
    expectInvariants(104, people, [result]);
  });
});
