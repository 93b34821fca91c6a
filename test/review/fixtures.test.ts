// Each file under test/fixtures/review/packets is one case: a real packet whose trailing HTML
// comments state the verdict, some dimension statuses, and every finding (code@line:col) the
// review must report, and nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/review/checks/index';
import { STAGE_CODES } from '../../src/review/codes';
import { reviewPackets } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet, REVIEW } from './helpers';

const model = fixtureModel();
const names = readdirSync(join(REVIEW, 'packets'))
  .filter((n) => n.endsWith('.md'))
  .sort();

interface Expected {
  verdict: string | undefined;
  statuses: Record<string, string>;
  findings: string[];
}

function expected(text: string): Expected {
  const statuses: Record<string, string> = {};
  for (const m of text.matchAll(/<!-- status: (.*) -->/g))
    for (const pair of (m[1] ?? '').split(',')) {
      const [id, status] = pair.trim().split('=');
      if (id && status) statuses[id] = status;
    }
  return {
    verdict: /<!-- verdict: (\S+) -->/.exec(text)?.[1],
    statuses,
    findings: [...text.matchAll(/<!-- expect: (\S+) -->/g)].map((m) => m[1] ?? '').sort(),
  };
}

describe('packet review on fixture packets', () => {
  it.each(names)('%s', (name) => {
    const input = packet(name);
    const want = expected(input.bytes.toString('utf8'));
    const [review] = reviewPackets(model, [input], OPTIONS).packets;
    expect(review).toBeDefined();
    if (!review) return;
    expect(review.findings.map((f) => `${f.code}@${f.line}:${f.column}`).sort()).toEqual(
      want.findings,
    );
    expect(review.findings.every((f) => f.file === `packets/${name}`)).toBe(true);
    expect(review.verdict).toBe(want.verdict);
    const statuses = Object.fromEntries(review.dimensions.map((d) => [d.id, d.status]));
    for (const [id, status] of Object.entries(want.statuses)) expect(statuses[id], id).toBe(status);
  });

  it('has a fixture for every check', () => {
    const covered = new Set(
      names.flatMap((n) =>
        expected(readFileSync(join(REVIEW, 'packets', n), 'utf8')).findings.map(
          (f) => f.split('@')[0],
        ),
      ),
    );
    for (const check of CHECKS) expect(covered, check.code).toContain(check.code);
    for (const code of [
      'packet-too-complex',
      'front-matter-missing',
      'front-matter-unclosed',
      'front-matter-invalid',
      'more-findings',
    ])
      expect(covered, code).toContain(code);
    expect(STAGE_CODES.map((c) => c.code)).toContain('packet-too-complex');
  });
});
