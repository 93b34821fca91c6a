// The judgment corpus: real packets written to probe the review for gaming (links that open
// nothing, placeholders in disguise, copied expectations, plans, words shaped like tracker keys)
// and for good faith (numbered or suffixed headings, invisible characters, aliases, links GitHub
// renders wherever they are defined). Each packet ends with an `<!-- expect ... -->` block: the
// verdict a promotion committee would give, the status of every required dimension, the codes
// that must be reported, and words no finding may say. They are reviewed as they sit in this
// repository, with its files listed as the CLI lists them and the trackers of the corpus config,
// against a copy of the shipped Ops ladders in test/fixtures/ops (a team's ladders/ may differ).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryFiles } from '../../src/cli/io';
import { parseConfig } from '../../src/config/config';
import { reviewPackets } from '../../src/review/index';
import { validateLadders } from '../../src/validate/index';
import { ROOT } from '../helpers/paths';
import { REVIEW } from './helpers';

const CORPUS = join(REVIEW, 'corpus');
const FOLDER = 'test/fixtures/review/corpus';

const OPS = join(ROOT, 'test/fixtures/ops/ladders');
const ladders = readdirSync(OPS)
  .filter((n) => n.endsWith('.yml'))
  .map((n) => ({ path: `ladders/${n}`, bytes: readFileSync(join(OPS, n)) }));
const { model } = validateLadders(ladders);
const { config, diagnostics } = parseConfig(
  `${FOLDER}/ladder.config.yml`,
  readFileSync(join(CORPUS, 'ladder.config.yml')),
);
const files = repositoryFiles({
  root: ROOT,
  cwd: ROOT,
  env: {},
  stdout: () => {},
  stderr: () => {},
  colour: false,
});
const names = readdirSync(CORPUS)
  .filter((n) => n.endsWith('.md'))
  .sort();

interface Expected {
  kind: string;
  verdict: string;
  statuses: Record<string, string>;
  findings: string[];
  excludes: string[];
}

function expected(text: string): Expected {
  const block = /<!-- expect\n([\s\S]*?)\n-->/.exec(text)?.[1] ?? '';
  const field = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(block)?.[1] ?? '';
  const list = (key: string) =>
    field(key)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return {
    kind: field('kind'),
    verdict: field('verdict'),
    statuses: Object.fromEntries(list('statuses').map((pair) => pair.split('='))),
    findings: list('findings'),
    excludes: list('messages exclude'),
  };
}

describe('the judgment corpus', () => {
  it('has at least 60 packets, each saying what it probes', () => {
    expect(diagnostics).toEqual([]);
    expect(names.length).toBeGreaterThanOrEqual(60);
    for (const name of names)
      expect(expected(readFileSync(join(CORPUS, name), 'utf8')).kind, name).not.toBe('');
  });

  it.each(names)('%s is judged as a committee would', (name) => {
    const bytes = readFileSync(join(CORPUS, name));
    const want = expected(bytes.toString('utf8'));
    const [review] = reviewPackets(model, [{ path: `${FOLDER}/${name}`, bytes }], {
      evidenceMinimum: config.evidenceMinimum,
      maxPacketBytes: config.maxPacketBytes,
      trackers: config.trackers,
      files,
    }).packets;
    if (!review) throw new Error('no review');
    const statuses = Object.fromEntries(review.dimensions.map((d) => [d.id, d.status]));
    const why = review.dimensions
      .filter((d) => d.status !== want.statuses[d.id])
      .map((d) => `${d.id}: ${d.reasons.join('; ')}`)
      .join(' | ');
    expect(statuses, why).toEqual(want.statuses);
    expect(review.verdict, review.summary).toBe(want.verdict);
    const codes = review.findings.map((f) => f.code);
    for (const code of want.findings) expect(codes, code).toContain(code);
    for (const words of want.excludes)
      for (const f of review.findings) expect(f.message).not.toContain(words);
  });
});
