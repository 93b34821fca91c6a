/**
 * A pull request whose head repository the payload does not name: GitHub sends `head.repo: null`
 * once the fork it came from is deleted, and the pull request can still run the workflow. Only a
 * pull request known to come from this repository runs under its own configuration; this one is
 * a fork's, and is reviewed under the base branch's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, FIXTURES } from './harness';
import { openPullRequest } from './scenario';
import { useActionSuite } from './suite';

const { api, onPullRequest, botComments } = useActionSuite();

/** An incomplete packet: Mastery only, where L2 requires Judgment too. */
const MISSING_PACKET = 'promotions/lee-sam-L2.md';
const encode = (text: string) => new TextEncoder().encode(text);

describe('a pull request from a deleted fork (head.repo: null)', () => {
  it('is reviewed under the base branch’s configuration', async () => {
    const pr = openPullRequest(api, 95, {
      files: new Map([
        [
          'ladder.config.yml',
          encode('rules:\n  dimension-missing: off\nreview:\n  failOn: never\n'),
        ],
        [
          MISSING_PACKET,
          new Uint8Array(readFileSync(join(FIXTURES, 'pr-packet-missing', MISSING_PACKET))),
        ],
      ]),
    });
    const head = (pr.payload.pull_request as { head: Record<string, unknown> }).head;
    head.repo = null;
    const result = await onPullRequest(pr);
    expect(result.outputs.result).toBe('fail');
    expect(annotations(result.stdout).map((a) => a.props.title)).toContain('dimension-missing');
    expect(botComments(95)[0]?.body ?? '').toContain(
      'The review ran under the base branch’s configuration',
    );
  });
});
