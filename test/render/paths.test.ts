// Links between pages: the shortcut for plain paths gives what `posix.relative` gives.
import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeUrl } from '../../src/render/paths';
import { runs, SEED } from '../property/settings';

describe('relativeUrl', () => {
  it('links pages in the same folder, a folder up and across', () => {
    expect(relativeUrl('team/L1.md', 'team/L2.md')).toBe('L2.md');
    expect(relativeUrl('team/L1.md', 'README.md')).toBe('../README.md');
    expect(relativeUrl('team/L1.md', 'abilities/x.md', 'm-1')).toBe('../abilities/x.md#m-1');
    expect(relativeUrl('README.md', 'team/README.md')).toBe('team/README.md');
    expect(relativeUrl('team/L1.md', 'team/L1.md')).toBe('L1.md');
  });

  it('agrees with posix.relative for any paths', () => {
    const segment = fc.constantFrom('a', 'b', 'README.md', 'L1.md', '.git', '..', '.', '', 'a b');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
    fc.assert(
      fc.property(path, path, (from, to) => {
        const expected = posix.relative(posix.dirname(from), to) || posix.basename(to);
        expect(relativeUrl(from, to)).toBe(expected);
      }),
      { numRuns: runs(600), seed: SEED },
    );
  });
});
