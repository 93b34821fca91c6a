// The comment on (a copy of) the shipped example packet with its GitHub links verified: a golden body read by
// people (UPDATE=1 rewrites it), built through the whole pure pipeline (targets, the GraphQL
// queries executed against GitHub's schema by the stand-in, the answers, the judgments).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePacket } from '../../src/packet/parse';
import { composeComment } from '../../src/report/pr-comment';
import { reviewParsedPacket } from '../../src/review/index';
import { buildBatches, queryText } from '../../src/verify/query';
import { readAnswer } from '../../src/verify/response';
import { packetTargets, resultKey } from '../../src/verify/run';
import type { Fetched, TargetScope } from '../../src/verify/types';
import { GraphqlStandIn } from '../action/graphql-stand-in';
import { ROOT } from '../helpers/paths';
import { assertSafe, fixtureModel, OPTIONS, REVIEW } from '../review/helpers';

const PATH = 'promotions/2026-h2/rivera-dana.md';
const BLOB = 'https://github.com/acme-ops/career/blob/0123456789abcdef0123456789abcdef01234567/';
const SCOPE: TargetScope = {
  serverUrl: 'https://github.com',
  repository: { owner: 'acme-ops', name: 'career' },
};

function verifiedComment(mode: 'report' | 'require'): string {
  const bytes = readFileSync(join(ROOT, 'test/fixtures/verify/rivera-dana.md'));
  const parsed = parsePacket(PATH, bytes, { maxBytes: 256 * 1024 });
  const github = new GraphqlStandIn().load(join(ROOT, 'test/fixtures/verify/rivera-dana.json'));
  const login = parsed.frontMatter?.data?.github;
  const results = new Map<string, Fetched>();
  for (const batch of buildBatches(packetTargets(parsed, SCOPE), login))
    for (const [key, fetched] of readAnswer(
      batch,
      github.answer({ query: queryText(batch.parts), variables: batch.variables }),
    ))
      results.set(resultKey(login, key), fetched);
  const review = reviewParsedPacket(fixtureModel(), parsed, {
    ...OPTIONS,
    verification: {
      mode,
      scope: SCOPE,
      results,
      cycles: { '2026-H2': { from: '2026-07-01', to: '2026-12-31' } },
      limit: 300,
    },
  });
  return composeComment({ review: { packets: [review] }, blobBase: BLOB });
}

describe('the comment on the example packet, its links verified', () => {
  it('shows each GitHub link’s status (golden)', () => {
    const body = verifiedComment('report');
    assertSafe(body, BLOB);
    const file = join(REVIEW, 'comments', 'verified-example.md');
    if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, body);
    expect(body).toBe(readFileSync(file, 'utf8'));
    expect(body).toContain(
      '**On GitHub:** 6 of 9 GitHub links verified; 2 with warnings; 1 not verifiable with this token.',
    );
  });

  it('under `require`, makes a dimension without a verified item thin, unless GitHub could not say', () => {
    const rows = (body: string) =>
      [...body.matchAll(/^\| ([^|]+?) +\| (✅ evidenced|🟡 thin|❌ missing) \|/gm)].map(
        (m) => `${m[1]}: ${m[2]}`,
      );
    expect(rows(verifiedComment('require'))).toEqual([
      'Mastery: ✅ evidenced',
      // Only a document link: nothing GitHub can confirm.
      'Tech and Tooling: 🟡 thin',
      'Scope: ✅ evidenced',
      'Judgment: ✅ evidenced',
      'Ownership — Manager of One: ✅ evidenced',
      'Communication: 🟡 thin',
      'Planning: 🟡 thin',
      // Its one pull request was closed without merging.
      'Flexibility: 🟡 thin',
      'Trust: ✅ evidenced',
      // Its link is in a repository the token cannot read: never held against the candidate.
      'Feedback: ✅ evidenced',
    ]);
    expect(rows(verifiedComment('report')).every((r) => r.endsWith('evidenced'))).toBe(true);
  });
});
