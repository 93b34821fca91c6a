// A ladder that splits into tracks after its first levels (test/fixtures/frameworks/ladders/
// dual.yml: E1-E3 shared, then E4-E5 on the staff track and M4-M5 on the manager track): the
// shared levels are on the way up every track, so a promotion past them skips them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewPacket } from '../../src/review/index';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';
import { OPTIONS } from './helpers';

const { model, diagnostics } = validateLadders([
  {
    path: 'ladders/dual.yml',
    bytes: readFileSync(join(FIXTURES, 'frameworks', 'ladders', 'dual.yml')),
  },
]);

/** The skipped-level messages of a packet from one level of the dual ladder to another. */
function skipped(from: string, to: string): string[] {
  const text = `---\ncandidate: sam-lee\nladder: dual\nfrom: ${from}\nto: ${to}\n---\n\n## Technical skill\n\n- Rewrote the billing service's retry logic ([PR](https://github.com/acme/billing/pull/7)).\n`;
  const review = reviewPacket(
    model,
    { path: 'promotions/sam-lee.md', bytes: Buffer.from(text) },
    OPTIONS,
  );
  return review.findings.filter((f) => f.code === 'skipped-level').map((f) => f.message);
}

describe('skipped levels in a ladder that splits into tracks', () => {
  it('the fixture ladder is valid', () => {
    expect(diagnostics).toEqual([]);
  });

  it('counts the shared levels on the way up a track', () => {
    expect(skipped('E1', 'E4')).toEqual([
      'A promotion from `E1` to `E4` skips `E2`, `E3`; `E1` advances to `E2`. Make sure this is intended, or correct `from`/`to`.',
    ]);
    expect(skipped('E2', 'M4')).toEqual([
      'A promotion from `E2` to `M4` skips `E3`; `E2` advances to `E3`. Make sure this is intended, or correct `from`/`to`.',
    ]);
  });

  it('leaves the levels of the other track out, and a step along an edge alone', () => {
    expect(skipped('E3', 'E5')).toEqual([
      'A promotion from `E3` to `E5` skips `E4`; `E3` advances to `E4` or `M4`. Make sure this is intended, or correct `from`/`to`.',
    ]);
    expect(skipped('E3', 'M4')).toEqual([]);
    expect(skipped('E1', 'E2')).toEqual([]);
  });
});
