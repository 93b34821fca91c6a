// The pure parts of evidence verification: which links name GitHub objects, the GraphQL text
// (held against GitHub's published schema), reading a real-shaped answer, and the judgments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@octokit/graphql-schema';
import { describe, expect, it } from 'vitest';
import { describeCheckText, judge } from '../../src/verify/judge';
import {
  BATCH_SIZE,
  buildBatch,
  buildBatches,
  queryText,
  withFields,
} from '../../src/verify/query';
import { readAnswer } from '../../src/verify/response';
import { resultKey, verifyTargets } from '../../src/verify/run';
import { itemTargets, referenceTarget, urlTarget } from '../../src/verify/targets';
import type { Target, TargetScope } from '../../src/verify/types';
import { ROOT } from '../helpers/paths';

const FIXTURES = join(ROOT, 'test/fixtures/verify');
const SCOPE: TargetScope = {
  serverUrl: 'https://github.com',
  repository: { owner: 'acme', name: 'ladders' },
};
const LINKS = readFileSync(join(FIXTURES, 'links.txt'), 'utf8').trim().split('\n');
const TARGETS: Target[] = LINKS.map((l) =>
  l.startsWith('http') ? urlTarget(l, SCOPE) : referenceTarget(l, SCOPE),
).filter((t): t is Target => t !== undefined);
const ANSWER = JSON.parse(readFileSync(join(FIXTURES, 'answer.json'), 'utf8')) as unknown;

describe('targets', () => {
  it('reads every kind of GitHub link and reference in the fixture', () => {
    expect(TARGETS).toHaveLength(LINKS.length);
    expect(TARGETS.map((t) => [t.key, t.kind])).toEqual([
      ['acme/infra#41', 'pull-request'],
      ['acme/infra#52', 'pull-request'],
      ['acme/infra#60', 'pull-request'],
      ['acme/infra#7', 'pull-request'],
      ['acme/secret#3', 'pull-request'],
      ['acme/infra#999', 'pull-request'],
      ['acme/ladders#12', 'issue-or-pull-request'],
      ['other/repo#3', 'issue-or-pull-request'],
      ['acme/infra@abc1234def', 'commit'],
      ['acme/infra#5', 'discussion'],
      ['acme/infra@tag:v2.0', 'release'],
      ['acme/ladders#404', 'issue-or-pull-request'],
      ['acme/locked#1', 'issue'],
    ]);
    // The URL asked is the canonical one: no `/files`, the commit in lower case.
    expect(TARGETS[1]?.url).toBe('https://github.com/acme/infra/pull/52');
    expect(TARGETS[8]?.url).toBe('https://github.com/acme/infra/commit/abc1234def');
  });

  it('ignores links that name nothing verifiable, and other hosts', () => {
    for (const url of [
      'https://github.com/acme/infra/blob/main/docs/zanzibar.md',
      'https://github.com/acme-ops/infra/pulls?q=reviewed-by%3Adrivera',
      'https://github.com/orgs/acme-ops/projects/12',
      'https://gitlab.com/acme/infra/pull/1',
      'https://github.com.evil.example/acme/infra/pull/1',
      'javascript:alert(1)',
      'https://github.com/acme/infra/pull/0',
      'https://github.com/acme/infra/commit/not-a-sha',
    ])
      expect(urlTarget(url, SCOPE), url).toBeUndefined();
    expect(referenceTarget('OPS-42', SCOPE)).toBeUndefined();
  });

  it('resolves links on the server the action runs against, and `GH-12`', () => {
    const ghes: TargetScope = { ...SCOPE, serverUrl: 'https://git.acme.corp' };
    expect(urlTarget('https://git.acme.corp/team/app/pull/3', ghes)?.url).toBe(
      'https://git.acme.corp/team/app/pull/3',
    );
    expect(urlTarget('https://git.acme.corp/team/app/pull/3', SCOPE)).toBeUndefined();
    expect(referenceTarget('GH-12', SCOPE)?.key).toBe('acme/ladders#12');
    expect(referenceTarget('#12', { serverUrl: 'https://github.com' })).toBeUndefined();
  });

  it('names one object once per item, whether by link or by reference', () => {
    const targets = itemTargets(['https://github.com/acme/ladders/pull/12'], ['#12'], SCOPE);
    expect(targets.map((t) => t.key)).toEqual(['acme/ladders#12']);
    expect(targets[0]?.url).toBeDefined();
  });
});

