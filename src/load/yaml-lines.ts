/**
 * Reading the lines of hand-written YAML around a syntax error (indents, keys, list items), and
 * what a slip found there is.
 */

/** The lines of a text, without their line ends. */
export function linesOf(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Whether a line is empty, white space or a comment. */
export function isBlank(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

/** The number of spaces before a line's first character. */
export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Whether a line starts a list item (`- `). */
export function isItem(line: string): boolean {
  return /^\s*-(\s|$)/.test(line);
}

/** The column (0-based) where a line's key starts, after any `- ` item marks. */
export function keyColumn(line: string): number {
  const marks = /^\s*(?:-\s+)*/.exec(line);
  return marks ? marks[0].length : indentOf(line);
}

const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#:'"[\]{},-][^:#]*?|-[^\s:#][^:#]*?):(?:\s|$)/;

/** The key a line starts (`title` of `    title: Junior`, of `- id: L1` its `id`), if any. */
export function keyOf(line: string): string | undefined {
  const match = KEY.exec(line.slice(keyColumn(line)));
  return match ? match[0].replace(/:\s*$/, '').trim() : undefined;
}

/** The nearest line before (`step` -1) or after (+1) `index` that is not blank or a comment. */
export function nearest(lines: readonly string[], index: number, step: 1 | -1): number | undefined {
  for (let i = index + step; i >= 0 && i < lines.length; i += step)
    if (!isBlank(lines[i] ?? '')) return i;
  return undefined;
}

/** `one space`, `3 spaces`. */
export function spaces(n: number): string {
  return n === 1 ? 'one space' : `${n} spaces`;
}

/** A slip found: where to change something (1-based) and what to say, when we know better. */
export interface Slip {
  readonly line: number;
  readonly column: number;
  readonly message?: string;
}

/**
 * How a slip's message may speak of the file: whether it may show a key the author wrote, and the
 * line number of the text's first line less one (a packet's front matter starts after `---`).
 */
export interface SlipWording {
  readonly quote: boolean;
  readonly firstLine: number;
}
