// The statement diff behind "what changes from the previous level" (and the semantic diff).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countChanges,
  diffStatements,
  statementSimilarity,
  WordNumbers,
  wordDiff,
} from '../../src/model/statement-diff';
import { runs, SEED } from '../property/settings';

describe('statementSimilarity', () => {
  it('is 1 for the same words, 0 for none in common, ignoring case and punctuation', () => {
    expect(statementSimilarity('Asks for help.', 'asks FOR help')).toBe(1);
    expect(statementSimilarity('Asks for help.', 'Designs systems')).toBe(0);
    expect(statementSimilarity('a b c d', 'a b x y')).toBe(0.5);
  });

  it('counts repeated words only as often as both have them', () => {
    expect(statementSimilarity('the the the', 'the')).toBe(0.5);
  });
});

describe('wordDiff', () => {
  it('marks added and removed words, with spaces outside the changed runs', () => {
    expect(wordDiff('Plans small tasks alone.', 'Plans large tasks with the team.')).toEqual([
      { kind: 'same', text: 'Plans ' },
      { kind: 'removed', text: 'small' },
      { kind: 'added', text: 'large' },
      { kind: 'same', text: ' tasks ' },
      { kind: 'removed', text: 'alone' },
      { kind: 'added', text: 'with the team' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('always rebuilds the new text from its same and added runs', () => {
    const word = fc.constantFrom('a', 'b', 'team', 'the', ' ', '  ', '.', ',', '\n', '’s');
    const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const runs = wordDiff(before, after);
        expect(
          runs
            .filter((r) => r.kind !== 'removed')
            .map((r) => r.text)
            .join(''),
        ).toBe(after);
        for (const r of runs) if (r.kind !== 'same') expect(r.text).toBe(r.text.trim());
      }),
      { numRuns: runs(100), seed: SEED },
    );
  });
});

describe('diffStatements', () => {
  it('finds unchanged, reworded, added and removed statements', () => {
    const changes = diffStatements(
      ['Asks for review early.', 'Writes tested code for small changes.', 'Pairs to learn.'],
      ['Writes well tested code for medium changes.', 'Asks for review early.', 'Reviews peers.'],
    );
    expect(changes.map((c) => c.kind)).toEqual(['reworded', 'unchanged', 'added', 'removed']);
    const reworded = changes[0];
    expect(reworded).toMatchObject({
      kind: 'reworded',
      before: 'Writes tested code for small changes.',
      after: 'Writes well tested code for medium changes.',
    });
    expect(changes[3]).toEqual({ kind: 'removed', text: 'Pairs to learn.' });
    expect(countChanges(changes)).toEqual({ unchanged: 1, reworded: 1, added: 1, removed: 1 });
  });

  it('pairs the most similar statements first, whatever their order', () => {
    const changes = diffStatements(
      ['Designs services end to end.', 'Writes code for small changes.'],
      ['Writes code for large changes.', 'Designs services and data end to end.'],
    );
    expect(changes.map((c) => (c.kind === 'reworded' ? [c.before, c.after] : c.kind))).toEqual([
      ['Writes code for small changes.', 'Writes code for large changes.'],
      ['Designs services end to end.', 'Designs services and data end to end.'],
    ]);
  });

  it('leaves dissimilar statements as added and removed', () => {
    const changes = diffStatements(['Shadows on-call.'], ['Leads incident response.']);
    expect(changes.map((c) => c.kind)).toEqual(['added', 'removed']);
  });

  it('honours the threshold and the pair limit', () => {
    const before = ['a b c d'];
    const after = ['a b x y'];
    expect(diffStatements(before, after)[0]?.kind).toBe('reworded');
    expect(diffStatements(before, after, { rewordThreshold: 0.6 })[0]?.kind).toBe('added');
    expect(diffStatements(before, after, { maxPairs: 0 })[0]?.kind).toBe('added');
  });

  it('matches a repeated statement once per occurrence', () => {
    const changes = diffStatements(['Same.', 'Same.'], ['Same.']);
    expect(changes.map((c) => c.kind)).toEqual(['unchanged', 'removed']);
  });

  it('gives the same result with word numbers shared by consecutive diffs', () => {
    const statement = fc.constantFrom('a b c', 'a b d', 'x y', 'x y z', 'q', 'A b, c!', 'd c b a');
    const lists = fc.array(fc.array(statement, { maxLength: 5 }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(lists, (levels) => {
        const words = new WordNumbers();
        for (let i = 1; i < levels.length; i += 1) {
          const [before, after] = [levels[i - 1] ?? [], levels[i] ?? []];
          words.startLevel();
          expect(diffStatements(before, after, { words })).toEqual(diffStatements(before, after));
        }
      }),
      { numRuns: runs(60), seed: SEED },
    );
  });

  it('accounts for every statement of both lists', () => {
    const statement = fc.constantFrom('a b c', 'a b d', 'x y', 'x y z', 'q', 'a b c d e');
    fc.assert(
      fc.property(
        fc.array(statement, { maxLength: 6 }),
        fc.array(statement, { maxLength: 6 }),
        (before, after) => {
          const changes = diffStatements(before, after);
          const newSide = changes.flatMap((c) =>
            c.kind === 'removed' ? [] : [c.kind === 'reworded' ? c.after : c.text],
          );
          const oldSide = changes.flatMap((c) =>
            c.kind === 'added' ? [] : [c.kind === 'reworded' ? c.before : c.text],
          );
          expect(newSide).toEqual(after);
          expect([...oldSide].sort()).toEqual([...before].sort());
        },
      ),
      { numRuns: runs(100), seed: SEED },
    );
  });
});

describe('wordDiff, marks inside a word', () => {
  it('does not keep a mark of one word as the mark of another, cutting both in two', () => {
    // The `’` of `what’s` matched the one of `don’t`: `**don**’~~s been done~~ **t need**`.
    expect(
      wordDiff('you need help, researches what’s been done.', 'you don’t need checks.'),
    ).toEqual([
      { kind: 'same', text: 'you ' },
      { kind: 'removed', text: 'need help, researches what’s been done' },
      { kind: 'added', text: 'don’t need checks' },
      { kind: 'same', text: '.' },
    ]);
    // The first `.` of `e.g.` kept as the end of a new sentence.
    expect(
      wordDiff('areas of expertise (e.g. networking), and', 'areas. Leads the team and'),
    ).toEqual([
      { kind: 'same', text: 'areas' },
      { kind: 'removed', text: 'of expertise (e.g. networking),' },
      { kind: 'added', text: '. Leads the team' },
      { kind: 'same', text: ' and' },
    ]);
  });

  it('keeps a mark between words as it is', () => {
    expect(
      wordDiff(
        'rooted in experience. Willing to',
        'rooted in experience, and more. Expresses it to',
      ),
    ).toEqual([
      { kind: 'same', text: 'rooted in experience' },
      { kind: 'added', text: ', and more' },
      { kind: 'same', text: '. ' },
      { kind: 'removed', text: 'Willing' },
      { kind: 'added', text: 'Expresses it' },
      { kind: 'same', text: ' to' },
    ]);
  });
});
