// The points total of a packet for a points-based level (the growth framework fixture): under,
// at and over what the level and the role ask, shown as one line next to the sections in the
// comment (golden: test/fixtures/review/comments/points.md) and the text report, and as
// `points` in the JSON.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { composeComment } from '../../src/report/pr-comment';
import { formatPacketText } from '../../src/report/review-text';
import { reviewPackets } from '../../src/review/index';
import { assertSafe, fixtureModel, OPTIONS, packet, REVIEW } from './helpers';

const model = fixtureModel();
const BLOB = 'https://github.com/acme/career/blob/0123456789abcdef0123456789abcdef01234567/';
// 1 point for 2.1 (10 needed); 12 for 2.2 (12 needed, Engineer II: 10–20); 12 for 1.2 as
// Engineer I (0–9).
const UNDER = packet('points-shortfall.md');
const AT = packet('ability-sections.md');
const OVER = packet('points-above-role.md');
const report = reviewPackets(model, [UNDER, AT, OVER], OPTIONS);
const [under, at, over] = report.packets;

describe('the points total in the review', () => {
  it('is checked against the level and the role', () => {
    expect(under?.points).toEqual({ total: 1, required: 10, level: 10, met: false });
    expect(at?.points).toEqual({
      total: 12,
      required: 12,
      level: 12,
      role: { min: 10, max: 20 },
      met: true,
    });
    expect(over?.points).toEqual({
      total: 12,
      required: 5,
      level: 5,
      role: { min: 0, max: 9 },
      met: true,
    });
    // The JSON report is the review as it is.
    expect(JSON.parse(JSON.stringify(at)).points.required).toBe(12);
  });

  it('is one line of the text report, next to the sections', () => {
    const lines = (r: typeof under) => {
      if (!r) throw new Error('no review');
      return formatPacketText(r, undefined)
        .split('\n')
        .filter((l) => l.includes('Points:'));
    };
    expect(lines(under)).toEqual(['  ✗ Points: 1 claimed of 10 required, short']);
    expect(lines(at)).toEqual(['  ✓ Points: 12 claimed of 12 required (role max 20)']);
    expect(lines(over)).toEqual([
      "  ! Points: 12 claimed of 5 required (role max 9), above the role's max",
    ]);
  });

  it('is a line of the comment after the table of sections (golden)', () => {
    const body = composeComment({ review: report, blobBase: BLOB });
    const tree = assertSafe(body, BLOB);
    const file = join(REVIEW, 'comments', 'points.md');
    if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, body);
    expect(body).toBe(readFileSync(file, 'utf8'));
    const points = tree.children
      .filter((n) => n.type === 'paragraph')
      .map((n) => mdastToString(n))
      .filter((t) => t.startsWith('Points:'));
    expect(points).toEqual([
      'Points: 1 claimed of 10 required, short ❌',
      'Points: 12 claimed of 12 required (role max 20) ✅',
      "Points: 12 claimed of 5 required (role max 9), above the role's max ⚠️",
    ]);
  });
});
