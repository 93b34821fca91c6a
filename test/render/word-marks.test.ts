// The marks of a side-by-side statement: read back as GitHub reads them, the bold and plain
// words are the new statement and the struck words are the old statement's dropped words.
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../src/markdown/page';
import { serialise } from '../../src/markdown/serialise';
import { wordDiff } from '../../src/model/statement-diff';
import { wordMarks } from '../../src/render/word-marks';
import { runs, SEED } from '../property/settings';
import { parse } from './markdown-tree';

/** The text of a tree with the struck-through parts left out, or only those parts. */
function textOf(node: Root | RootContent, struck: boolean, inside = false): string {
  if (node.type === 'text') return struck === inside ? node.value : '';
  if (!('children' in node)) return '';
  const within = inside || node.type === 'delete';
  return node.children.map((c) => textOf(c as RootContent, struck, within)).join('');
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('word marks', () => {
  it('mark the new words bold and the dropped words struck', () => {
    const words = wordDiff(
      'Plans individual projects effectively with little oversight.',
      'Plans individual projects.',
    );
    expect(serialise([paragraph(...wordMarks(words))])).toBe(
      'Plans individual projects ~~effectively with little oversight~~.\n',
    );
    expect(
      serialise([
        paragraph(...wordMarks(wordDiff('Works on small projects.', 'Works on large projects.'))),
      ]),
    ).toBe('Works on ~~small~~ **large** projects.\n');
    expect(
      serialise([
        paragraph(...wordMarks(wordDiff('Joins on call shifts.', 'Joins on-call shifts.'))),
      ]),
    ).toBe('Joins on-call shifts.\n');
  });

  it('read back as the new statement, with the dropped words struck', () => {
    const word = fc.constantFrom(
      'plans',
      'leads',
      'the',
      'team',
      'large',
      'small',
      '(e.g.',
      'a)',
      ',',
      '.',
      '—',
      'team’s',
    );
    const statement = fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(statement, statement, (before, after) => {
        const words = wordDiff(before, after);
        const tree = parse(serialise([paragraph(...wordMarks(words))]));
        expect(squash(textOf(tree, false))).toBe(squash(after));
        // Every struck word was dropped from the old statement (in order).
        const dropped = squash(
          words
            .filter((w) => w.kind === 'removed')
            .map((w) => w.text)
            .join(''),
        );
        let at = 0;
        for (const ch of squash(textOf(tree, true))) {
          at = dropped.indexOf(ch, at) + 1;
          expect(at).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(1000), seed: SEED },
    );
  });
});
