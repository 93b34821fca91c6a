/**
 * A fast serialiser for the small mdast subset our pages are built from (see markdown.ts).
 * mdast-util-to-markdown escapes minimally and by context, which costs about 10 µs per text
 * node and dominated `ladder render` (issue 7). Here every character that can be Markdown
 * syntax anywhere is backslash-escaped wherever it stands, which is always safe in CommonMark
 * and GFM, so no context is needed. Trees with any other node type go to mdast-util-to-markdown
 * (`fallback`). test/render/serialise.test.ts parses the output back and checks it both ways.
 */
import type { Nodes, PhrasingContent, RootContent, TableRow } from 'mdast';
import { escapeDollars } from '../markdown/serialise';

/** Thrown for a node this serialiser does not handle; the caller falls back to to-markdown. */
export class UnsupportedNode extends Error {}

/**
 * A block already written as Markdown, byte for byte what `serialiseFast` writes for `tree()`
 * (see prewritten.ts), so that the largest parts of a page skip building nodes. `tree` gives
 * the nodes for a page that goes to to-markdown after all.
 */
export interface Prewritten {
  readonly type: 'prewritten';
  readonly markdown: string;
  readonly tree: () => RootContent;
}

/** A block of a page: a node, or one already written. */
export type Block = RootContent | Prewritten;

// Punctuation that is syntax anywhere in a line (emphasis, code, links, HTML, tables), escaped
// with a backslash wherever it appears; `!` needs no escape because the `[` after it is escaped. GFM's autolink literals (`www.x.y`,
// `https://...`, `a@b.c`) cannot be escaped this way (micromark links them after escapes are
// resolved), so, as with to-markdown, addresses in ladder text become links.
const ESCAPE = /[\\`*_[\]<|~]|&(?=#?[A-Za-z0-9]+;)/g;
// Starts of a line that open a block: list markers, thematic breaks, headings, block quotes,
// setext underlines and tables' leading colons (ordered-list numbers are handled apart).
const LINE_START = /^[-+=:#>]/;
// A run of `#` at the end of a heading after a space is its optional closing sequence.
const CLOSING_HASHES = /(^|\s)(#+)$/;
// Where GFM's autolink literals start (mdast-util-gfm-autolink-literal's unsafe patterns): the
// `:` of `http://`, the `.` of `www.`, the `@` of an e-mail address.
const AUTOLINK = /[PpSs]:(?=\/)|[Ww]\.(?=[-.\w])|[+\-.\w]@(?=[-.\w])/g;
// Control characters cannot be written literally; write them as character references.
const CONTROL = /\p{Cc}/gu;

// Anything any of the patterns above could change, in one pass: most text has none of it, and
// then the five replacements are skipped. Away from the start of a line, a leading digit or
// mark changes nothing (a rewording's changed number, `~~2~~ **3**`, is text like that).
const MAY_NEED_ESCAPE_INLINE =
  /[\\`*_[\]<|~$]|&#?[A-Za-z0-9]+;|[PpSs]:\/|[Ww]\.[-.\w]|[+\-.\w]@[-.\w]|\p{Cc}|#$/u;
const MAY_NEED_ESCAPE =
  /[\\`*_[\]<|~$]|&#?[A-Za-z0-9]+;|[PpSs]:\/|[Ww]\.[-.\w]|[+\-.\w]@[-.\w]|\p{Cc}|#$|^[-+=:#>\d]/u;

/** Escapes plain text so that it renders literally anywhere inline. */
export function escapeText(value: string, atLineStart: boolean): string {
  if (!(atLineStart ? MAY_NEED_ESCAPE : MAY_NEED_ESCAPE_INLINE).test(value)) return value;
  let out = value.replace(ESCAPE, '\\$&');
  // An autolink literal would take the escapes after it into its link text, where they show
  // (`https://x.y/\*`); break `https://`, `www.` and `a@b` as to-markdown does (issue 8).
  out = out.replace(AUTOLINK, (m) => `${m.charAt(0)}\\${m.charAt(1)}`);
  out = out.replace(CONTROL, (c) => `&#x${c.codePointAt(0)?.toString(16).toUpperCase()};`);
  // As the one serialiser writes it (src/markdown/serialise.ts): never the edge of math.
  out = escapeDollars(out);
  out = out.replace(CLOSING_HASHES, (_, space: string, hashes: string) => `${space}\\${hashes}`);
  if (atLineStart) {
    const digits = /^(\d{1,9})([.)])/.exec(out);
    if (digits) out = `${digits[1]}\\${digits[2]}${out.slice(digits[0].length)}`;
    else if (LINE_START.test(out)) out = `\\${out}`;
  }
  return out;
}

function inlineCode(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || /^ .* $/.test(value) ? ' ' : '';
  return `${fence}${pad}${value.replace(/\n/g, ' ')}${pad}${fence}`;
}

// What a link destination cannot hold bare: white space, brackets, backslashes, control characters.
const NEEDS_BRACKETS = /[\s<>()\\]|\p{Cc}/u;

function destination(url: string): string {
  return NEEDS_BRACKETS.test(url) ? `<${url.replace(/[<>\\]/g, '\\$&')}>` : url;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;

// Classes of a character for the flanking rules, ASCII from a table (most text is ASCII and
// the Unicode classes above are slow), the rest by those patterns.
const SPACE_CLASS = 1;
const PUNCTUATION_CLASS = 2;
const WORD_CLASS = 3;
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, code) =>
  classByPattern(String.fromCharCode(code)),
);

