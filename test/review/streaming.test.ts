// `ladder review` writes its report packet by packet (issue 7): the writers give exactly the
// whole-report output, the CLI gives it for a folder of many packets through a pipe, and the
// review's own shortcuts (bounded caches, headings without suggestions) change no result.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ladder } from '../../src/model/types';
import { parsePacketText } from '../../src/packet/parse';
import { PLAIN } from '../../src/report/diagnostics-text';
import { composeComment } from '../../src/report/pr-comment';
import {
  jsonReviewWriter,
  markdownReviewWriter,
  type ReviewWriter,
  textReviewWriter,
} from '../../src/report/review-stream';
import { formatReviewText } from '../../src/report/review-text';
import { coverage, keywords, restates } from '../../src/review/coverage';
import {
  type ReviewReport,
  reviewExitCode,
  reviewPackets,
  verdictsExitCode,
} from '../../src/review/index';
import { matcherFor } from '../../src/review/match';
import { runCli } from '../helpers/cli';
import { fixtureModel, OPTIONS, packet, REVIEW, statement } from './helpers';

const model = fixtureModel();
const NAMES = [
  'complete.md',
  'thin.md',
  'missing-and-thin.md',
  'schema-errors.md',
  'unknown-heading.md',
  'placeholder-evidence.md',
  'milestone-points.md',
  'not-a-promotion.md',
  'prose-only-level.md',
  'front-matter-missing.md',
];

function report(names: readonly string[]): ReviewReport {
  return reviewPackets(
    model,
    names.map((n) => packet(n)),
    OPTIONS,
  );
}

function written(writer: (write: (text: string) => void) => ReviewWriter, r: ReviewReport) {
  let out = '';
  const w = writer((text) => {
    out += text;
  });
  for (const p of r.packets) w.add(p, readFileSync(join(REVIEW, p.path), 'utf8'));
  w.end();
  return { out, counts: w.counts };
}

describe('review writers', () => {
  const sources = (r: ReviewReport) =>
    new Map(r.packets.map((p) => [p.path, readFileSync(join(REVIEW, p.path), 'utf8')]));

  it.each([0, 1, NAMES.length])('write the whole-report output for %i packets', (n) => {
    const r = report(NAMES.slice(0, n));
    expect(written((w) => textReviewWriter(w, PLAIN), r).out).toBe(
      `${formatReviewText(r, sources(r), PLAIN)}\n`,
    );
    expect(written(jsonReviewWriter, r).out).toBe(`${JSON.stringify(r, null, 2)}\n`);
    expect(written(markdownReviewWriter, r).out).toBe(composeComment({ review: r }));
  });

  it('count the verdicts for the exit status', async () => {
    const r = report(NAMES);
    const { counts } = written(jsonReviewWriter, r);
    for (const failOn of ['missing', 'thin', 'never'] as const)
      expect(verdictsExitCode(counts, failOn)).toBe(reviewExitCode(r, failOn));
    expect(counts.complete + counts.thin + counts.missing + counts.invalid).toBe(NAMES.length);
  });
});

describe('ladder review on many packets', () => {
  let repo = '';
  const paths: string[] = [];

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'ladder-stream-'));
    cpSync(join(REVIEW, 'ladders'), join(repo, 'ladders'), { recursive: true });
    // Enough packets for an output far larger than a pipe's buffer, in folders whose names sort
    // differently as folders and as paths (`a` before `a-b`, but `a-b/x` before `a/x`).
    for (const folder of ['a', 'a-b', 'b']) {
      mkdirSync(join(repo, 'promotions', folder), { recursive: true });
      for (let i = 0; i < 40; i += 1) {
        const name = NAMES[i % NAMES.length] ?? 'complete.md';
        const path = `promotions/${folder}/${String(i).padStart(2, '0')}-${name}`;
        cpSync(join(REVIEW, 'packets', name), join(repo, path));
        paths.push(path);
      }
      writeFileSync(join(repo, 'promotions', folder, 'README.md'), '# Not a packet\n');
    }
    paths.sort();
  });

  afterAll(async () => {
    if (repo) rmSync(repo, { recursive: true, force: true });
  });

  const expected = () =>
    reviewPackets(
      model,
      paths.map((path) => ({ path, bytes: readFileSync(join(repo, path)) })),
      OPTIONS,
    );

  it('prints every packet in path order, as the whole report would', async () => {
    const r = expected();
    const sources = new Map(paths.map((p) => [p, readFileSync(join(repo, p), 'utf8')]));
    const text = await runCli(['review'], { cwd: repo });
    expect(text.stdout.length).toBeGreaterThan(256 * 1024);
    expect(text.stdout).toBe(`${formatReviewText(r, sources, PLAIN)}\n`);
    expect(text.status).toBe(reviewExitCode(r, 'missing'));
    const json = await runCli(['review', '--format', 'json'], { cwd: repo });
    expect(json.stdout).toBe(`${JSON.stringify(r, null, 2)}\n`);
    const markdown = await runCli(['review', '--format', 'markdown'], { cwd: repo });
    expect(markdown.stdout).toBe(composeComment({ review: r }));
  });
});

describe('review shortcuts', () => {
  const ladder = model.ladders.find((l) => l.id === 'ops') as Ladder;

  it('suggests a dimension only when asked, and remembers headings without changing them', async () => {
    const matcher = matcherFor(ladder);
    expect(matcherFor(ladder)).toBe(matcher);
    expect(matcher.match('Judgemnt', false)).toEqual({ kind: 'other' });
    const suggested = matcher.match('Judgemnt');
    expect(suggested).toEqual({ kind: 'other', suggestion: 'Judgment' });
    expect(matcher.match('Judgemnt')).toEqual(suggested);
    expect(matcher.match('Judgemnt', false)).toEqual({ kind: 'other' });
    expect(matcher.match('2. Skill: Mastery', false)).toEqual({ kind: 'dimension', id: 'mastery' });
  });

  it('stems keywords as before', async () => {
    const stem = (word: string) => {
      for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ied', 'ies', 'ed', 'es', 's', 'ly'])
        if (word.length - suffix.length >= 4 && word.endsWith(suffix))
          return word.slice(0, -suffix.length);
      return word;
    };
    const words =
      'automations automation buildings building carried carries deployed releases systems quickly 2026 the team organisations';
    expect([...keywords(words)]).toEqual([
      ...new Set(
        words
          .split(' ')
          .filter((w) => w.length >= 4 && w !== 'team' && !/^\d+$/.test(w))
          .map(stem),
      ),
    ]);
  });

  it('checks coverage alike however many other expectations were compared in between', async () => {
    const items = report(['complete.md']).packets.length;
    const parsed = parsePacketText(
      'p.md',
      readFileSync(join(REVIEW, 'packets', 'complete.md'), 'utf8'),
    );
    const list = (parsed.body?.blocks ?? []).flatMap((b) => (b.kind === 'list' ? b.items : []));
    const statements = [
      statement('Plans and runs upgrades of production databases', 'plans'),
      statement('Leads incidents', 'leads'),
    ];
    const first = coverage(statements, list);
    const restated = list.map((item) => restates(item, statements));
    // More lists than the cache keeps, so that the first is computed again.
    for (let i = 0; i < 600; i += 1)
      coverage([statement(`Statement ${i} about upgrades`, `s${i}`)], list);
    expect(coverage(statements, list)).toEqual(first);
    expect(list.map((item) => restates(item, statements))).toEqual(restated);
    expect(items).toBe(1);
  });
});
