/**
 * The contract of the REST stand-in (openapi-contract.ts): requests and answers held against
 * GitHub's OpenAPI description; every route of the stand-in answers in GitHub's shapes; and the
 * suite's stand-in reports a request GitHub does not document.
 */
import { describe, expect, it } from 'vitest';
import { blobSha, HUMAN } from './api-stand-in';
import { TOKEN } from './harness';
import { contractViolations, type Exchange } from './openapi-contract';
import { sha } from './scenario';
import { useActionSuite } from './suite';

const { api } = useActionSuite();

const REPO = '/repos/acme/ladders';

function exchange(
  method: string,
  path: string,
  extra: { query?: string; body?: unknown; accept?: string; response?: Exchange['response'] } = {},
): Exchange {
  return {
    method,
    rawPath: path,
    query: new URLSearchParams(extra.query ?? ''),
    body: extra.body === undefined ? '' : JSON.stringify(extra.body),
    accept: extra.accept ?? 'application/vnd.github.v3+json',
    ...(extra.response ? { response: extra.response } : {}),
  };
}

describe('a request held against GitHub’s description', () => {
  it('passes when GitHub documents the operation, its parameters and its body', () => {
    expect(
      contractViolations(
        exchange('GET', `${REPO}/issues/7/comments`, { query: 'per_page=100&page=2' }),
      ),
    ).toEqual([]);
    expect(
      contractViolations(exchange('POST', `${REPO}/issues/7/comments`, { body: { body: 'Hi' } })),
    ).toEqual([]);
    expect(
      contractViolations(
        exchange('PATCH', `${REPO}/git/refs/heads/main`, {
          body: { sha: 'a'.repeat(40), force: false },
        }),
      ),
    ).toEqual([]);
  });

  it('matches a file path whether its slashes are sent as they are or encoded', () => {
    for (const path of ['ladders/demo.yml', 'ladders%2Fdemo.yml'])
      expect(
        contractViolations(exchange('GET', `${REPO}/contents/${path}`, { query: 'ref=main' })),
      ).toEqual([]);
  });

  it('fails a path GitHub does not have, or a method it does not take there', () => {
    expect(contractViolations(exchange('GET', `${REPO}/ladders`))).toEqual([
      `GET ${REPO}/ladders: no operation of GitHub's REST API has this method and path`,
    ]);
    expect(
      contractViolations(exchange('PUT', `${REPO}/issues/7/comments`, { body: { body: 'x' } })),
    ).toHaveLength(1);
  });

  it('fails a body field of the wrong type, and a body without a required field', () => {
    const [wrongType] = contractViolations(
      exchange('POST', `${REPO}/issues/7/comments`, { body: { body: 5 } }),
    );
    expect(wrongType).toMatch(/issues\/create-comment\): request body: \/body must be string/);
    const [missing] = contractViolations(
      exchange('POST', `${REPO}/issues/7/comments`, { body: { text: 'x' } }),
    );
    expect(missing).toMatch(/request body: \/ must have required property 'body'/);
    expect(contractViolations(exchange('POST', `${REPO}/issues/7/comments`))).toEqual([
      `POST ${REPO}/issues/7/comments (issues/create-comment): the request has no body; GitHub requires one`,
    ]);
    expect(
      contractViolations(exchange('GET', `${REPO}/issues/7/comments`, { body: { body: 'x' } })),
    ).toEqual([
      `GET ${REPO}/issues/7/comments (issues/list-comments): the request has a body; the operation takes none`,
    ]);
  });

  it('fails a parameter GitHub does not document, or one of the wrong type', () => {
    expect(
      contractViolations(exchange('GET', `${REPO}/issues/7/comments`, { query: 'sort=created' })),
    ).toEqual([
      `GET ${REPO}/issues/7/comments (issues/list-comments): parameters: /query must NOT have additional properties {"additionalProperty":"sort"}`,
    ]);
    expect(
      contractViolations(
        exchange('GET', `${REPO}/issues/7/comments`, { query: 'per_page=many' }),
      )[0],
    ).toMatch(/\/query\/per_page must be integer/);
    expect(contractViolations(exchange('GET', `${REPO}/issues/seven/comments`))[0]).toMatch(
      /\/path\/issue_number must be integer/,
    );
  });
});

