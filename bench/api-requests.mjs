// The API requests of a verified run: the bundled action on a pull request that adds one packet
// with 100 GitHub evidence links, against a loopback API that answers what the action asks
// (the changed files, one GraphQL query, the comment list and the new comment). Counts every
// request; the figure goes in the "API requests" row of `npm run bench`.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SHA = 'c'.repeat(40);
const PACKET = 'promotions/bench-L2.md';

/** Runs the action once; resolves to the requests it made (`METHOD path`) and its exit code. */
export async function verifiedRunRequests(root, links = 100) {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-bench-verify-'));
  cpSync(join(root, 'test/fixtures/action/base'), dir, { recursive: true });
  const items = Array.from(
    { length: links },
    (_, i) => `- Shipped part ${i + 1} ([PR](https://github.com/acme/infra/pull/${i + 1})).`,
  );
  mkdirSync(join(dir, 'promotions'), { recursive: true });
  writeFileSync(
    join(dir, PACKET),
    `---\ncandidate: bench\ngithub: bench\nladder: demo\nto: L2\ncycle: 2026-H2\n---\n\n## Mastery\n\n${items.slice(0, links / 2).join('\n')}\n\n## Judgment\n\n${items.slice(links / 2).join('\n')}\n`,
  );
  // A checkout of the commit under review: the files are read from disk.
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, '.git', 'HEAD'), `${SHA}\n`);
  const event = join(dir, '.event.json');
  for (const file of ['.output', '.summary']) writeFileSync(join(dir, file), '');
  const repo = { name: 'ladders', full_name: 'acme/ladders', owner: { login: 'acme' } };
  writeFileSync(
    event,
    JSON.stringify({
      action: 'opened',
      number: 1,
      pull_request: {
        number: 1,
        head: { sha: SHA, ref: 'promotion', repo },
        base: { sha: 'b'.repeat(40), ref: 'main', repo },
        user: { login: 'bench' },
      },
      repository: { ...repo, default_branch: 'main' },
    }),
  );
  const requests = [];
  const comments = [];
  const pr = (n, merged) => ({
    __typename: 'PullRequest',
    number: n,
    pullRequestState: merged ? 'MERGED' : 'OPEN',
    isDraft: false,
    createdAt: '2026-08-01T00:00:00Z',
    mergedAt: merged ? '2026-08-02T00:00:00Z' : null,
    closedAt: null,
    author: { login: 'bench' },
    assignees: { nodes: [] },
    participants: { nodes: [{ login: 'bench' }] },
    reviews: { totalCount: 0 },
  });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      const path = new URL(req.url, 'http://x').pathname;
      requests.push(`${req.method} ${path}`);
      const json = (status, data) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (path === '/repos/acme/ladders/pulls/1/files')
        return json(200, [{ filename: PACKET, status: 'added', sha: '0'.repeat(40) }]);
      if (path === '/graphql') {
        const { variables } = JSON.parse(body);
        const data = {};
        for (const [name, url] of Object.entries(variables))
          if (/^u\d+$/.test(name))
            data[`t${name.slice(1)}`] = pr(Number(url.split('/').pop()), true);
          else if (/^ro\d+$/.test(name)) data[`r${name.slice(2)}`] = { id: 'R_1' };
        return json(200, { data });
      }
      if (path === '/repos/acme/ladders/issues/1/comments' && req.method === 'GET')
        return json(200, comments);
      if (path === '/repos/acme/ladders/issues/1/comments' && req.method === 'POST') {
        const comment = {
          id: 1,
          body: JSON.parse(body).body,
          html_url: 'https://github.com/acme/ladders/pull/1#issuecomment-1',
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        comments.push(comment);
        return json(201, comment);
      }
      json(404, { message: 'Not Found' });
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}`;
  const child = spawn(process.execPath, [join(root, 'action/dist/index.js')], {
    cwd: dir,
    stdio: process.env.LADDER_BENCH_DEBUG ? 'inherit' : 'ignore',
    env: {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/ladders',
      GITHUB_API_URL: url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: dir,
      GITHUB_SHA: SHA,
      GITHUB_OUTPUT: join(dir, '.output'),
      GITHUB_STEP_SUMMARY: join(dir, '.summary'),
      'INPUT_GITHUB-TOKEN': 'bench-token',
      INPUT_SUMMARY: 'safe',
      LADDER_ACTION_RETRY_BASE_MS: '1',
    },
  });
  const code = await new Promise((r) => child.on('close', r));
  server.close();
  rmSync(dir, { recursive: true, force: true });
  return { code, links, requests };
}
