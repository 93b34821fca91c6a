// Privacy: the workflow log and the job summary can be public when the comment is not. Packets
// full of unique canary strings (every front-matter field, valid or not, every heading, evidence,
// nested items, link text and addresses, prose, HTML comments, code, placeholders) go through the
// action with the default inputs; no canary may reach stdout, stderr (annotations included), the
// step outputs or the job summary. Front-matter values that name no ladder, level, role or
// ability are described in the diagnostics, never quoted. With `summary: full` the summary holds the comment, canaries and all: the check can
// see them when they are there. Evidence verification too: what GitHub says about a linked pull
// request (its author's login, its state and dates) is for the comment only.
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphqlStandIn } from '../action/graphql-stand-in';
import { annotations, type RunResult } from '../action/harness';
import { openPullRequest } from '../action/scenario';
import { useActionSuite } from '../action/suite';

/** Unique strings, each placed in one part of the packet. */
const CANARY = {
  candidate: 'cand-qz1canary',
  sponsor: 'sponsor-qz2canary',
  cycle: 'cycle-qz3canary',
  heading: 'Heading qz4canary',
  item: 'item-qz5canary',
  nested: 'nested-qz6canary',
  linkText: 'link-qz7canary',
  url: 'url-qz8canary',
  prose: 'prose-qz9canary',
  comment: 'comment-qz10canary',
  code: 'code-qz11canary',
  placeholder: 'placeholder-qz12canary',
  judgment: 'judgment-qz13canary',
  title: 'Title qz14canary',
  setext: 'Setext qz15canary',
  deep: 'Deep qz16canary',
  ladder: 'ladder-qz17canary salary 185k',
  role: 'role-qz18canary',
  ability: 'ability-qz19canary',
  milestone: 'milestone-qz20canary',
  key: 'key-qz21canary',
  keyValue: 'value-qz22canary',
  from: 'from-qz23canary',
  to: 'to-qz24canary',
  idLike: 'qz25canary',
  github: 'gh-qz26canary',
  linkedAuthor: 'author-qz27canary',
} as const;

const PACKET = `---
candidate: ${CANARY.candidate}
github: ${CANARY.github}
ladder: demo
from: L1
to: L2
sponsor: ${CANARY.sponsor}
cycle: ${CANARY.cycle}
---

# Promotion packet ${CANARY.title}

${CANARY.setext}
----------------

### ${CANARY.deep}

${CANARY.prose} is a paragraph of free text.

<!-- ${CANARY.comment} -->

## Mastery

- Shipped ${CANARY.item} with \`${CANARY.code}\` ([${CANARY.linkText}](https://github.com/acme/${CANARY.url}/pull/1))
  - ${CANARY.nested}
- TBD ${CANARY.placeholder}

## ${CANARY.heading}

- Not a dimension at all.

## Judgment

- ${CANARY.judgment}
`;

// The stand-in, the workspaces and the checks of every run (made after the first test).
/** Front matter whose values name nothing the ladders define, and keys the schema refuses. */
const UNKNOWN_IDS = `---
candidate: someone
ladder: ${CANARY.ladder}
to: L2
role: ${CANARY.role}
milestones:
  ${CANARY.ability}: 3
  skill-points: ${CANARY.milestone}
${CANARY.key}: ${CANARY.keyValue}
---

## Mastery

- An item.
`;

/** A known ladder with levels and a claim that are not its own. */
const UNKNOWN_LEVELS = `---
candidate: someone
ladder: demo
from: ${CANARY.from}
to: ${CANARY.to}
milestones:
  ${CANARY.idLike}: 1
---

## Mastery

- An item.
`;

// The bundle as a process: what is tested is everything the runner's log and summary receive.
const { api, onPullRequest, botComments } = useActionSuite({ bundle: true });
let safe: RunResult;
let full: RunResult;
/** The action's comment, kept: the suite clears the stand-in before each test. */
let comment: string | undefined;

beforeAll(async () => {
  // The linked pull request: merged, by someone else, in the cycle; a date only it has.
  api.graphql = new GraphqlStandIn();
  api.graphql.repositories.set(`acme/${CANARY.url}`, {
    items: {
      '1': {
        type: 'PullRequest',
        state: 'MERGED',
        createdAt: '2026-08-01T00:00:00Z',
        mergedAt: '2026-08-17T00:00:00Z',
        author: CANARY.linkedAuthor,
      },
    },
  });
  const encode = (text: string) => new TextEncoder().encode(text);
  const files = new Map([
    ['promotions/privacy.md', encode(PACKET)],
    ['promotions/unknown-ids.md', encode(UNKNOWN_IDS)],
    ['promotions/unknown-levels.md', encode(UNKNOWN_LEVELS)],
  ]);
  const pr = openPullRequest(api, 700, { files });
  safe = await onPullRequest(pr, { inputs: {} });
  full = await onPullRequest(pr, { inputs: { summary: 'full' } });
  comment = botComments(700)[0]?.body;
}, 120_000);

describe('privacy of packet text', () => {
  it('reviews the packet, finds what it should, and comments', () => {
    expect(JSON.parse(safe.outputs.packets ?? '')).toEqual([
      { path: 'promotions/privacy.md', verdict: 'thin' },
      { path: 'promotions/unknown-ids.md', verdict: 'invalid' },
      { path: 'promotions/unknown-levels.md', verdict: 'invalid' },
    ]);
    const titles = annotations(safe.stdout).map((a) => a.props.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'placeholder-evidence',
        'unknown-heading',
        // The ladder's value is not an id: invalid-id alone, no unknown-ladder beside it.
        'invalid-id',
        'unknown-role',
        'unknown-key',
        'wrong-type',
        'unknown-current-level',
        'unknown-target-level',
        'unknown-ability-claim',
      ]),
    );
    expect(comment).toContain(CANARY.item);
    // Verified: the comment says what GitHub says; the summary counts it.
    expect(comment).toContain(
      `merged PR by \`${CANARY.linkedAuthor}\`, the candidate had no part, merged 2026-08-17`,
    );
    expect(safe.summary).toContain('0 of 1 (1 with warnings)');
    expect(safe.requests.filter((r) => r.operation === 'LadderVerify')).toHaveLength(1);
  });

  it('never writes what GitHub says about a linked item to the log or the default summary', () => {
    for (const text of ['2026-08-17', 'merged PR', 'the candidate had no part'])
      for (const [channel, out] of [
        ['stdout', safe.stdout],
        ['stderr', safe.stderr],
        ['GITHUB_STEP_SUMMARY', safe.summary],
        ['GITHUB_OUTPUT', JSON.stringify(safe.outputs)],
      ] as const)
        expect(out, `${text} in ${channel}`).not.toContain(text);
  });

  it.each(Object.entries(CANARY))(
    'never writes the %s to the log, the outputs or the default job summary',
    (_, canary) => {
      for (const [channel, text] of [
        ['stdout (log and annotations)', safe.stdout],
        ['stderr', safe.stderr],
        ['GITHUB_OUTPUT', JSON.stringify(safe.outputs)],
        ['GITHUB_STEP_SUMMARY', safe.summary],
      ] as const)
        expect(text, channel).not.toContain(canary);
      // With `summary: full`, only the summary gains packet text (the comment).
      expect(full.stdout).not.toContain(canary);
      expect(JSON.stringify(full.outputs)).not.toContain(canary);
    },
  );

  it('puts the comment in the summary only when asked (`summary: full`)', () => {
    expect(full.summary).toContain(CANARY.item);
    expect(safe.summary).toContain('promotions/privacy.md');
  });
});
