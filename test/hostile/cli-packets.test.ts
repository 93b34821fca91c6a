// The hostile packet corpus (test/fixtures/hostile/packets, with its generated files and a link
// out of the repository) in one repository with the demo ladder, through the CLI in process:
// `ladder review --format json` on all of it, then the comment's Markdown, the text report,
// `check` and `render` on all but the files of parser work (corpus.ts). Each packet gets its
// verdict and findings, the comment body stays safe and under GitHub's limit, and nothing hangs
// or prints a stack trace.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PacketReview } from '../../src/review/index';
import { FIXTURES } from '../helpers/paths';
import { assertSafe } from '../review/helpers';
import {
  type CorpusFile,
  materialise,
  type PacketExpectation,
  packetCorpus,
  type Scratch,
  scratch,
  withoutParserWork,
} from './corpus';
import { expectClean, runCliAsync, type TimedRun } from './run';

const corpus = packetCorpus();
/** What the text and Markdown channels get: the corpus without the files of parser work. */
const formatted = withoutParserWork(corpus);
let area: Scratch;
let runs: Record<'json' | 'markdown' | 'text' | 'check' | 'render', TimedRun>;

/** Makes a repository of the demo ladder and these packets in `area`. */
function repository(files: readonly CorpusFile<PacketExpectation>[]): string {
  mkdirSync(join(area.repo, 'ladders'), { recursive: true });
  cpSync(join(FIXTURES, 'action/base/ladders/demo.yml'), join(area.repo, 'ladders/demo.yml'));
  materialise(area, 'packets', join(area.repo, 'promotions'), files);
  return area.repo;
}

beforeAll(async () => {
  area = scratch();
  const json = await runCliAsync(['review', '--format', 'json'], repository(corpus));
  rmSync(join(area.repo, 'promotions'), { recursive: true });
  const repo = repository(formatted);
  const markdown = await runCliAsync(['review', '--format', 'markdown'], repo);
  const text = await runCliAsync(['review'], repo);
  const check = await runCliAsync(['check'], repo);
  const render = await runCliAsync(['render'], repo);
  runs = { json, markdown, text, check, render };
}, 240_000);

afterAll(() => {
  if (area) rmSync(area.root, { recursive: true, force: true });
});

describe('ladder review on the hostile packets', () => {
  it('finishes without a stack trace, on every channel', () => {
    for (const run of Object.values(runs)) expectClean(run);
    expect(runs.json.status).toBe(1);
    expect(runs.check.status).toBe(1);
    expect(runs.render.status).toBe(0);
  });

  it.each(corpus.map((f): [string, CorpusFile<PacketExpectation>] => [f.name, f]))(
    '%s gets its verdict and findings',
    (name, file) => {
      const { packets } = JSON.parse(runs.json.stdout) as { packets: PacketReview[] };
      const review = packets.find((p) => p.path === `promotions/${name}`);
      expect(review?.verdict).toBe(file.expect.verdict);
      expect([...new Set(review?.findings.map((f) => f.code))].sort()).toEqual(
        [...file.expect.codes].sort(),
      );
    },
  );

  it('writes a comment body that pings nobody, carries no HTML of theirs and fits', () => {
    const body = runs.markdown.stdout;
    assertSafe(body);
    expect(body.length).toBeLessThanOrEqual(65_536);
    for (const f of formatted) expect(body).toContain(f.name.replace(/\.md$/, ''));
  });

  it('review reports every packet that is not ready, and reads none outside the repository', () => {
    for (const f of formatted.filter((c) => c.expect.verdict === 'invalid'))
      expect(runs.text.stdout).toContain(`promotions/${f.name}`);
    expect(runs.text.stdout).toContain('outside-repository');
  });

  it('check leaves the packets to the review, as the action does on a push', () => {
    expect(runs.check.stdout).not.toContain('promotions/');
  });
});
