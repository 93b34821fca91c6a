/**
 * The one set of builders for Markdown syntax trees (mdast), for pages, the review comment, the
 * job summary and every report. Text only ever enters a tree as a `text` or `inlineCode` node,
 * so the serialiser (serialise.ts) escapes whatever would be syntax. What a text node holds
 * depends on whose text it is, the builders' *text mode*:
 *
 * - `page`: ladder-author text on a rendered page, shown literally (GFM may still autolink a
 *   URL typed in it, as GitHub does in any file). Bidi controls go; other controls are written
 *   as character references by the serialiser.
 * - `safe`: text that a pull request's author controls (packets, file names, changed ladders)
 *   in a comment, a summary or a report, where GitHub would act on it: `safeText` (safe-text.ts)
 *   breaks mentions, issue references, bare URLs and comment openers, and drops controls;
 *   outside code spans `safeProse` breaks commit ids too.
 *
 * page.ts and safe.ts export the builders of each mode; import from those.
 */
import type {
  AlignType,
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
import { safeProse, safeText, withoutBidi, withoutInvisible } from './safe-text';
import { escapeDollars } from './serialise';
import { textBlocks } from './text-blocks';

/** Inline content: a plain string (a text node of the builders' mode) or any phrasing node. */
export type Inline = string | PhrasingContent;

/** Whose text the builders hold: a ladder author's on a page, or anyone's where GitHub acts. */
export type TextMode = 'page' | 'safe';

/** One column of a table: its header, its alignment, and whether it goes when every cell is empty. */
export interface Column {
  readonly header: readonly Inline[];
  readonly align?: AlignType;
  readonly optional?: boolean;
}

// White space that is not a single space: only then does a text need rewriting. (Two white
// spaces in a row are two spaces unless one is other white space, so this finds any run.)
const IRREGULAR_SPACE = /[^\S ]| {2}/;

/** Text as a text node holds it: every run of white space (line breaks too) made one space. */
function singleSpaced(value: string): string {
  return IRREGULAR_SPACE.test(value) ? value.replace(/\s+/g, ' ') : value;
}

/** Escapes text for raw HTML of ours (`&`, `<`, `>`, `"`): the one HTML escaper. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * `<details>` around blocks. The summary is escaped as HTML after `safeProse`, whoever wrote it,
 * and its `$` written as `&#36;`. `layout: 'block'` puts the summary on a line of its own.
 */
export function details(
  summary: string,
  blocks: readonly RootContent[],
  layout: 'inline' | 'block' = 'inline',
): RootContent[] {
  const open = `<details>${layout === 'block' ? '\n' : ''}<summary>${escapeDollars(escapeHtml(safeProse(summary)))}</summary>`;
  return [html(open), ...blocks, html('</details>')];
}

/** Raw HTML: only ever markup of ours (the generated-file marker, `<details>`), never user text. */
export function html(value: string): Html {
  return { type: 'html', value };
}

/** A fenced code block of our own (a Mermaid diagram, a command). */
export function codeBlock(lang: string, value: string): Code {
  return { type: 'code', lang, value };
}

/** Joins inline pieces with a separator, e.g. links with ", ". */
export function join(items: readonly Inline[][], separator: string): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? item : [separator, ...item]));
}

/** Joins inline pieces as a series: `a`, `a and b`, `a, b and c` (links, e.g.). */
export function joinSeries(items: readonly Inline[][]): Inline[] {
  const last = items[items.length - 1];
  if (items.length <= 1 || last === undefined) return last ?? [];
  return [...join(items.slice(0, -1), ', '), ' and ', ...last];
}

/** The first paragraph of a block of plain text, on one line, for one-line summaries. */
export function firstParagraph(value: string): string {
  return (value.split(/\n[ \t]*\n/).find((p) => p.trim() !== '') ?? '').replace(/\s+/g, ' ').trim();
}

