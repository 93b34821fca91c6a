/**
 * The figures the README's Reliability section states, computed from the suite itself so that
 * they stay true: the hostile corpus, the API fault scenarios of issue 8 and the tests that play
 * each, and the property cases per run.
 */
import { TOTAL_RUNS } from '../property/settings';
import { ladderCorpus, packetCorpus } from './corpus';

/** An issue-8 fault scenario and the end-to-end tests (file, title) that play it. */
export interface FaultScenario {
  readonly scenario: string;
  readonly tests: readonly (readonly [file: string, title: string])[];
}

const FAULTS = 'test/action/faults.test.ts';
const ACTION = 'test/action/action.test.ts';
const COMMENT = 'test/action/comment-failures.test.ts';
const RATE = 'test/action/rate-limits.test.ts';
const LARGE = 'test/action/large-pull-requests.test.ts';

/** Every fault scenario of issue 8, each with the tests that cover it. */
export const FAULT_SCENARIOS: readonly FaultScenario[] = [
  {
    scenario: '500, 502 or 503, then success',
    tests: [
      [FAULTS, 'a 500 on listing the files is retried'],
      [FAULTS, 'two 502s in a row on listing the comments are retried'],
      [FAULTS, 'a 503 on updating the comment is retried, and updates it in place'],
      [ACTION, 'retries a transient 502 and a secondary rate limit on the write'],
      [ACTION, 'a create that failed with 502 is made again after checking'],
      [ACTION, 'an API that keeps failing gives one clear line, not a stack trace'],
    ],
  },
  {
    scenario: 'a secondary rate limit with retry-after',
    tests: [
      [FAULTS, 'a secondary rate limit on listing the files waits for retry-after'],
      [FAULTS, 'a 429 with retry-after on listing the comments waits, then goes on'],
      [ACTION, 'a secondary rate limit on the create is waited out, leaving one comment'],
    ],
  },
  {
    scenario: 'a timeout',
    tests: [
      [FAULTS, 'a comment list held past the deadline is abandoned and asked again'],
      [FAULTS, 'an API that never answers fails the run in one line, in bounded time'],
      [FAULTS, 'a create held past the deadline that goes through later leaves one comment'],
    ],
  },
  {
    scenario: '403 and 404',
    tests: [
      [ACTION, 'a 403 names the missing permission, without a stack trace'],
      [ACTION, 'a fork under pull_request gets a warning recommending pull_request_target'],
      [FAULTS, 'a pull request GitHub does not know fails in one line that says what to check'],
      [FAULTS, 'a pull request GraphQL does not find fails without writing anything'],
    ],
  },
  {
    scenario: 'the comment deleted between listing and updating',
    tests: [
      [ACTION, 'recreates a comment deleted between the list and the update'],
      [FAULTS, 'a comment deleted between the list and the update is made again, once'],
    ],
  },
  {
    scenario: 'the pull request closed',
    tests: [
      [ACTION, 'on a closed pull request does nothing'],
      [FAULTS, 'a closed pull request leaves our comment and theirs alone'],
    ],
  },
  {
    scenario: 'two runs at once',
    tests: [
      [ACTION, 'two runs at once leave one comment'],
      [ACTION, 'removes extra copies of its comment that an earlier race left behind'],
      [FAULTS, 'two runs at once that both find our comment update it, leaving one'],
    ],
  },
  {
    scenario: 'a create answered 502 although the comment was created',
    tests: [
      [ACTION, 'a create answered with 502 that did create the comment leaves one comment'],
      [FAULTS, 'a create held past the deadline that goes through later leaves one comment'],
    ],
  },
  {
    scenario: 'our comment on a late page of 150 comments',
    tests: [
      [ACTION, 'finds its comment among 150 others (pagination, 100 per page)'],
      [FAULTS, 'finds ours on the second page, behind a forged copy on the first'],
    ],
  },
  {
    scenario: 'the comment refused: 422, a locked conversation, a 5xx on every try',
    tests: [
      [COMMENT, 'a 422 on the create still publishes the review, and says why in one line'],
      [COMMENT, 'a 502 on every try of the update still publishes the review'],
      [COMMENT, 'a locked conversation only warns: the run passes on its verdict'],
    ],
  },
  {
    scenario: 'a dropped connection',
    tests: [
      [COMMENT, 'a dropped connection is retried, and one that keeps dropping is named as such'],
    ],
  },
  {
    scenario: 'a rate limit that lifts in an hour',
    tests: [
      [RATE, 'stops the run at once with one line, instead of waiting past the job’s timeout'],
      [RATE, 'on the comments, still publishes the review and names the rate limit'],
    ],
  },
  {
    scenario: 'a GraphQL error on one query',
    tests: [
      [
        'test/action/verify.test.ts',
        'reviews anyway when GitHub keeps refusing to verify: the links are "not checked", the run passes',
      ],
      [COMMENT, 'still publishes the review, and says to set the login instead'],
    ],
  },
  {
    scenario: 'more than 3,000 changed files',
    tests: [
      [LARGE, 'finds the packet beyond the listing by comparing the merge commit with its base'],
      [LARGE, 'warns that the review is incomplete when the merge commit is an earlier head’s'],
    ],
  },
];

/** The figures, as the README states them. */
export interface Figures {
  readonly hostileFiles: number;
  readonly ladderFiles: number;
  readonly packetFiles: number;
  readonly generated: number;
  readonly links: number;
  readonly faultScenarios: number;
  readonly faultTests: number;
  readonly propertyCases: number;
}

/** Counts everything the README's figures claim. */
export function figures(): Figures {
  const ladders = ladderCorpus();
  const packets = packetCorpus();
  const all = [...ladders, ...packets];
  const tests = new Set(FAULT_SCENARIOS.flatMap((s) => s.tests.map(([f, t]) => `${f}\n${t}`)));
  return {
    hostileFiles: all.length,
    ladderFiles: ladders.length,
    packetFiles: packets.length,
    generated: all.filter((f) => f.kind === 'generated').length,
    links: all.filter((f) => f.kind === 'link').length,
    faultScenarios: FAULT_SCENARIOS.length,
    faultTests: tests.size,
    propertyCases: TOTAL_RUNS,
  };
}