describe('the GraphQL queries', () => {
  const shapes: [string, Target[], string | undefined][] = [
    ['every kind, with a login', TARGETS, 'rivera-dana'],
    ['every kind, without a login', TARGETS, undefined],
    ['references only', TARGETS.filter((t) => t.url === undefined), 'rivera-dana'],
    ['links only', TARGETS.filter((t) => t.url !== undefined), undefined],
    ['discussions only', TARGETS.filter((t) => t.kind === 'discussion'), 'rivera-dana'],
    ['a commit only', TARGETS.filter((t) => t.kind === 'commit'), undefined],
  ];
  it.each(shapes)('are valid against GitHub’s schema: %s', (_name, targets, login) => {
    const batch = buildBatch(targets, login);
    expect(validate(queryText(batch.parts)).map((e) => e.message)).toEqual([]);
    // Every value is a variable: nothing of the packet is in the query text.
    for (const t of targets) expect(queryText(batch.parts)).not.toContain(t.owner);
  });

  it('ask for no title, body or other text', () => {
    const query = queryText(buildBatch(TARGETS, 'rivera-dana').parts);
    expect(query).not.toMatch(/\b(title|body\w*|message\w*|description\w*)\b/i);
  });

  it('carry an edge’s extra fields beside their own, still valid, and read the same', () => {
    const batch = buildBatch(TARGETS, 'rivera-dana');
    const extra = {
      declarations: ['$extraOwner: String!'],
      fields: ['  extra: repository(owner: $extraOwner, name: "ladders") { id }'],
      variables: { extraOwner: 'acme' },
    };
    const both = withFields(batch, extra);
    const [text, alone] = [queryText(both.parts), queryText(batch.parts)];
    expect(validate(text).map((e) => e.message)).toEqual([]);
    expect(text).toContain(extra.fields[0]);
    expect(text.startsWith(alone.slice(0, alone.indexOf(')')))).toBe(true);
    expect(both.variables).toEqual({ ...batch.variables, extraOwner: 'acme' });
    expect(both.aliases).toBe(batch.aliases);
    // The extra alias in the answer changes nothing of what is read.
    const { data, errors } = ANSWER as { data: object; errors: unknown[] };
    const answer = { data: { ...data, extra: { id: 'R_1' } }, errors };
    expect(readAnswer(both, answer)).toEqual(readAnswer(batch, ANSWER));
  });

  it('are split in requests of 100 targets', () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      urlTarget(`https://github.com/acme/infra/pull/${i + 1}`, SCOPE),
    ).filter((t): t is Target => t !== undefined);
    const batches = buildBatches(many, 'rivera-dana');
    expect(batches.map((b) => b.aliases.filter((a) => a.role === 'item').length)).toEqual([
      BATCH_SIZE,
      BATCH_SIZE,
      50,
    ]);
  });
});

