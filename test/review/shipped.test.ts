// The shipped example packet and the example in docs/packets.md pass against the shipped ladders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewPackets } from '../../src/review/index';
import { validateLadders } from '../../src/validate/index';
import { ROOT } from '../helpers/paths';
import { OPTIONS } from './helpers';

const ladders = readdirSync(join(ROOT, 'ladders'))
  .filter((n) => n.endsWith('.yml'))
  .map((n) => ({ path: `ladders/${n}`, bytes: readFileSync(join(ROOT, 'ladders', n)) }));
const { model } = validateLadders(ladders);

describe('shipped packets', () => {
  it('promotions/2026-h2/rivera-dana.md is complete', () => {
    const path = 'promotions/2026-h2/rivera-dana.md';
    const [review] = reviewPackets(
      model,
      [{ path, bytes: readFileSync(join(ROOT, path)) }],
      OPTIONS,
    ).packets;
    expect(review?.verdict).toBe('complete');
    expect(review?.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('the example in docs/packets.md is complete', () => {
    const readme = readFileSync(join(ROOT, 'docs/packets.md'), 'utf8');
    const start =
      readme.indexOf('```markdown\n', readme.indexOf('### The format')) + '```markdown\n'.length;
    const text = readme.slice(start, readme.indexOf('\n```\n', start));
    const [review] = reviewPackets(
      model,
      [{ path: 'README.md', bytes: new TextEncoder().encode(text) }],
      OPTIONS,
    ).packets;
    expect(review?.verdict).toBe('complete');
    expect(review?.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
