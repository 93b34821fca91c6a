// The fix for micromark's quadratic `EditMap.consume` (src/packet/micromark-edit-map.ts): it
// edits event lists exactly as micromark's own `consume` does, and it is the one micromark runs
// once the packet parser is loaded.
import fc from 'fast-check';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, it } from 'vitest';
import { consumeInPlace, micromarkConsume } from '../../src/packet/micromark-edit-map';
import { markdownTree } from '../../src/packet/parse';
import { runs, SEED } from '../property/settings';

/** Edits as micromark makes them: `add` or `addBefore` at an index, removing some events. */
const edits = fc.array(
  fc.record({
    at: fc.nat(40),
    remove: fc.nat(5),
    add: fc.array(fc.integer({ min: 100, max: 199 }), { maxLength: 4 }),
    before: fc.boolean(),
  }),
  { maxLength: 6 },
);

function apply(
  consume: (this: EditMap, events: unknown[]) => undefined,
  events: readonly number[],
  list: readonly { at: number; remove: number; add: number[]; before: boolean }[],
): unknown[] {
  const map = new EditMap();
  for (const e of list) {
    const add = [...e.add] as unknown as Parameters<EditMap['add']>[2];
    if (e.before) map.addBefore(e.at, e.remove, add);
    else map.add(e.at, e.remove, add);
  }
  const out: unknown[] = [...events];
  consume.call(map, out);
  return out;
}

describe('the in-place EditMap consume', () => {
  it('edits every list exactly as micromark’s own consume', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 50 }),
        edits,
        (events, list) => {
          expect(apply(consumeInPlace, events, list)).toEqual(
            apply(micromarkConsume, events, list),
          );
        },
      ),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it('is the consume micromark runs, and parses setext headings and lists as before', () => {
    expect(EditMap.prototype.consume).toBe(consumeInPlace);
    const tree = markdownTree('Title\n=====\n\n- a\n- b\n\nafter\n\n> quote\n\nlazy\n');
    expect(tree.children.map((n) => n.type)).toEqual([
      'heading',
      'list',
      'paragraph',
      'blockquote',
      'paragraph',
    ]);
  });
});
