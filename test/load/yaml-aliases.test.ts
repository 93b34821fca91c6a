// Where an alias makes the data go wrong: `excessiveAlias` must name the very alias at which
// `yaml`'s toJS gives up (it mirrors the library's count), whatever the anchors look like.
import { afterEach, describe, expect, it } from 'vitest';
import { Alias, type Document, LineCounter } from 'yaml';
import { excessiveAlias } from '../../src/load/yaml-aliases';
import { parsePinned } from '../../src/load/yaml-parse';

const toJSON = Alias.prototype.toJSON;

afterEach(() => {
  Alias.prototype.toJSON = toJSON;
});

/** The alias whose value threw in `toJS`, or undefined when the data was built. */
function stoppedAt(doc: Document, maxAliasCount: number): Alias | undefined {
  let stopped: Alias | undefined;
  Alias.prototype.toJSON = function (this: Alias, ...args: Parameters<typeof toJSON>) {
    try {
      return toJSON.apply(this, args);
    } catch (error) {
      stopped ??= this;
      throw error;
    }
  };
  try {
    doc.toJS({ maxAliasCount });
  } catch {
    // `stopped` says where.
  }
  Alias.prototype.toJSON = toJSON;
  return stopped;
}

const row = (anchor: string, items: string) => `${anchor}: &${anchor} [${items}]`;
const times = (item: string, n: number) => Array(n).fill(item).join(', ');

const documents: [string, string][] = [
  [
    'a billion laughs',
    ['a', 'b', 'c', 'd']
      .map((n, i) => row(n, i === 0 ? times('x', 10) : times(`*${'abc'[i - 1]}`, 10)))
      .join('\n'),
  ],
  ['aliases of a scalar', `a: &a x\nb: [${times('*a', 150)}]`],
  ['an alias before its anchor', 'a: *b\nb: &b x'],
  ['an anchor named again', `a: &a [x, x]\nb: &a [${times('y', 30)}]\nc: [${times('*a', 20)}]`],
  [
    'aliases in keys and values',
    `a: &a {k: [x, x, x]}\nb: {p: *a, q: *a}\nc: &c [*a, *a, *a]\nd: [${times('*c', 40)}]`,
  ],
  ['an alias inside its own anchor', 'a: &a [x, *a]\nb: [*a, *a]'],
  ['an empty list aliased', `a: &a []\nb: [${times('*a', 300)}]`],
  ['nested anchors', `a: &a [&b [x, x], &c {k: *b}]\nd: [${times('*c', 30)}, ${times('*a', 30)}]`],
];

describe('excessiveAlias', () => {
  it.each(documents)('names the alias toJS stops at: %s', (_, text) => {
    for (const limit of [-1, 0, 1, 5, 10, 50, 100, 1000]) {
      const doc = parsePinned(text, new LineCounter());
      expect(doc.errors).toEqual([]);
      const expected = stoppedAt(doc, limit);
      const found = excessiveAlias(doc, limit);
      expect(found?.range, `limit ${limit}`).toEqual(expected?.range);
    }
  });

  it("is checked on documents that toJS stops in at the ladders' limit", () => {
    // The table is worth something only if toJS stops in it, and not always at the first alias.
    const stops = documents.map(([, text]) => stoppedAt(parsePinned(text, new LineCounter()), 100));
    expect(stops.filter((alias) => alias !== undefined)).toHaveLength(4);
    expect(stops[0]?.range?.[0]).toBeGreaterThan(100);
  });
});
