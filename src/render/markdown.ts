/**
 * Small builders for Markdown syntax trees (mdast) and the one serialiser every page uses.
 * Text from the ladders only ever enters a page as a `text` node, so `mdast-util-to-markdown`
 * escapes whatever would otherwise be Markdown syntax (`*`, `_`, `|`, `<`, `[`, a leading `#`).
 */
import type {
  BlockContent,
  Code,
  Delete,
  Emphasis,
  Heading,
  Html,
  InlineCode,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Strong,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { withoutBidi, withoutInvisible } from '../markdown/safe-text';
import { serialise as serialiseTree } from '../markdown/serialise';

/** Inline content: a plain string (becomes a text node) or any phrasing node. */
export type Inline = string | PhrasingContent;

// White space that is not a single space: only then does a text need rewriting. (Two white
// spaces in a row are two spaces unless one is other white space, so this finds any run.)
const IRREGULAR_SPACE = /[^\S ]| {2}/;

/** Whether `value` is already as a text node holds it: no white space but single spaces. */
export function isSingleSpaced(value: string): boolean {
  return !IRREGULAR_SPACE.test(value);
}

/** Text as a text node holds it: every run of white space (line breaks too) made one space. */
export function singleSpaced(value: string): string {
  return isSingleSpaced(value) ? value : value.replace(/\s+/g, ' ');
}

/** A text node; runs of whitespace (including line breaks) become one space, bidi controls go. */
export function text(value: string): Text {
  return { type: 'text', value: singleSpaced(withoutBidi(value)) };
}

function phrasing(content: readonly Inline[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  for (const c of content) {
    const node = typeof c === 'string' ? text(c) : c;
    const previous = nodes[nodes.length - 1];
    // One text node, not two: to-markdown escapes each on its own, so `1` then `)` at the
    // start of a line would slip through as a list item `1)`.
    if (node.type === 'text' && previous?.type === 'text')
      nodes[nodes.length - 1] = text(previous.value + node.value);
    else nodes.push(node);
  }
  // Spaces at the edges of a block would be kept as `&#x20;`; drop them.
  const first = nodes[0];
  if (first?.type === 'text') nodes[0] = { ...first, value: first.value.trimStart() };
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') nodes[nodes.length - 1] = { ...last, value: last.value.trimEnd() };
  return nodes.filter((n) => n.type !== 'text' || n.value !== '');
}

/** A paragraph. */
export function paragraph(...content: Inline[]): Paragraph {
  return { type: 'paragraph', children: phrasing(content) };
}

/** Paragraphs from a block of plain text: blank lines separate them. */
export function paragraphs(value: string): Paragraph[] {
  return value
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => paragraph(p));
}

/** The first paragraph of a block of plain text, for one-line summaries. */
export function firstParagraph(value: string): string {
  return (value.split(/\n[ \t]*\n/).find((p) => p.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
}

/** A heading. */
export function heading(depth: Heading['depth'], ...content: Inline[]): Heading {
  return { type: 'heading', depth, children: phrasing(content) };
}

/** Bold text. */
export function strong(...content: Inline[]): Strong {
  return { type: 'strong', children: phrasing(content) };
}

/** Italic text. */
export function emphasis(...content: Inline[]): Emphasis {
  return { type: 'emphasis', children: phrasing(content) };
}

/** Struck-through text (GFM). */
export function strike(...content: Inline[]): Delete {
  return { type: 'delete', children: phrasing(content) };
}

/** Inline code, without control or bidi characters. */
export function code(value: string): InlineCode {
  return { type: 'inlineCode', value: withoutInvisible(value) };
}

/** A fenced code block. */
export function codeBlock(lang: string, value: string): Code {
  return { type: 'code', lang, value };
}

/** Raw HTML: only ever our own generated-file marker comment, never text from a ladder. */
export function html(value: string): Html {
  return { type: 'html', value };
}

/** A link; `url` is one of ours (relative path, anchor) or a provenance URL from the ladder. */
export function link(url: string, ...content: Inline[]): Link {
  return { type: 'link', url, children: phrasing(content) };
}

/** A tight bulleted list; each item is inline content or blocks. */
export function list(items: readonly (readonly Inline[] | BlockContent)[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map(
      (item): ListItem => ({
        type: 'listItem',
        spread: false,
        children: Array.isArray(item)
          ? [paragraph(...(item as readonly Inline[]))]
          : [item as BlockContent],
      }),
    ),
  };
}

/** Joins inline pieces with a separator, e.g. links with ", ". */
export function join(items: readonly Inline[][], separator: string): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? item : [separator, ...item]));
}

/** One column of a table: its header and whether it is left out when every cell is empty. */
export interface Column {
  readonly header: readonly Inline[];
  readonly optional?: boolean;
}

/** A GFM table; optional columns with no content in any row are dropped. */
export function table(columns: readonly Column[], rows: readonly (readonly Inline[])[][]): Table {
  const keep = columns.map(
    (c, i) => !c.optional || rows.some((r) => phrasing(r[i] ?? []).length > 0),
  );
  const row = (cells: readonly (readonly Inline[])[]): TableRow => ({
    type: 'tableRow',
    children: cells
      .filter((_, i) => keep[i])
      .map((c): TableCell => ({ type: 'tableCell', children: phrasing(c) })),
  });
  return {
    type: 'table',
    align: columns.filter((_, i) => keep[i]).map(() => null),
    children: [row(columns.map((c) => c.header)), ...rows.map(row)],
  };
}

/** Serialises a page through the one Markdown serialiser (src/markdown/serialise.ts). */
export function serialise(children: readonly RootContent[]): string {
  return serialiseTree(children);
}
