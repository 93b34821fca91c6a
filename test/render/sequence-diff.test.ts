// Our Myers diff against the `diff` package's diffArrays, which it reproduces step for step.
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSequences } from '../../src/model/sequence-diff';
import { SEED } from '../property/settings';

const reference = (a: string[], b: string[]) =>
  diffArrays(a, b).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    count: part.count ?? part.value.length,
  }));

describe('diffSequences', () => {
  it('finds kept, added and removed runs', () => {
    expect(diffSequences(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { kind: 'same', count: 1 },
      { kind: 'removed', count: 1 },
      { kind: 'added', count: 1 },
      { kind: 'same', count: 1 },
      { kind: 'added', count: 1 },
    ]);
    expect(diffSequences([], [])).toEqual([]);
    expect(diffSequences([], ['a', 'b'])).toEqual([{ kind: 'added', count: 2 }]);
    expect(diffSequences(['a', 'b'], [])).toEqual([{ kind: 'removed', count: 2 }]);
  });

  it('gives exactly the runs of diffArrays', () => {
    // A small alphabet makes many equal-cost alignments, where the choice rules matter.
    const list = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ' ', '.'), { maxLength: 40 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        expect(diffSequences(a, b)).toEqual(reference(a, b));
      }),
      { numRuns: 5000, seed: SEED },
    );
  });

  it('gives exactly the runs of diffArrays for long, mostly similar lists', () => {
    const word = fc.constantFrom('plans', 'the', 'team', 'with', 'care', ',', '.', '1', '2');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 50, maxLength: 200 }),
        fc.nat(),
        (a: string[], seed) => {
          // The second list: the first with a few elements replaced, dropped or inserted.
          const b: string[] = [...a];
          for (let i = 0, s = seed; i < 6; i += 1, s = (s * 7919 + 13) % 1_000_003) {
            const at = s % (b.length + 1);
            if (s % 3 === 0) b.splice(at, 1);
            else if (s % 3 === 1) b.splice(at, 0, 'new');
            else b[at] = 'changed';
          }
          expect(diffSequences(a, b)).toEqual(reference(a, b));
        },
      ),
      { numRuns: 500, seed: SEED },
    );
  });
});