/** SPACE_CLASS, PUNCTUATION_CLASS, WORD_CLASS or 0 for one UTF-16 unit ('' is 0). */
function classOf(c: string): number {
  const code = c.charCodeAt(0);
  if (code < 128) return ASCII_CLASS[code] ?? 0;
  return c === '' ? 0 : classByPattern(c);
}

function classByPattern(c: string): number {
  return WHITESPACE.test(c)
    ? SPACE_CLASS
    : PUNCTUATION.test(c)
      ? PUNCTUATION_CLASS
      : WORD.test(c)
        ? WORD_CLASS
        : 0;
}

/**
 * Whether `marker` around text starting with `first` and ending with `last` (both '' when it is
 * empty) opens and closes emphasis between the characters `before` and `after` (CommonMark's
 * flanking rules). When it would not, the page goes to to-markdown instead, which encodes the
 * neighbouring characters.
 */
export function delimits(
  marker: string,
  first: string,
  last: string,
  before: string,
  after: string,
): boolean {
  const firstClass = classOf(first);
  const lastClass = classOf(last);
  if (first === '' || firstClass === SPACE_CLASS || lastClass === SPACE_CLASS) return false;
  const open = (c: string) => {
    if (c === '') return true;
    const k = classOf(c);
    return k === SPACE_CLASS || k === PUNCTUATION_CLASS;
  };
  if (firstClass === PUNCTUATION_CLASS && !open(before)) return false;
  if (lastClass === PUNCTUATION_CLASS && !open(after)) return false;
  // `_` does not work inside words.
  if (marker === '_' && (classOf(before) === WORD_CLASS || classOf(after) === WORD_CLASS))
    return false;
  return true;
}

const MARKERS: Partial<Record<PhrasingContent['type'], string>> = {
  strong: '**',
  emphasis: '_',
  delete: '~~',
};

function phrasing(nodes: readonly PhrasingContent[], atLineStart: boolean): string {
  // Most headings and paragraphs are one text: nothing around it to check.
  const only = nodes.length === 1 ? nodes[0] : undefined;
  if (only?.type === 'text') return escapeText(only.value, atLineStart);
  const parts = nodes.map((node, i) => inline(node, atLineStart && i === 0));
  let out = '';
  // The last character written, kept apart: reading it from `out` would flatten the string.
  let before = '';
  nodes.forEach((node, i) => {
    const part = parts[i] ?? '';
    const marker = MARKERS[node.type];
    if (marker !== undefined) {
      const inner = part.length - 2 * marker.length;
      const first = inner > 0 ? part.charAt(marker.length) : '';
      const last = inner > 0 ? part.charAt(marker.length + inner - 1) : '';
      if (!delimits(marker, first, last, before, (parts[i + 1] ?? '').charAt(0)))
        throw new UnsupportedNode('emphasis edge');
    }
    out += part;
    if (part !== '') before = part.charAt(part.length - 1);
  });
  return out;
}

function inline(node: PhrasingContent, atLineStart: boolean): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value, atLineStart);
    case 'strong':
      return `**${phrasing(node.children, false)}**`;
    case 'emphasis':
      return `_${phrasing(node.children, false)}_`;
    case 'delete':
      return `~~${phrasing(node.children, false)}~~`;
    case 'inlineCode':
      return inlineCode(node.value);
    case 'link':
      if (node.title) throw new UnsupportedNode('link title');
      return `[${phrasing(node.children, false)}](${destination(node.url)})`;
    default:
      throw new UnsupportedNode(node.type);
  }
}

function row(node: TableRow): string {
  const cells = node.children.map((cell) => phrasing(cell.children, false));
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

function indent(text: string, prefix: string): string {
  return text.replace(/\n(?!\n|$)/g, `\n${prefix}`);
}

function block(node: Block | Nodes): string {
  switch (node.type) {
    case 'prewritten':
      return node.markdown;
    case 'heading':
      return `${'#'.repeat(node.depth)} ${phrasing(node.children, false)}`;
    case 'paragraph': {
      const text = phrasing(node.children, true);
      // Leading white space would make an indented code block; the builders never produce it.
      if (/^\s/.test(text)) throw new UnsupportedNode('leading white space');
      return text;
    }
    case 'html':
      return node.value;
    case 'code': {
      const longest = Math.max(2, ...[...node.value.matchAll(/^`{3,}/gm)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}${node.lang ?? ''}\n${node.value}\n${fence}`;
    }
    case 'list': {
      if (node.ordered || node.spread) throw new UnsupportedNode('ordered or spread list');
      return node.children
        .map((item) => {
          if (item.spread || (item.checked !== undefined && item.checked !== null))
            throw new UnsupportedNode('list item');
          return `- ${indent(item.children.map(block).join('\n'), '  ')}`;
        })
        .join('\n');
    }
    case 'table': {
      const [head, ...body] = node.children;
      if (!head) return '';
      const delimiter = `| ${head.children.map(() => '-').join(' | ')} |`;
      return [row(head), delimiter, ...body.map(row)].join('\n');
    }
    default:
      throw new UnsupportedNode(node.type);
  }
}

/** Serialises blocks separated by blank lines, or throws `UnsupportedNode`. */
export function serialiseFast(children: readonly Block[]): string {
  return `${children.map(block).join('\n\n')}\n`;
}