describe('an answer held against GitHub’s description', () => {
  const comment = (user: unknown) => ({
    id: 1,
    node_id: 'IC_1',
    url: 'https://api.github.com/repos/acme/ladders/issues/comments/1',
    html_url: 'https://github.com/acme/ladders/pull/7#issuecomment-1',
    issue_url: 'https://api.github.com/repos/acme/ladders/issues/7',
    user,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  });
  const post = (response: Exchange['response']) =>
    contractViolations(
      exchange('POST', `${REPO}/issues/7/comments`, { body: { body: 'x' }, response }),
    );

  it('takes null where GitHub’s 3.0 description says `nullable`, and nowhere else', () => {
    // `user` is `nullable-simple-user`: a schema with `nullable: true` beside its type.
    expect(post({ status: 201, body: comment(null) })).toEqual([]);
    expect(post({ status: 201, body: { ...comment(null), id: null } })[0]).toMatch(
      /201 answer: \/id must be integer/,
    );
  });

  it('takes null for a nullable schema without a type of its own (ajv alone would not)', () => {
    // A commit's `author`: `{ nullable: true, oneOf: [simple-user, empty-object] }`.
    const listed = (author: unknown) =>
      contractViolations(
        exchange('GET', `${REPO}/commits`, {
          query: 'sha=main&path=a.yml&per_page=1',
          response: {
            status: 200,
            body: [
              {
                url: 'https://api.github.com/repos/acme/ladders/commits/1',
                sha: '1',
                node_id: 'C_1',
                html_url: 'https://github.com/acme/ladders/commit/1',
                comments_url: 'https://api.github.com/repos/acme/ladders/commits/1/comments',
                commit: {
                  url: 'https://api.github.com/repos/acme/ladders/git/commits/1',
                  author: null,
                  committer: null,
                  message: 'm',
                  comment_count: 0,
                  tree: { sha: '1', url: 'https://api.github.com/repos/acme/ladders/git/trees/1' },
                },
                author,
                committer: null,
                parents: [],
              },
            ],
          },
        }),
      );
    expect(listed(null)).toEqual([]);
    expect(listed({})).toEqual([]);
    expect(listed('octocat')[0]).toMatch(/200 answer: \/0\/author must be object/);
  });

  it('fails a missing field, and a success status GitHub does not document', () => {
    expect(post({ status: 201, body: comment({ login: 'octocat' }) })[0]).toMatch(
      /201 answer: \/user must have required property/,
    );
    expect(post({ status: 200, body: comment(null) })).toEqual([
      `POST ${REPO}/issues/7/comments (issues/create-comment): GitHub documents no 200 answer`,
    ]);
  });
});

describe('the stand-in', () => {
  async function call(method: string, path: string, body?: unknown): Promise<number> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('answers every route in the shapes GitHub documents', async () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const commit = sha('contract');
    const big = new Uint8Array(1024 * 1024 + 1).fill(97);
    api.setCommit(
      commit,
      new Map([
        ['ladders/demo.yml', text('id: demo\n')],
        ['ladders/deep/more.yml', text('id: more\n')],
        ['ladders/link.yml', text('demo.yml')],
        ['big.md', big],
      ]),
    );
    api.links.add('ladders/link.yml');
    api.pulls.set(5, [
      { filename: 'ladders/demo.yml', status: 'modified' },
      { filename: 'new.yml', status: 'renamed', previous_filename: 'old.yml' },
    ]);
    api.addComment(5, 'Nice', HUMAN);
    api.fileDates.set('ladders/demo.yml', '2026-01-10T09:00:00Z');
    const from = api.requests.length;
    const statuses = [
      await call('GET', `${REPO}/pulls/5/files?per_page=100`),
      await call('GET', `${REPO}/issues/5/comments?per_page=100`),
      await call('POST', `${REPO}/issues/5/comments`, { body: 'Review' }),
      await call('PATCH', `${REPO}/issues/comments/${api.comments.at(-1)?.id}`, { body: 'Again' }),
      await call('GET', `${REPO}/issues/comments/${api.comments.at(-1)?.id}`),
      await call('DELETE', `${REPO}/issues/comments/${api.comments.at(-1)?.id}`),
      await call('POST', `${REPO}/pulls/5/requested_reviewers`, {
        reviewers: ['dana-r'],
        team_reviewers: ['council'],
      }),
      await call('GET', `${REPO}/issues/5/events?per_page=100`),
      await call('GET', `${REPO}/commits?sha=${commit}&path=ladders%2Fdemo.yml&per_page=1`),
      await call('GET', `${REPO}/contents/ladders%2Fdemo.yml?ref=${commit}`),
      await call('GET', `${REPO}/contents/ladders?ref=${commit}`),
      await call('GET', `${REPO}/contents/ladders%2Flink.yml?ref=${commit}`),
      await call('GET', `${REPO}/contents/big.md?ref=${commit}`),
      await call('GET', `${REPO}/git/blobs/${blobSha(big)}`),
      await call('GET', `${REPO}/git/trees/${commit}?recursive=1`),
      await call('POST', `${REPO}/git/trees`, {
        base_tree: commit,
        tree: [{ path: 'a.md', mode: '100644', type: 'blob', content: 'A' }],
      }),
    ];
    const tree = api.since(from).at(-1);
    expect(tree?.status).toBe(201);
    const newTree = [...api.commits.keys()].at(-1) ?? '';
    statuses.push(
      await call('POST', `${REPO}/git/commits`, {
        message: 'Pages',
        tree: newTree,
        parents: [commit],
      }),
    );
    const newCommit = [...api.commits.keys()].at(-1) ?? '';
    statuses.push(await call('PATCH', `${REPO}/git/refs/heads%2Fmain`, { sha: newCommit }));
    const logged = api.since(from);
    expect(
      statuses.every((s) => s >= 200 && s < 300),
      JSON.stringify(logged),
    ).toBe(true);
    expect(logged.flatMap((r) => r.violations ?? [])).toEqual([]);
  });

  it('of the suite reports a request GitHub does not document, and a bad body', async () => {
    const from = api.requests.length;
    await call('POST', `${REPO}/issues/5/comments`, { text: 'no body field' });
    await call('GET', `${REPO}/ladders`);
    await call('POST', '/graphql', { query: '{ viewer { login } }' });
    const [post, nowhere, graphql] = api.since(from);
    expect(post?.violations?.[0]).toMatch(/must have required property 'body'/);
    expect(nowhere?.unexpected).toBe(true);
    expect(nowhere?.violations).toEqual([
      `GET ${REPO}/ladders: no operation of GitHub's REST API has this method and path`,
    ]);
    // GraphQL is held against GitHub's GraphQL schema instead (graphql-stand-in.ts).
    expect(graphql?.violations).toBeUndefined();
  });
});
