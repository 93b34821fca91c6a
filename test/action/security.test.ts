/**
 * The security claims of docs/security.md, each reproduced end to end against the API stand-in
 * (in process; a fork under pull_request_target on the committed bundle, as a process): only our own comment is touched, a fork cannot change the rules it is reviewed
 * by, and nothing a user wrote (file names, front matter) can act in the log or the summary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS_BOT } from './api-stand-in';
import { annotations, FIXTURES, ROOT, type RunResult } from './harness';
import { openPullRequest } from './scenario';
import { useActionSuite } from './suite';

const MARKER = '<!-- ladder-as-code:pr-comment -->';

const { api, onPullRequest, onPullRequestTarget, botComments } = useActionSuite();

/** An incomplete packet: Mastery only, where L2 requires Judgment too. */
const MISSING_PACKET = 'promotions/lee-sam-L2.md';

describe('only our own comment', () => {
  it('leaves alone another workflow’s comment (same account) that quotes the marker', async () => {
    const pr = openPullRequest(api, 61, { fixture: 'pr-packet' });
    const quoting = (when: string) =>
      `Another workflow’s report (${when}).\n\nIt quotes our marker: ${MARKER}\n`;
    const older = api.addComment(61, quoting('older'), ACTIONS_BOT);
    const ours = api.addComment(61, `${MARKER}\n\nold review`, ACTIONS_BOT);
    const newer = api.addComment(61, quoting('newer'), ACTIONS_BOT);
    const result = await onPullRequest(pr);
    expect(result.code, result.stdout).toBe(0);
    // POST /graphql is evidence verification's read: the stand-in refuses any mutation.
    const touched = result.requests
      .filter((r) => r.method !== 'GET' && r.path !== '/graphql')
      .map((r) => r.path);
    expect(touched).toEqual([`/repos/acme/ladders/issues/comments/${ours.id}`]);
    const after = botComments(61);
    expect(after.map((c) => c.id)).toEqual([older.id, ours.id, newer.id]);
    expect(after[0]?.body).toBe(quoting('older'));
    expect(after[2]?.body).toBe(quoting('newer'));
    expect(after[1]?.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(after[1]?.body).not.toContain('old review');
  });
});

describe('one way into the log', () => {
  it('writes to the log only through action/src/log.ts, which makes every value visible', () => {
    const folder = join(ROOT, 'action/src');
    const direct = readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && name !== 'log.ts')
      .filter((name) =>
        /\bcore\.(info|debug|notice|warning|error|setFailed)\(/.test(
          readFileSync(join(folder, name), 'utf8'),
        ),
      );
    expect(direct).toEqual([]);
  });
});

/** A config that would switch the review off, every way it can. */
const LOWER_BAR_CONFIG = `packets: not-here
rules:
  dimension-missing: off
review:
  failOn: never
limits:
  maxPacketBytes: 10485760
`;

const encode = (text: string) => new TextEncoder().encode(text);

describe('the rules come from the trusted side', () => {
  const files = new Map([
    ['ladder.config.yml', encode(LOWER_BAR_CONFIG)],
    [
      MISSING_PACKET,
      new Uint8Array(readFileSync(join(FIXTURES, 'pr-packet-missing', MISSING_PACKET))),
    ],
  ]);

  async function assertBaseConfig(result: RunResult, number: number): Promise<void> {
    expect(result.code, result.stdout).toBe(1);
    expect(result.outputs.result).toBe('fail');
    expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([
      { path: MISSING_PACKET, verdict: 'missing' },
    ]);
    const titles = annotations(result.stdout).map((a) => a.props.title);
    expect(titles).toContain('dimension-missing');
    const body = botComments(number)[0]?.body ?? '';
    expect(body).toContain('### Configuration');
    for (const setting of [
      '`packets`: `promotions` → `not-here`',
      '`review.failOn`: `missing` → `never`',
      '`limits.maxPacketBytes`: `262144` → `10485760`',
      '`rules.dimension-missing`: the default → `off`',
    ])
      expect(body).toContain(setting);
    expect(body).toContain('The review ran under the base branch’s configuration');
  }

  it('a fork under pull_request_target cannot switch its own review off', async () => {
    const pr = openPullRequest(api, 81, { files, fork: 'mallory/ladders' });
    // The bundle as a process: a fork under the event that has a write token.
    await assertBaseConfig(await onPullRequestTarget(pr, { bundle: true }), 81);
  });

  it('a fork under pull_request (a checkout of the merge commit) cannot either', async () => {
    const pr = openPullRequest(api, 82, { files, fork: 'mallory/ladders' });
    await assertBaseConfig(await onPullRequest(pr), 82);
  });

  it('a pull request from this repository runs under its config, but no limit rises', async () => {
    const raised = new Map([
      ['ladder.config.yml', encode('limits:\n  maxPacketBytes: 10485760\n')],
      ['promotions/long.md', encode(`---\ncandidate: a\n---\n\n${'word '.repeat(60_000)}\n`)],
    ]);
    const pr = openPullRequest(api, 83, { files: raised });
    const result = await onPullRequest(pr);
    expect(annotations(result.stdout).map((a) => a.props.title)).toContain('packet-too-large');
    expect(botComments(83)[0]?.body).toContain('The review ran under the changed configuration');
  });

  it('a pull request from this repository cannot lower its own packet’s bar with the config', async () => {
    const lowered = new Map([
      [
        'ladder.config.yml',
        encode(
          `${readFileSync(join(FIXTURES, 'base/ladder.config.yml'), 'utf8')}review:\n  failOn: never\n`,
        ),
      ],
      [MISSING_PACKET, files.get(MISSING_PACKET) ?? new Uint8Array()],
    ]);
    const pr = openPullRequest(api, 85, { files: lowered });
    const result = await onPullRequest(pr);
    expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([
      { path: MISSING_PACKET, verdict: 'missing' },
    ]);
    expect(result.outputs.result).toBe('fail');
    const body = botComments(85)[0]?.body ?? '';
    expect(body).toContain('`review.failOn`: `missing` → `never`');
    expect(body).toContain('except for what sets a packet’s bar');
  });

  it('a packet is reviewed against the base ladder when the same pull request lowers it', async () => {
    const ladder = readFileSync(join(FIXTURES, 'base/ladders/demo.yml'), 'utf8');
    const lowered = ladder.replace('      judgment:\n        - Decides alone.\n', '');
    expect(lowered).not.toBe(ladder);
    const pr = openPullRequest(api, 84, {
      files: new Map([
        ['ladders/demo.yml', encode(lowered)],
        [MISSING_PACKET, files.get(MISSING_PACKET) ?? new Uint8Array()],
      ]),
    });
    const result = await onPullRequest(pr);
    expect(JSON.parse(result.outputs.packets ?? '[]')).toEqual([
      { path: MISSING_PACKET, verdict: 'missing' },
    ]);
    expect(result.outputs.result).toBe('fail');
    const body = botComments(84)[0]?.body ?? '';
    expect(body).toContain('The ladder a packet targets changes in this pull request');
    expect(body).toContain(`\`${MISSING_PACKET}\` targets \`demo\``);
  });
});
