// Lists written as Markdown directly must be byte for byte what the nodes they stand for
// serialise to, wherever the fast serialiser writes them and wherever it declines.
import fc from 'fast-check';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { list, paragraph, serialise, serialiseWithRemark } from '../../src/render/markdown';
import {
  paragraphMarkdown,
  runsInline,
  runsList,
  type StyledRun,
} from '../../src/render/prewritten';
import { type Block, serialiseFast, UnsupportedNode } from '../../src/render/serialise';
import { SEED } from '../property/settings';
import { MARKDOWN_PIECES } from './markdown-pieces';

// Words, spaces of several kinds, and everything Markdown or GFM could read as syntax.
// The pieces of the Markdown tests, and white space and a control character the lists may hold.
const pieces = [...MARKDOWN_PIECES, 'team’s', '\t', '\n', '\u00a0', '\u0001'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
const run = fc.record({
  style: fc.constantFrom<StyledRun['style']>('plain', 'plain', 'strong', 'emphasis', 'delete'),
  text,
});
const runs = fc.array(run, { maxLength: 8 });

/** What the fast serialiser writes for these blocks, or undefined where it declines. */
function fast(blocks: readonly Block[]): string | undefined {
  try {
    return serialiseFast(blocks);
  } catch (error) {
    if (error instanceof UnsupportedNode) return undefined;
    throw error;
  }
}

describe('paragraphMarkdown', () => {
  it('writes what the serialiser writes for the paragraph, and declines where it does', () => {
    fc.assert(
      fc.property(runs, (r) => {
        const expected = fast([paragraph(...runsInline(r))]);
        expect(paragraphMarkdown(r)).toBe(expected?.slice(0, -1));
      }),
      { numRuns: 5000, seed: SEED },
    );
  });
});

describe('runsList', () => {
  it('serialises exactly as the list of nodes, on the fast path and off it', () => {
    let written = 0;
    fc.assert(
      fc.property(fc.array(runs, { maxLength: 4 }), (items) => {
        const block = runsList(items);
        const nodes = list(items.map(runsInline));
        if (block.type === 'prewritten') written += 1;
        expect(fast([block])).toBe(fast([nodes]));
        expect(serialise([paragraph('Before.'), block])).toBe(
          serialise([paragraph('Before.'), nodes]),
        );
      }),
      { numRuns: 3000, seed: SEED },
    );
    // Most lists take the fast path, so the comparison above means something.
    expect(written).toBeGreaterThan(600);
  });

  it('goes back to its nodes when another block sends the page to to-markdown', () => {
    const items: StyledRun[][] = [[{ style: 'plain', text: 'Plans *small* tasks_alone' }]];
    // A link title is something the fast serialiser declines.
    const titled: RootContent = {
      type: 'paragraph',
      children: [
        { type: 'link', url: 'x.md', title: 't', children: [{ type: 'text', value: 'x' }] },
      ],
    };
    const block = runsList(items);
    expect(block.type).toBe('prewritten');
    expect(serialise([block, titled])).toBe(
      serialiseWithRemark([list(items.map(runsInline)), titled]),
    );
  });
});
