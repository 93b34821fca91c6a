/**
 * GitHub lists at most 3,000 files of a pull request. A pull request that changes more can leave
 * its change to `ladder.config.yml` or to a ladder past the cut, while its packet is listed and
 * reviewed: under `pull_request` the checkout holds every change, so without care the packet
 * would be judged by rules and a ladder that the action never saw change. When the action cannot
 * list the rest by comparing trees, it compares the config and every ladder file with the base.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIST_FILES_LIMIT } from '../../action/src/changed-files';
import type { PullFile } from './api-stand-in';
import { annotations, FIXTURES } from './harness';
import { openPullRequest, type PullRequestFixture } from './scenario';
import { useActionSuite } from './suite';

const { api, onPullRequest, botComments } = useActionSuite();

/** An incomplete packet: Mastery only, where L2 requires Judgment too. */
const MISSING_PACKET = 'promotions/lee-sam-L2.md';
const packet = new Uint8Array(readFileSync(join(FIXTURES, 'pr-packet-missing', MISSING_PACKET)));
const encode = (text: string) => new TextEncoder().encode(text);

/**
 * Lists only the packet, then files of no interest up to the cut: the rest goes unlisted. The
 * merge commit is an earlier head's, so the action cannot find the rest by comparing trees
 * (test/action/large-pull-requests.test.ts) and must guard the config and the ladders itself.
 */
function cutListing(pr: PullRequestFixture): void {
  api.parents.set(pr.mergeSha, [pr.baseSha, pr.baseSha]);
  const padding = Array.from(
    { length: LIST_FILES_LIMIT - 1 },
    (_, i): PullFile => ({
      filename: `assets/pad-${String(i).padStart(4, '0')}.txt`,
      status: 'added',
    }),
  );
  api.pulls.set(pr.number, [{ filename: MISSING_PACKET, status: 'added' }, ...padding]);
}

describe('a pull request whose file listing is cut off', () => {
  it('a fork cannot switch its review off with a config change past the cut', async () => {
    const config = 'rules:\n  dimension-missing: off\nreview:\n  failOn: never\n';
    const pr = openPullRequest(api, 91, {
      fork: 'mallory/ladders',
      files: new Map([
        ['ladder.config.yml', encode(config)],
        [MISSING_PACKET, packet],
      ]),
    });
    cutListing(pr);
    const result = await onPullRequest(pr);
    expect(result.outputs.result).toBe('fail');
    expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([
      { path: MISSING_PACKET, verdict: 'missing' },
    ]);
    expect(annotations(result.stdout).map((a) => a.props.title)).toContain('dimension-missing');
    const body = botComments(91)[0]?.body ?? '';
    expect(body).toContain('`rules.dimension-missing`: the default → `off`');
    expect(body).toContain('The review ran under the base branch’s configuration');
  });

  it('a packet is reviewed against the base ladder when the cut hides the ladder change', async () => {
    const ladder = readFileSync(join(FIXTURES, 'base/ladders/demo.yml'), 'utf8');
    const lowered = ladder.replace('      judgment:\n        - Decides alone.\n', '');
    expect(lowered).not.toBe(ladder);
    const pr = openPullRequest(api, 92, {
      files: new Map([
        ['ladders/demo.yml', encode(lowered)],
        [MISSING_PACKET, packet],
      ]),
    });
    cutListing(pr);
    const result = await onPullRequest(pr);
    expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([
      { path: MISSING_PACKET, verdict: 'missing' },
    ]);
    expect(result.outputs.result).toBe('fail');
    expect(botComments(92)[0]?.body ?? '').toContain(`\`${MISSING_PACKET}\` targets \`demo\``);
  });
});
