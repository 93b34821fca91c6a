/**
 * The common slips of hand-written YAML, told where the author must change something. The
 * parser reports where it gave up, which is often a line early or late: one space too many
 * before `theme:` makes the line above a multi-line key, a key one space short ends the mapping
 * and is reported at the next line. These read the lines around the parser's position to find
 * the line out of line, the quote or bracket never closed, the key without its `:` or without
 * a space after it, the value that goes on after its quotes or brackets, the list item read as
 * text, and the text a ` #` cuts short.
 */
import {
  type Document,
  type ErrorCode,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  Scalar,
  visit,
} from 'yaml';
import { quote } from '../util/text';
import { misalignedKey } from './yaml-indent';
import {
  indentOf,
  isBlank,
  isItem,
  keyColumn,
  keyOf,
  linesOf,
  nearest,
  type Slip,
  type SlipWording,
  spaces,
} from './yaml-lines';

/** An error as the library reports it: its code, its own words and source offsets. */
export interface YamlError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly pos: readonly [number, number];
}

const PLAIN: SlipWording = { quote: true, firstLine: 0 };

const INDENTATION: ReadonlySet<ErrorCode> = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'UNEXPECTED_TOKEN',
]);

/**
 * The line out of line near line `from` (0-based): one whose neighbours above and below start
 * at the same column while it does not. Its key or item is what the author must move. A key of
 * the line above is shown as an example only when `wording.quote` (never in front matter).
 */
