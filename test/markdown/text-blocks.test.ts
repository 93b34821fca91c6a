// A block of plain text as a person writes it in a YAML `|` block: paragraphs and lists.
import { describe, expect, it } from 'vitest';
import { textBlocks } from '../../src/markdown/text-blocks';

const bullets = (...items: string[]) => ({ kind: 'list', ordered: false, start: 1, items });

describe('textBlocks', () => {
  it('joins wrapped lines into one paragraph; blank lines separate paragraphs', () => {
    expect(textBlocks('The engineering track,\nwrapped.\n\n  Second.\n')).toEqual([
      { kind: 'paragraph', text: 'The engineering track, wrapped.' },
      { kind: 'paragraph', text: 'Second.' },
    ]);
    expect(textBlocks(' \n\n')).toEqual([]);
  });

  it('makes lines that start with -, * or + a list, which an indented line continues', () => {
    expect(
      textBlocks(
        'We value:\n- shipping small changes\n  often\n* clear writing\n+ kindness\nAfter.',
      ),
    ).toEqual([
      { kind: 'paragraph', text: 'We value:' },
      bullets('shipping small changes often', 'clear writing', 'kindness'),
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('keeps one list across blank lines between its items', () => {
    expect(textBlocks('- a\n\n- b\n\nAfter.')).toEqual([
      bullets('a', 'b'),
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('makes numbered lines an ordered list, from its first number', () => {
    expect(textBlocks('Steps:\n1. First\n2) Second\n\n3. Third\n- other')).toEqual([
      { kind: 'paragraph', text: 'Steps:' },
      { kind: 'list', ordered: true, start: 1, items: ['First', 'Second', 'Third'] },
      bullets('other'),
    ]);
    expect(textBlocks('4. Fourth')).toEqual([
      { kind: 'list', ordered: true, start: 4, items: ['Fourth'] },
    ]);
  });

  it('does not take a number that wraps to the start of a line for a list, nor a bare marker', () => {
    expect(
      textBlocks('We grew from five people in\n2019. Then we split.\n-\n*not an item*'),
    ).toEqual([
      {
        kind: 'paragraph',
        text: 'We grew from five people in 2019. Then we split. - *not an item*',
      },
    ]);
  });
});
