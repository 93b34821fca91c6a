/**
 * A key at a column no mapping around it uses: one space off beside a block of children
 * (`expectations:` one space short over its dimensions), or under a list of statements (a
 * dimension one space short after the statements of the one before). The parser reports it a
 * line early or as something else; a key may start where its siblings start, where the keys of
 * the mappings it is nested in start, or deeper under a key that opens a block.
 */

import {
  indentOf,
  isBlank,
  isItem,
  keyColumn,
  keyOf,
  type Slip,
  type SlipWording,
  spaces,
} from './yaml-lines';

/** A key of the mappings a line may belong to: its column (0-based), name and line. */
interface OpenKey {
  readonly column: number;
  readonly key: string | undefined;
  readonly line: number;
}

/**
 * The keys above line `x` that a key on it could line up with, nearest first: going up, each
 * line that starts left of all those below it (and the key of a `- key:` item).
 */
function openKeys(lines: readonly string[], x: number): OpenKey[] {
  const open: OpenKey[] = [];
  let least = Number.POSITIVE_INFINITY;
  for (let i = x - 1; i >= 0 && least > 0; i -= 1) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    const start = indentOf(line);
    if (start >= least) continue;
    const key = keyOf(line);
    if (key !== undefined && keyColumn(line) < least)
      open.push({ column: keyColumn(line), key, line: i });
    least = start;
  }
  return open;
}

/** Whether a line ends with a key and no value: what follows it, deeper, is its value. */
function opensBlock(line: string): boolean {
  return keyOf(line) !== undefined && /:\s*(?:[|>][-+0-9]*\s*)?(?:#.*)?$/.test(line);
}

/**
 * Whether `first`, the first key under a key that opens a block, stands alone against `other`
 * and a later key at `other`'s column, before the block ends.
 */
function firstOutvoted(lines: readonly string[], first: OpenKey, other: OpenKey): boolean {
  let before = first.line - 1;
  while (before >= 0 && isBlank(lines[before] ?? '')) before -= 1;
  if (before < 0 || !opensBlock(lines[before] ?? '')) return false;
  const floor = Math.min(first.column, other.column);
  for (let i = other.line + 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    if (indentOf(line) < floor) break;
    if (!isItem(line) && keyOf(line) !== undefined && keyColumn(line) === other.column) return true;
  }
  // One against one: the one indented by the file's step from the block's key is right.
  const step = lines.map(indentOf).find((n, i) => n > 0 && !isBlank(lines[i] ?? '')) ?? 2;
  const parent = keyColumn(lines[before] ?? '');
  return other.column - parent === step && first.column - parent !== step;
}

/**
 * The key near line `from` (0-based; it and the lines around it) that no mapping around it
 * lines up with, told to line up with the nearest that does.
 */
export function misalignedKey(
  lines: readonly string[],
  from: number,
  wording: SlipWording,
): Slip | undefined {
  // The first in reading order: the lines after a key out of line are judged by it.
  for (const x of [from - 1, from, from + 1]) {
    const line = lines[x] ?? '';
    if (x < 0 || isBlank(line) || keyOf(line) === undefined || isItem(line)) continue;
    const column = keyColumn(line);
    let above = x - 1;
    while (above >= 0 && isBlank(lines[above] ?? '')) above -= 1;
    if (above < 0) continue;
    const previous = lines[above] ?? '';
    if (column > indentOf(previous) && opensBlock(previous)) continue;
    const open = openKeys(lines, x);
    if (open.length === 0 || open.some((o) => o.column === column)) continue;
    // The nearest column; of two as near, the one nearest above (a sibling before a parent).
    const best = open.reduce((a, b) =>
      Math.abs(b.column - column) < Math.abs(a.column - column) ? b : a,
    );
    // The first key of a block sets its column for the parser; when the keys after it agree
    // with one another and not with it, that first key is the one out of line.
    const here: OpenKey = { column, key: keyOf(line), line: x };
    const [wrong, right] = firstOutvoted(lines, best, here) ? [best, here] : [here, best];
    const off = wrong.column - right.column;
    const example =
      wording.quote && right.key !== undefined
        ? ` (\`${right.key.slice(0, 40)}:\` on line ${right.line + 1 + wording.firstLine})`
        : '';
    return {
      line: wrong.line + 1,
      column: wrong.column + 1,
      message: `This key is indented ${spaces(Math.abs(off))} ${off > 0 ? 'more' : 'less'} than the key${wrong === best ? 's after it' : ' it belongs with'}${example}; line it up at column ${right.column + 1}.`,
    };
  }
  return undefined;
}
