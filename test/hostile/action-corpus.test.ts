// The hostile corpus through the action (its entry logic in process, test/action/in-process.ts)
// against the API stand-in (test/action/): a pull request that adds every hostile ladder file, and one that adds
// every hostile packet (read from the checkout under `pull_request`, and through the API under
// `pull_request_target`). Each run finishes in time without a stack trace, annotates what it
// found, keeps one safe comment, and never reads or prints what lies outside the repository.
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotations, type RunResult } from '../action/harness';
import {
  baseWorkspace,
  mergeWorkspace,
  openPullRequest,
  type PullRequestFixture,
} from '../action/scenario';
import { useActionSuite } from '../action/suite';
import {
  assertActionComment,
  corpusBytes,
  hasRawControl,
  ladderCorpus,
  OUTSIDE_CANARY,
  packetCorpus,
  type Scratch,
  STACK_TRACE,
  scratch,
  withoutParserWork,
} from './corpus';

const CROSS_FILE = new Set(['file-name-mismatch', 'duplicate-id']);

// The stand-in, the workspaces and the checks of every run (no unexpected request among them).
const { api, ws, onPullRequest, onPullRequestTarget, botComments } = useActionSuite();
let area: Scratch;

beforeAll(() => {
  area = scratch('ladder-hostile-action-');
});

afterAll(() => {
  rmSync(area.root, { recursive: true, force: true });
});

/** Runs the action on a pull request and checks what every hostile run must keep. */
async function run(
  pr: PullRequestFixture,
  event: 'pull_request' | 'pull_request_target',
  links: readonly [string, string][] = [],
): Promise<RunResult> {
  const workspace = ws(event === 'pull_request' ? mergeWorkspace(pr) : baseWorkspace(pr));
  for (const [path, target] of links) symlinkSync(target, join(workspace, path));
  // How long a run takes is the benchmark's (bench/hostile.mjs); the test's timeout guards a hang.
  const result = await (event === 'pull_request' ? onPullRequest : onPullRequestTarget)(pr, {
    workspace,
  });
  expect(result.code, result.stderr).not.toBeNull();
  for (const text of [result.stdout, result.stderr, result.summary]) {
    expect(text).not.toMatch(STACK_TRACE);
    expect(text).not.toContain(OUTSIDE_CANARY);
  }
  expect(hasRawControl(result.stdout)).toBe(false);
  const ours = botComments(pr.number);
  expect(ours).toHaveLength(1);
  assertActionComment(ours[0]?.body ?? '', `https://github.com/acme/ladders/blob/${pr.headSha}/`);
  return result;
}

describe('the action on hostile ladder files', () => {
  it('annotates each file with its diagnostics and keeps one safe comment', async () => {
    const corpus = ladderCorpus();
    const files = new Map(
      corpus
        .filter((f) => f.kind !== 'link')
        .map((f) => [`ladders/${f.name}`, new Uint8Array(corpusBytes('ladders', f))] as const),
    );
    const pr = openPullRequest(api, 801, { files });
    const links = corpus.flatMap((f): [string, string][] =>
      f.kind !== 'link'
        ? []
        : [
            [
              `ladders/${f.name}`,
              f.to === 'outside-file'
                ? join(area.outside, 'secret.yml')
                : f.to === 'outside-folder'
                  ? join(area.outside, 'folder')
                  : f.name,
            ],
          ],
    );
    const result = await run(pr, 'pull_request', links);
    expect(result.code).toBe(1);
    expect(result.outputs.result).toBe('fail');
    const found = annotations(result.stdout);
    // Links too: out of the repository (to a file or to a folder) or to themselves.
    for (const f of corpus) {
      const titles = new Set(
        found.filter((a) => a.props.file === `ladders/${f.name}`).map((a) => a.props.title),
      );
      for (const code of f.expect)
        if (!CROSS_FILE.has(code)) expect(titles, f.name).toContain(code);
    }
  }, 120_000);
});

describe('the action on hostile packets', () => {
  const corpus = packetCorpus();
  const files = new Map(
    corpus
      .filter((f) => f.kind !== 'link')
      .map((f) => [`promotions/${f.name}`, new Uint8Array(corpusBytes('packets', f))] as const),
  );
  const verdicts = (result: RunResult) =>
    new Map(
      (JSON.parse(result.outputs.packets ?? '[]') as { path: string; verdict: string }[]).map(
        (p) => [p.path, p.verdict],
      ),
    );

  it('under pull_request gives each packet its verdict, in one safe comment', async () => {
    const pr = openPullRequest(api, 802, { files });
    const link = join(area.outside, 'secret.md');
    const result = await run(pr, 'pull_request', [['promotions/outside-link.md', link]]);
    expect(result.code).toBe(1);
    const got = verdicts(result);
    for (const f of corpus.filter((c) => c.kind !== 'link'))
      expect(got.get(`promotions/${f.name}`), f.name).toBe(f.expect.verdict);
    const titles = annotations(result.stdout).map((a) => a.props.title);
    expect(titles).toContain('packet-too-complex');
    // Refused by its size before it is read, with the CLI's code.
    expect(
      annotations(result.stdout).find((a) => a.props.file === 'promotions/too-large.md')?.props
        .title,
    ).toBe('packet-too-large');
  }, 120_000);

  it('under pull_request_target reads them through the API, with the same verdicts', async () => {
    // Reading is what differs here; the files of parser work read as any plain file does.
    const read = withoutParserWork(corpus).filter((c) => c.kind !== 'link');
    const names = new Set(read.map((f) => `promotions/${f.name}`));
    const pr = openPullRequest(api, 803, {
      files: new Map([...files].filter(([path]) => names.has(path))),
      fork: 'mallory/ladders',
    });
    const result = await run(pr, 'pull_request_target');
    const got = verdicts(result);
    expect(got.size).toBe(read.length);
    for (const f of read) expect(got.get(`promotions/${f.name}`), f.name).toBe(f.expect.verdict);
  }, 120_000);
});

describe('the action and paths that lead out of the repository', () => {
  it('a config whose ladders folder is a link out reads nothing there, and says so', async () => {
    const files = new Map([['ladder.config.yml', new TextEncoder().encode('ladders: linkdir\n')]]);
    const pr = openPullRequest(api, 804, { files });
    const result = await run(pr, 'pull_request', [['linkdir', join(area.outside, 'folder')]]);
    expect(result.code).toBe(1);
    // As `ladder validate` reports it (test/hostile/paths.test.ts).
    expect(annotations(result.stdout).map((a) => [a.props.file, a.props.title])).toContainEqual([
      'linkdir',
      'outside-repository',
    ]);
  }, 120_000);
});