/** Text on one line (a table cell, a summary): white space collapsed, clipped to `max`. */
export function oneLine(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** The builders of one text mode (page.ts and safe.ts hold the two). */
export function markdownBuilders(mode: TextMode) {
  const textValue =
    mode === 'page'
      ? (value: string) => singleSpaced(withoutBidi(value))
      : (value: string) => safeProse(singleSpaced(value));
  const codeValue =
    mode === 'page'
      ? (value: string) => withoutInvisible(value)
      : (value: string) => safeText(value.replace(/\s+/g, ' '));

  /** A text node: white space runs made one space, then the mode's rule. */
  function text(value: string): Text {
    return { type: 'text', value: textValue(value) };
  }

  /** Inline code: no control or bidi characters (and, in `safe` mode, nothing GitHub acts on). */
  function code(value: string): InlineCode {
    return { type: 'inlineCode', value: codeValue(value) };
  }

  /** Phrasing nodes of inline content: adjacent texts merged, edges trimmed, no empty nodes. */
  function phrasing(content: readonly Inline[]): PhrasingContent[] {
    const nodes: PhrasingContent[] = [];
    for (const c of content) {
      const node = typeof c === 'string' ? text(c) : c;
      // An empty code span would show its backticks.
      if (node.type === 'inlineCode' && node.value === '') continue;
      const previous = nodes[nodes.length - 1];
      // One text node, not two: to-markdown escapes each on its own, so `1` then `)` at the
      // start of a line would slip through as a list item `1)`, and `@` then `octocat` as a ping.
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
  function paragraph(...content: Inline[]): Paragraph {
    return { type: 'paragraph', children: phrasing(content) };
  }

  /** A heading. */
  function heading(depth: Heading['depth'], ...content: Inline[]): Heading {
    return { type: 'heading', depth, children: phrasing(content) };
  }

  /** Bold text. */
  function strong(...content: Inline[]): Strong {
    return { type: 'strong', children: phrasing(content) };
  }

  /** Italic text. */
  function emphasis(...content: Inline[]): Emphasis {
    return { type: 'emphasis', children: phrasing(content) };
  }

  /** Struck-through text (GFM). */
  function strike(...content: Inline[]): Delete {
    return { type: 'delete', children: phrasing(content) };
  }

  /** A link; `url` is one of ours (a relative path, an anchor, a packet line) or a provenance URL. */
  function link(url: string, ...content: Inline[]): Link {
    return { type: 'link', url, children: phrasing(content) };
  }

  /** A list item: a paragraph of inline content, then any blocks (a nested list). */
  function item(content: readonly Inline[], ...blocks: BlockContent[]): ListItem {
    return { type: 'listItem', spread: false, children: [paragraph(...content), ...blocks] };
  }

  /** A tight bulleted list; an item is inline content or a list item. */
  function list(items: readonly (readonly Inline[] | ListItem)[]): List {
    return {
      type: 'list',
      ordered: false,
      spread: false,
      children: items.map((i) =>
        Array.isArray(i) ? item(i as readonly Inline[]) : (i as ListItem),
      ),
    };
  }

  /** A GFM table; a column is its header text or a `Column`; empty optional columns go. */
  function table(
    columns: readonly (string | Column)[],
    rows: readonly (readonly Inline[])[][],
  ): Table {
    const cols = columns.map((c): Column => (typeof c === 'string' ? { header: [c] } : c));
    const keep = cols.map(
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
      align: cols.filter((_, i) => keep[i]).map((c) => c.align ?? null),
      children: [row(cols.map((c) => c.header)), ...rows.map(row)],
    };
  }

  /**
   * Paragraphs, and lists, from a block of plain text as a person writes it: blank lines
   * separate paragraphs, lines that start with `- ` or `1. ` are list items (text-blocks.ts).
   */
  function paragraphs(value: string): (Paragraph | List)[] {
    return textBlocks(value).map((block) => {
      if (block.kind === 'paragraph') return paragraph(block.text);
      const items = list(block.items.map((i) => [i]));
      return block.ordered ? { ...items, ordered: true, start: block.start } : items;
    });
  }

  /**
   * A message of ours whose `code spans` become inline code, the rest text. Backticks that do
   * not pair up are shown as text.
   */
  function message(value: string): Inline[] {
    const parts = value.split('`');
    if (parts.length % 2 === 0) return [value];
    return parts.map((part, i) => (i % 2 === 1 ? code(part) : part));
  }

  return {
    text,
    code,
    paragraph,
    paragraphs,
    heading,
    strong,
    emphasis,
    strike,
    link,
    item,
    list,
    table,
    message,
  };
}
