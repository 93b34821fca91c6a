// The statement scanners give exactly the pieces of their reference regular expressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIFF_TOKENS_PATTERN, diffTokens, WORDS_PATTERN, words } from '../../src/model/tokenise';
import { runs, SEED } from '../property/settings';

const byPattern = (pattern: RegExp, text: string) => text.match(pattern) ?? [];

// Letters, digits, marks, apostrophes, spaces of several kinds, astral letters and emoji,
// lone surrogates, and characters whose lower case is longer (İ).
const piece = fc.oneof(
  fc.constantFrom(
    'a',
    'Z',
    '9',
    '_',
    "'",
    '’',
    ' ',
    '  ',
    '\t',
    '\n',
    '\u00a0',
    '\u3000',
    '\ufeff',
  ),
  fc.constantFrom('—', '.', ',', '-', 'é', 'İ', 'ß', 'Ω', '٣', '𝐀', '😀', '\ud800', '\udc00', '́'),
  fc.string({ maxLength: 3, unit: 'binary' }),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('words', () => {
  it('cuts words and numbers, keeping inner apostrophes, in lower case', () => {
    expect(words('The team’s on-call — 24/7, isn’t it?')).toEqual([
      'the',
      'team’s',
      'on',
      'call',
      '24',
      '7',
      'isn’t',
      'it',
    ]);
  });

  it('gives exactly the matches of its reference pattern', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(words(t)).toEqual(byPattern(WORDS_PATTERN, t.toLowerCase()));
      }),
      { numRuns: runs(600), seed: SEED },
    );
  });
});

describe('diffTokens', () => {
  it('keeps the spaces after each word or mark, and leading spaces apart', () => {
    expect(diffTokens('  Plans small_tasks, alone.')).toEqual([
      '  ',
      'Plans ',
      'small_tasks',
      ', ',
      'alone',
      '.',
    ]);
  });

  it('gives exactly the matches of its reference pattern', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(diffTokens(t)).toEqual(byPattern(DIFF_TOKENS_PATTERN, t));
      }),
      { numRuns: runs(600), seed: SEED },
    );
  });
});
