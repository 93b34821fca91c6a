// Privacy: the workflow log and the job summary can be public when the comment is not. A packet
// full of unique canary strings (front matter, headings, evidence, nested items, link text and
// addresses, prose, HTML comments, code, placeholders) goes through the action with the default
// inputs; no canary may reach stdout, stderr (annotations included), the step outputs or the job
// summary. With `summary: full` the summary holds the comment, canaries and all: the check can
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
  github: 'gh-qz14canary',
  linkedAuthor: 'author-qz15canary',
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

# Promotion packet

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
const { api, onPullRequest, botComments } = useActionSuite();
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
  const files = new Map([['promotions/privacy.md', new TextEncoder().encode(PACKET)]]);
  const pr = openPullRequest(api, 700, { files });
  safe = await onPullRequest(pr, { inputs: {} });
  full = await onPullRequest(pr, { inputs: { summary: 'full' } });
  comment = botComments(700)[0]?.body;
}, 120_000);

describe('privacy of packet text', () => {
  it('reviews the packet, finds what it should, and comments', () => {
    expect(JSON.parse(safe.outputs.packets ?? '')).toEqual([
      { path: 'promotions/privacy.md', verdict: 'thin' },
    ]);
    const titles = annotations(safe.stdout).map((a) => a.props.title);
    expect(titles).toEqual(expect.arrayContaining(['placeholder-evidence', 'unknown-heading']));
    expect(comment).toContain(CANARY.item);
    // Verified: the comment says what GitHub says; the summary counts it.
    expect(comment).toContain(
      `merged PR by \`${CANARY.linkedAuthor}\`, the candidate had no part, merged 2026-08-17`,
    );
    expect(safe.summary).toContain('0 of 1 (1 with warnings)');
    expect(safe.requests.filter((r) => r.path === '/graphql')).toHaveLength(1);
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