describe('reading an answer', () => {
  const batch = buildBatch(TARGETS, 'rivera-dana');
  const fetched = readAnswer(batch, ANSWER);
  const status = (key: string) => fetched.get(key)?.status;

  it('tells found, not visible and not found apart, alias by alias', () => {
    expect(TARGETS.map((t) => [t.key, status(t.key)])).toEqual([
      ['acme/infra#41', 'found'],
      ['acme/infra#52', 'found'],
      ['acme/infra#60', 'found'],
      ['acme/infra#7', 'found'],
      // The repository answered NOT_FOUND: private to this token (GitHub does not say more).
      ['acme/secret#3', 'not-visible'],
      // The repository is visible and the pull request is not in it.
      ['acme/infra#999', 'not-found'],
      ['acme/ladders#12', 'found'],
      ['other/repo#3', 'not-visible'],
      ['acme/infra@abc1234def', 'found'],
      ['acme/infra#5', 'found'],
      ['acme/infra@tag:v2.0', 'found'],
      ['acme/ladders#404', 'not-found'],
      ['acme/locked#1', 'not-visible'],
    ]);
  });

  it('marks every target unchecked when the answer has no data', () => {
    const none = readAnswer(batch, {
      errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }],
    });
    expect([...none.values()].every((f) => f.status === 'unchecked')).toBe(true);
    const broken = readAnswer(batch, '<html>502 Bad Gateway</html>');
    expect([...broken.values()].map((f) => f.status)).toEqual(TARGETS.map(() => 'unchecked'));
  });
});

describe('judging', () => {
  const fetched = readAnswer(buildBatch(TARGETS, 'rivera-dana'), ANSWER);
  const context = { login: 'rivera-dana', cycle: { from: '2026-07-01', to: '2026-12-31' } };
  const words = TARGETS.map((t) => describeCheckText(judge(t, fetched.get(t.key), context), 300));

  it('says in plain words what GitHub confirms', () => {
    expect(words).toEqual([
      'merged PR, authored by the candidate, in the cycle',
      'merged PR, reviewed by the candidate, in the cycle',
      'PR closed without merging, authored by the candidate, in the cycle',
      'merged PR, authored by the candidate, merged 2025-03-02, outside the cycle',
      'not verifiable with this token',
      'not found on GitHub',
      'closed issue, assigned to the candidate, in the cycle',
      'not verifiable with this token',
      'commit, co-authored by the candidate, in the cycle',
      'open discussion, commented on by the candidate, in the cycle',
      'published release, authored by the candidate, in the cycle',
      'not found on GitHub',
      'not verifiable with this token',
    ]);
  });

  it('warns on what a committee should look at, never on what the token cannot see', () => {
    const checks = TARGETS.map((t) => judge(t, fetched.get(t.key), context));
    expect(checks.map((c) => c.warnings.join(','))).toEqual([
      '',
      '',
      'closed-unmerged',
      'outside-cycle',
      '',
      'not-found',
      '',
      '',
      '',
      '',
      '',
      'not-found',
      '',
    ]);
    expect(checks.filter((c) => c.verified).length).toBe(6);
  });

  it('names the author as code when the candidate had no part, or is not known', () => {
    const pr41 = TARGETS[0] as Target;
    expect(describeCheckText(judge(pr41, fetched.get(pr41.key), { login: 'kim-jo' }), 300)).toBe(
      'merged PR by `rivera-dana`, the candidate had no part, merged 2026-08-02',
    );
    expect(describeCheckText(judge(pr41, fetched.get(pr41.key), {}), 300)).toBe(
      'merged PR by `rivera-dana`, merged 2026-08-02',
    );
  });
});

describe('a run of verification', () => {
  it('asks each link once per candidate, at most `limit`, and says how many were left', async () => {
    const sent: number[] = [];
    const run = await verifyTargets(
      [
        { login: 'rivera-dana', targets: TARGETS },
        { login: 'Rivera-Dana', targets: TARGETS.slice(0, 3) },
        { targets: TARGETS.slice(0, 2) },
      ],
      14,
      async (batch) => {
        sent.push(batch.aliases.filter((a) => a.role === 'item').length);
        return { ok: false, reason: 'rate-limited' };
      },
    );
    expect(sent).toEqual([13, 1]);
    expect(run).toMatchObject({ requests: 2, asked: 14, overLimit: 1 });
    expect(run.results.get(resultKey('rivera-dana', 'acme/infra#41'))).toEqual({
      status: 'unchecked',
      reason: 'rate-limited',
    });
    expect(run.results.has(resultKey(undefined, 'acme/infra#52'))).toBe(false);
  });
});
