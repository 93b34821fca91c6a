// `ladder review --verify`, in process, against the API stand-in's GraphQL: the same queries and
// judgments as the action, the token from GITHUB_TOKEN or GH_TOKEN, no request without the flag.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '@octokit/graphql-schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { ACTIONS_BOT, ApiStandIn } from '../action/api-stand-in';
import { GraphqlStandIn } from '../action/graphql-stand-in';
import { ROOT } from '../helpers/paths';

const TOKEN = 'ghp_cli_token';
const PACKET = 'promotions/lee-ana-L2.md';
const api = new ApiStandIn('acme', 'ladders');
const dirs: string[] = [];

beforeAll(async () => {
  api.tokens.set(TOKEN, { user: ACTIONS_BOT, write: false });
  await api.start();
});
afterAll(async () => {
  await api.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  for (const query of api.graphql.queries)
    expect(validate(query).map((e) => e.message)).toEqual([]);
});

/** A repository with the fixture ladder, the verification packet, and `config` as its config. */
function repository(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-verify-cli-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'test/fixtures/action/base'), dir, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/action/pr-verify'), dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'ladder.config.yml'), config);
  return dir;
}

const CYCLES = 'cycles:\n  2026-H2: { from: 2026-07-01, to: 2026-12-31 }\n';

async function review(
  root: string,
  args: readonly string[],
  env: Record<string, string> = { GITHUB_TOKEN: TOKEN },
) {
  api.graphql = new GraphqlStandIn().load(join(ROOT, 'test/fixtures/verify/github.json'));
  const from = api.requests.length;
  let stdout = '';
  let stderr = '';
  const code = await main(['review', PACKET, ...args], {
    cwd: root,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    colour: false,
    env: {
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: 'acme/ladders',
      LADDER_RETRY_DELAY_MS: '1',
      ...env,
    },
  });
  return { code, stdout, stderr, requests: api.since(from) };
}

describe('ladder review --verify', () => {
  it('prints each GitHub link’s status, in one request', async () => {
    const result = await review(repository(), ['--verify']);
    expect(result.code).toBe(0);
    expect(result.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /graphql 200',
    ]);
    expect(result.stdout).toContain(
      'On GitHub: 3 of 7 GitHub links verified; 3 with warnings; 1 not verifiable with this token.',
    );
    expect(result.stdout).toContain(
      '✅ acme/infra#52: merged PR, reviewed by the candidate, in the cycle',
    );
    expect(result.stdout).toContain(
      '⚠️ acme/infra#60: PR closed without merging, authored by the candidate, in the cycle (a pull request closed without merging, presented as evidence)',
    );
    expect(result.stdout).toContain('🔒 acme/secret#3: not verifiable with this token');
    expect(result.stderr).toBe('ladder review: verified 7 GitHub links in 1 request.\n');
  });

  it('uses GH_TOKEN too, and reports the results as JSON', async () => {
    const result = await review(repository(CYCLES), ['--verify', '--format', 'json'], {
      GH_TOKEN: TOKEN,
    });
    const [packet] = JSON.parse(result.stdout).packets;
    expect(packet.github).toBe('lee-ana');
    expect(packet.verification).toMatchObject({ links: 7, verified: 3, notVisible: 1 });
    expect(packet.dimensions[1].evidence[0].verification[0]).toMatchObject({
      key: 'acme/infra#7',
      status: 'found',
      kind: 'pull-request',
      state: 'merged',
      part: 'author',
      date: '2025-03-02',
      dateKind: 'merged',
      inCycle: false,
      verified: false,
      warnings: ['outside-cycle'],
    });
  });

  it('says what is over the limit, and does not ask about it', async () => {
    const result = await review(repository(`${CYCLES}limits:\n  maxVerifiedLinks: 2\n`), [
      '--verify',
    ]);
    expect(result.stdout).toContain(
      'acme/infra#60: not checked: over the limit of 2 links verified per run',
    );
    expect(result.stdout).toContain('5 not checked');
    expect(result.stderr).toContain(
      '5 over the limit of 2 (`limits.maxVerifiedLinks`) not checked',
    );
  });

  it('under `review.verify: require`, a dimension without a verified item is thin', async () => {
    const root = repository(`${CYCLES}review:\n  verify: require\n`);
    const packet = join(root, PACKET);
    // Judgment keeps only links GitHub cannot confirm: outside the cycle, and not found.
    writeFileSync(
      packet,
      `---\ncandidate: lee-ana\ngithub: lee-ana\nladder: demo\nto: L2\ncycle: 2026-H2\n---\n\n## Mastery\n\n- Moved the Zanzibar queue ([PR](https://github.com/acme/infra/pull/41)).\n\n## Judgment\n\n- Rolled back in time ([PR](https://github.com/acme/infra/pull/7)).\n- Planned capacity ([PR](https://github.com/acme/infra/pull/999)).\n`,
    );
    const result = await review(root, ['--verify']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Judgment — thin \(no item verified on GitHub\)/);
    expect(result.stdout).toMatch(/Mastery — evidenced/);
    // A link the token cannot read never makes a dimension thin.
    writeFileSync(
      packet,
      `---\ncandidate: lee-ana\ngithub: lee-ana\nladder: demo\nto: L2\ncycle: 2026-H2\n---\n\n## Mastery\n\n- Moved the Zanzibar queue ([PR](https://github.com/acme/infra/pull/41)).\n\n## Judgment\n\n- Wrote the policy ([PR](https://github.com/acme/secret/pull/3)).\n`,
    );
    expect((await review(root, ['--verify'])).stdout).toMatch(/Judgment — evidenced/);
  });

  it('makes no request without the flag, without a token, or with `review.verify: off`', async () => {
    const plain = await review(repository(), []);
    expect(plain.requests).toEqual([]);
    expect(plain.stdout).not.toContain('On GitHub');

    const noToken = await review(repository(), ['--verify'], {});
    expect(noToken.requests).toEqual([]);
    expect(noToken.stderr).toContain('--verify needs a token: set GITHUB_TOKEN or GH_TOKEN');
    expect(noToken.code).toBe(0);

    const off = await review(repository('review:\n  verify: off\n'), ['--verify']);
    expect(off.requests).toEqual([]);
    expect(off.stderr).toContain('`review.verify` is `off`');
  });

  it('reviews anyway when GitHub refuses the token or keeps failing', async () => {
    const refused = await review(repository(), ['--verify'], { GITHUB_TOKEN: 'ghp_revoked' });
    expect(refused.code).toBe(0);
    expect(refused.stdout).toContain('not checked: GitHub refused the token');
    api.faults.push({ method: 'POST', path: /^\/graphql$/, status: 502, times: 2 });
    const failing = await review(repository(), ['--verify']);
    expect(failing.requests.map((r) => r.status)).toEqual([502, 502]);
    expect(failing.stdout).toContain('not checked: GitHub did not answer');
  });
});

// The action's tests leave POST /graphql out of "what the run changed"; this is why they may.
describe('the GraphQL stand-in', () => {
  it('answers queries and refuses a mutation', () => {
    const graphql = new GraphqlStandIn();
    const read = graphql.answer({ query: '{ rateLimit { remaining } }' });
    expect(read.errors).toBeUndefined();
    const write = graphql.answer({
      query: 'mutation { addComment(input: { subjectId: "x", body: "y" }) { clientMutationId } }',
    });
    expect(write.data).toBeUndefined();
    expect(write.errors).toEqual([expect.objectContaining({ message: expect.any(String) })]);
  });
});
