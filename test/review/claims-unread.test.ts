// Front matter that fails its schema (`ops-skill: '3'`): what it claims is not known, so the
// review says nothing of claims beside the one error (no "no milestone claimed", no points total
// of 0, no shortfall, no "claims no milestone" for a section).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeComment } from '../../src/report/pr-comment';
import { formatPacketText } from '../../src/report/review-text';
import { reviewPacket } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet, REVIEW } from './helpers';

const model = fixtureModel();
const review = (input: { path: string; bytes: Buffer }) => reviewPacket(model, input, OPTIONS);

describe('claims in front matter that failed its schema', () => {
  it('are shown as not read, not as no claim', () => {
    const r = review(packet('milestone-wrong-type.md'));
    expect(r.findings.map((f) => f.code)).toEqual(['wrong-type']);
    expect(r.milestones.length).toBeGreaterThan(0);
    for (const m of r.milestones) {
      expect(m.unread).toBe(true);
      expect(m.claimed).toBeUndefined();
    }
    const comment = composeComment({ review: { packets: [r] } });
    expect(comment).not.toContain('no milestone claimed');
    expect(comment).toContain('(claims not read: fix the front matter)');
    expect(formatPacketText(r, undefined)).toContain('(claims not read: fix the front matter)');
  });

  it('give no points total, no shortfall and no section left unchecked', () => {
    const text = readFileSync(join(REVIEW, 'packets', 'points-shortfall.md'), 'utf8').replace(
      '  web: 1',
      "  web: '3'",
    );
    const r = review({ path: 'promotions/points.md', bytes: Buffer.from(text) });
    expect(r.findings.map((f) => f.code)).toEqual(['wrong-type']);
    expect(r.points).toBeUndefined();
  });
});