function outOfLine(lines: readonly string[], from: number, wording: SlipWording): Slip | undefined {
  for (let x = from; x < Math.min(lines.length, from + 3); x += 1) {
    const line = lines[x] ?? '';
    if (isBlank(line)) continue;
    const p = nearest(lines, x, -1);
    const n = nearest(lines, x, 1);
    if (p === undefined || n === undefined) continue;
    const above = lines[p] ?? '';
    const below = lines[n] ?? '';
    const item = isItem(line) && keyOf(line) === undefined;
    const column = (l: string) => (item ? indentOf(l) : keyColumn(l));
    // A key beside list items (a dimension after the statements of the one before) lines up
    // with no item: misalignedKey finds the key it belongs with.
    const keys = [line, above, below].every((l) => keyOf(l) !== undefined);
    if (item ? !isItem(above) || !isItem(below) : !keys) continue;
    if (column(above) !== column(below) || column(line) === column(above)) continue;
    const off = column(line) - column(above);
    const sibling = item ? 'the items' : 'the keys';
    const example = wording.quote ? keyOf(above) : undefined;
    return {
      line: x + 1,
      column: column(line) + 1,
      message: `This line is indented ${spaces(Math.abs(off))} ${off > 0 ? 'more' : 'less'} than ${sibling} around it${example === undefined ? '' : ` (\`${example.slice(0, 40)}:\` on line ${p + 1 + wording.firstLine})`}; line it up at column ${column(above) + 1}.`,
    };
  }
  return undefined;
}

/**
 * A list item at line `index` not lined up with any item above it: it is compared with the item
 * above whose `-` is nearest to its column, the one it most likely belongs with.
 */
function misplacedItem(
  lines: readonly string[],
  index: number,
  wording: SlipWording,
): Slip | undefined {
  const line = lines[index] ?? '';
  if (!isItem(line)) return undefined;
  const column = indentOf(line);
  let best: number | undefined;
  for (let i = index - 1; i >= 0 && i >= index - 500; i -= 1) {
    const other = lines[i] ?? '';
    if (!isItem(other)) continue;
    const off = Math.abs(indentOf(other) - column);
    if (off === 0) return undefined;
    if (best === undefined || off < Math.abs(indentOf(lines[best] ?? '') - column)) best = i;
  }
  if (best === undefined) return undefined;
  const target = indentOf(lines[best] ?? '');
  const off = column - target;
  return {
    line: index + 1,
    column: column + 1,
    message: `This list item is indented ${spaces(Math.abs(off))} ${off > 0 ? 'more' : 'less'} than the list item on line ${best + 1 + wording.firstLine}; line its \`-\` up at column ${target + 1}.`,
  };
}

/** The node of `doc` whose range holds `offset` and starts last, among those `pick` accepts. */
function innermost(
  doc: Document.Parsed,
  offset: number,
  pick: (node: unknown) => boolean,
): { range: readonly [number, number, number] } | undefined {
  let best: { range: readonly [number, number, number] } | undefined;
  visit(doc, (_, node) => {
    if (!pick(node)) return;
    const range = (node as { range?: readonly [number, number, number] | null }).range;
    if (!range || range[0] > offset || range[1] < offset) return;
    if (!best || range[0] >= best.range[0]) best = { range };
  });
  return best;
}

/** What a value that starts with a character YAML gives a meaning to turns into, and its end. */
const SPECIAL_STARTS: readonly { readonly start: RegExp; readonly what: string }[] = [
  { start: /^(["'])(?:(?!\1).)*\1\s*[^\s#]/, what: 'quoted text, which ends at the closing quote' },
  { start: /^\[[^\]]*\]\s*[^\s#,]/, what: 'a list, which ends at its `]`' },
  { start: /^\{[^}]*\}\s*[^\s#,]/, what: 'a mapping, which ends at its `}`' },
  { start: /^\*\S+\s+[^\s#]/, what: 'an alias (`*name`), one word long' },
  { start: /^[>|][-+0-9]*\s+[^\s#]/, what: 'a block of text on the lines below it' },
];

/** `text` in the YAML quotes that keep it whole, clipped for a message. */
function quotedText(text: string): string {
  const shown = quote(text, 50);
  return shown.startsWith("'") && !shown.includes('"')
    ? `"${shown}"`
    : `'${shown.replaceAll("'", "''")}'`;
}

/**
 * A line whose value starts with a quote, a bracket, `*`, `>` or `|` and goes on after what
 * that starts (`- "Owns" the roadmap`, `- [Draft] plan`): YAML cannot read the rest. At the
 * value, with the quotes that make the whole line text.
 */
function specialStart(line: string, wording: SlipWording): Omit<Slip, 'line'> | undefined {
  const marks = keyColumn(line);
  const key = /^[^\s#:'"[\]{},][^:#]*?:\s+/.exec(line.slice(marks));
  const column = marks + (key ? key[0].length : 0);
  const value = line.slice(column);
  const found = SPECIAL_STARTS.find((s) => s.start.test(value));
  if (!found) return undefined;
  return {
    column: column + 1,
    message: `A value that starts with \`${value[0]}\` is ${found.what}, so YAML cannot read the text after it; put the whole text in quotes${wording.quote ? ` (\`${quotedText(value.trim())}\`)` : ''}.`,
  };
}

/**
 * A value with a `: ` in it (`title: Engineer II: Backend`, `- Owns: the roadmap: all of it`):
 * YAML reads the `: ` as a mapping that cannot start there. An item's first word counts as text
 * when it does not look like a key (a space or a capital in it: `Owns`, not `id`). At the value,
 * with the quotes that keep it text.
 */
function colonInValue(line: string, wording: SlipWording): Omit<Slip, 'line'> | undefined {
  const marks = keyColumn(line);
  const key = keyOf(line);
  const text = key === undefined || (isItem(line) && /[\sA-Z]/.test(key));
  const start = text ? marks : (/^[^:]*:\s+/.exec(line.slice(marks))?.[0].length ?? 0) + marks;
  const value = line
    .slice(start)
    .replace(/\s+#.*$/, '')
    .trim();
  if (!/:(\s|$)/.test(value) || /^["'[{|>&*!]/.test(value)) return undefined;
  // `expectations: mastery:` is a mapping meant to start on the next line: the parser says so.
  if (/^[a-z0-9_-]+:/.test(value)) return undefined;
  const shown = text ? `- ${quotedText(value)}` : `${key}: ${quotedText(value)}`;
  return {
    column: start + 1,
    message: `${text ? 'This text' : 'This value'} holds a \`: \`, which YAML reads as the start of a mapping; put the whole ${text ? 'text' : 'value'} in quotes${wording.quote ? ` (\`${shown}\`)` : ''}.`,
  };
}

/**
 * Where to change something for the parser's first syntax error `first` (of `errors`), worded
 * as `wording` allows.
 */
export function pinpoint(
  text: string,
  doc: Document.Parsed,
  lineCounter: LineCounter,
  first: YamlError,
  wording: SlipWording = PLAIN,
): Slip | undefined {
  const lines = linesOf(text);
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const quote = /Missing closing (["'])quote/.exec(first.message)?.[1];
  if (first.code === 'MISSING_CHAR' && quote !== undefined) {
    const scalar = innermost(
      doc,
      first.pos[0],
      (n) =>
        n instanceof Scalar &&
        n.type === (quote === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE),
    );
    if (scalar)
      return {
        ...at(scalar.range[0]),
        message: `This quoted text has no closing \`${quote}\`; add it where the text ends (${quote === '"' ? 'a `"` inside the text is written `\\"`' : "a `'` inside the text is written `''`"}).`,
      };
  }
  if (/flow (sequence|mapping)/i.test(first.message)) {
    const flow = innermost(
      doc,
      first.pos[0],
      (n) => (isSeq(n) || isMap(n)) && (n as { flow?: boolean }).flow === true,
    );
    if (flow) {
      const open = text[flow.range[0]] === '{' ? '{' : '[';
      const close = open === '{' ? '}' : ']';
      return {
        ...at(flow.range[0]),
        message: `This \`${open}\` is never closed; add \`${close}\` where the ${open === '[' ? 'list' : 'mapping'} ends, or put the text in quotes if the \`${open}\` belongs to it.`,
      };
    }
  }
  if (!INDENTATION.has(first.code)) return undefined;
  const index = at(first.pos[0]).line - 1;
  const line = lines[index] ?? '';
  const special = first.code === 'UNEXPECTED_TOKEN' ? specialStart(line, wording) : undefined;
  if (special) return { line: index + 1, ...special };
  // `-id: E2` beside `- id: E1`: a dash glued to its text is no list item.
  const dash = /^(\s*)-[^\s-]/.exec(line);
  if (dash && lines.some((l, i) => i !== index && isItem(l) && indentOf(l) === indentOf(line)))
    return {
      line: index + 1,
      column: indentOf(line) + 1,
      message: `A list item's \`-\` needs a space after it${wording.quote ? ` (\`- ${line.trim().slice(1, 41)}\`)` : ''}; without one the line is text, not an item.`,
    };
  const colon = first.code === 'BLOCK_AS_IMPLICIT_KEY' ? colonInValue(line, wording) : undefined;
  if (colon) return { line: index + 1, ...colon };
  // `title:Senior Engineer`: a `:` with no space after it is text, not a key.
  const glued = /^(\s*(?:-\s+)?)([^\s:#'"[\]{},-][^\s:#]*):(?=[^\s:])/.exec(line);
  if (first.code === 'MULTILINE_IMPLICIT_KEY' && glued && keyOf(line) === undefined) {
    const key = glued[2] ?? '';
    const colon = (glued[1] ?? '').length + key.length;
    return {
      line: index + 1,
      column: colon + 1,
      message: `This \`:\` has no space after it, so YAML reads the line as text, not as ${wording.quote ? `the key \`${key.slice(0, 40)}\`` : 'a key'}; put a space after the \`:\`${
        wording.quote
          ? ` (\`${key.slice(0, 40)}: ${line
              .slice(colon + 1)
              .trim()
              .slice(0, 40)}\`)`
          : ''
      }.`,
    };
  }
  if (
    first.code === 'MULTILINE_IMPLICIT_KEY' &&
    !isItem(line) &&
    keyOf(line) === undefined &&
    !/:(\s|$)/.test(line)
  ) {
    return {
      line: index + 1,
      column: indentOf(line) + 1,
      message:
        'This line has no `:`; write `key: value`, or put the text in quotes if it goes on from the line above.',
    };
  }
  const slip =
    outOfLine(lines, Math.max(0, index), wording) ??
    misplacedItem(lines, index, wording) ??
    misalignedKey(lines, index, wording);
  if (slip) return slip;
  // At least point at the line's first character, not at the spaces before it.
  return isBlank(line) ? undefined : { line: index + 1, column: indentOf(line) + 1 };
}

/**
 * List items read as text: a `- ` line indented more than the item above it continues that
 * item's text (`- Learns the basics. - Asks for help.`), which is valid YAML and almost never
 * meant. One per item; at the `-`.
 */
export function foldedItems(
  doc: Document.Parsed,
  text: string,
  lineCounter: LineCounter,
  wording: SlipWording = PLAIN,
): Slip[] {
  const found: Slip[] = [];
  eachScalar(doc, (node) => {
    if (node.type !== Scalar.PLAIN || !node.range) return;
    // Most scalars are on one line: nothing to read for them.
    const newline = text.indexOf('\n', node.range[0]);
    if (newline < 0 || newline >= node.range[1]) return;
    const source = text.slice(node.range[0], node.range[1]);
    const folded = /\n[ \t]*- /.exec(source);
    if (!folded) return;
    const dash = node.range[0] + folded.index + folded[0].indexOf('-');
    const { line, col } = lineCounter.linePos(dash);
    const item = lineCounter.linePos(node.range[0]);
    found.push({
      line,
      column: col,
      message: `This \`- \` line is indented more than the list item above it (line ${item.line + wording.firstLine}), so it is read as more of that item's text; line the \`-\` up with the one above, or put the text in quotes if the dash belongs to it.`,
    });
  });
  return found;
}

/**
 * Text cut short by a comment: ` #` starts a YAML comment even inside unquoted text, so
 * `- Mentors in the #mentoring channel.` is the statement `Mentors in the`. Valid YAML, and a
 * comment is welcome, so only a `#` followed by a word (`#mentoring`, `#123`) right after unquoted
 * text counts: a comment is written `# like this`. One per value; at the `#`.
 */
export function commentsInText(
  doc: Document.Parsed,
  text: string,
  lineCounter: LineCounter,
  wording: SlipWording = PLAIN,
): Slip[] {
  const found: Slip[] = [];
  eachScalar(doc, (node) => {
    if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !node.range) return;
    const [start, end, nodeEnd] = node.range;
    if (nodeEnd <= end) return;
    const after = /^[ \t]+#([^\s#][^\n]*)/.exec(text.slice(end, nodeEnd));
    if (!after) return;
    const hash = end + after[0].indexOf('#');
    const { line, col } = lineCounter.linePos(hash);
    const cut = `${text.slice(start, end)} #${after[1] ?? ''}`.trim();
    found.push({
      line,
      column: col,
      message: wording.quote
        ? `This \`#\` starts a YAML comment, so the text from it on (\`${quote(`#${after[1] ?? ''}`, 40)}\`) is left out of the value \`${quote(node.value, 40)}\`; put the whole text in quotes (\`'${quote(cut.replaceAll("'", "''"))}'\`), or a space after the \`#\` if it is a comment.`
        : 'This `#` starts a YAML comment, so the text from it on is left out of the value; put the whole text in quotes, or a space after the `#` if it is a comment.',
    });
  });
  return found;
}

/**
 * Calls `fn` on every scalar of `doc`, keys and values, in document order (as `yaml`'s `visit`
 * does, without the frozen path it builds for every node, which cost about 3% of validating
 * 1,000 ladders).
 */
function eachScalar(doc: Document.Parsed, fn: (node: Scalar) => void): void {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node)) fn(node);
    else if (isMap(node) || isSeq(node))
      for (let i = node.items.length - 1; i >= 0; i -= 1) stack.push(node.items[i]);
    else if (isPair(node)) stack.push(node.value, node.key);
  }
}
