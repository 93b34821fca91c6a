/**
 * A fast serialiser for the small mdast subset our pages are built from (see markdown.ts).
 * mdast-util-to-markdown escapes minimally and by context, which costs about 10 µs per text
 * node and dominated `ladder render` (issue 7). Here every character that can be Markdown
 * syntax anywhere is backslash-escaped wherever it stands, which is always safe in CommonMark
 * and GFM, so no context is needed. Trees with any other node type go to mdast-util-to-markdown
 * (`fallback`). test/render/serialise.test.ts parses the output back and checks it both ways.
 */
import type { Nodes, PhrasingContent, RootContent, TableRow } from 'mdast';

/** Thrown for a node this serialiser does not handle; the caller falls back to to-markdown. */
export class UnsupportedNode extends Error {}

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
// then the five replacements are skipped.
const MAY_NEED_ESCAPE =
  /[\\`*_[\]<|~]|&#?[A-Za-z0-9]+;|[PpSs]:\/|[Ww]\.[-.\w]|[+\-.\w]@[-.\w]|\p{Cc}|#$|^[-+=:#>\d]/u;

/** Escapes plain text so that it renders literally anywhere inline. */
export function escapeText(value: string, atLineStart: boolean): string {
  if (!MAY_NEED_ESCAPE.test(value)) return value;
  let out = value.replace(ESCAPE, '\\$&');
  // An autolink literal would take the escapes after it into its link text, where they show
  // (`https://x.y/\*`); break `https://`, `www.` and `a@b` as to-markdown does (issue 8).
  out = out.replace(AUTOLINK, (m) => `${m.charAt(0)}\\${m.charAt(1)}`);
  out = out.replace(CONTROL, (c) => `&#x${c.codePointAt(0)?.toString(16).toUpperCase()};`);
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

function destination(url: string): string {
  return /[\s<>()\\]|\p{Cc}/u.test(url) ? `<${url.replace(/[<>\\]/g, '\\$&')}>` : url;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether `marker` around `inner` opens and closes emphasis between `before` and `after`
 * (CommonMark's flanking rules). When it would not, the page goes to to-markdown instead,
 * which encodes the neighbouring characters.
 */
function delimits(marker: string, inner: string, before: string, after: string): boolean {
  const first = inner.charAt(0);
  const last = inner.charAt(inner.length - 1);
  if (inner === '' || WHITESPACE.test(first) || WHITESPACE.test(last)) return false;
  const open = (c: string) => c === '' || WHITESPACE.test(c) || PUNCTUATION.test(c);
  if (PUNCTUATION.test(first) && !open(before)) return false;
  if (PUNCTUATION.test(last) && !open(after)) return false;
  // `_` does not work inside words.
  if (marker === '_' && (WORD.test(before) || WORD.test(after))) return false;
  return true;
}

function phrasing(nodes: readonly PhrasingContent[], atLineStart: boolean): string {
  const parts = nodes.map((node, i) => inline(node, atLineStart && i === 0));
  let out = '';
  nodes.forEach((node, i) => {
    const part = parts[i] ?? '';
    const marker =
      node.type === 'strong'
        ? '**'
        : node.type === 'emphasis'
          ? '_'
          : node.type === 'delete'
            ? '~~'
            : '';
    if (marker !== '') {
      const inner = part.slice(marker.length, part.length - marker.length);
      if (!delimits(marker, inner, out.slice(-1), (parts[i + 1] ?? '').charAt(0)))
        throw new UnsupportedNode('emphasis edge');
    }
    out += part;
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

function block(node: RootContent | Nodes): string {
  switch (node.type) {
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

/** Serialises block nodes separated by blank lines, or throws `UnsupportedNode`. */
export function serialiseFast(children: readonly RootContent[]): string {
  return `${children.map(block).join('\n\n')}\n`;
}
