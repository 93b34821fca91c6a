/**
 * Safe Markdown building for the ladder-changes and health reports. Text from ladders and
 * packets only ever enters as a `text` node (escaped by mdast-util-to-markdown, so no raw HTML,
 * links, images or a forged marker), defused by the review comment's `safeText` so nobody is
 * pinged. Raw HTML nodes carry only our own `<details>` markup.
 */
import type {
  Html,
  InlineCode,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
  TableCell,
  Text,
} from 'mdast';
import type { Piece } from '../diff/describe';
import { safeText, withoutInvisible } from '../markdown/safe-text';
import { escapeDollars, serialise as serialiseBlocks } from '../markdown/serialise';
import type { WordChange } from '../model/statement-diff';

/** Inline content: a plain string (becomes a safe text node) or a phrasing node. */
export type Inline = string | PhrasingContent;

/**
 * Collapses white space and defuses what escaping does not (mentions, issue references, bare
 * URLs, `<!--`), with the same rules as the review comment (`markdown-safety.ts`).
 */
export function safe(value: string): string {
  return safeText(value.replace(/\s+/g, ' '));
}

/** A safe text node. */
export function text(value: string): Text {
  return { type: 'text', value: safe(value) };
}

/** Inline code (ids, paths); code spans never ping or link, and carry no bidi controls. */
export function code(value: string): InlineCode {
  return { type: 'inlineCode', value: withoutInvisible(value).replace(/\s+/g, ' ') };
}

function phrasing(content: readonly Inline[]): PhrasingContent[] {
  return content
    .map((c) => (typeof c === 'string' ? text(c) : c))
    .filter((n) => n.type !== 'text' || n.value !== '');
}

/** A paragraph. */
export function paragraph(...content: Inline[]): Paragraph {
  return { type: 'paragraph', children: phrasing(content) };
}

/** Bold text. */
export function strong(...content: Inline[]): PhrasingContent {
  return { type: 'strong', children: phrasing(content) };
}

/** Italic text. */
export function emphasis(...content: Inline[]): PhrasingContent {
  return { type: 'emphasis', children: phrasing(content) };
}

/** Sentence pieces as inline content: ids as code. */
export function pieces(list: readonly Piece[]): Inline[] {
  return list.map((p) => (typeof p === 'string' ? p : code(p.code)));
}

/**
 * A rewording: kept words plain, new words bold, dropped words struck through. Spaces stay out
 * of the emphasis (statement-diff puts them in `same` runs), so `**word**` renders as bold.
 */
export function words(list: readonly WordChange[]): PhrasingContent[] {
  return list
    .filter((w) => w.text.trim() !== '' || w.kind === 'same')
    .map((w) =>
      w.kind === 'same'
        ? text(w.text)
        : w.kind === 'added'
          ? strong(w.text)
          : { type: 'delete', children: [text(w.text)] },
    );
}

/** A heading. */
export function heading(depth: 1 | 2 | 3 | 4 | 5 | 6, ...content: Inline[]): RootContent {
  return { type: 'heading', depth, children: phrasing(content) };
}

/** A tight bulleted list; an item is inline content, or inline content with a nested list. */
export function list(
  items: readonly (readonly Inline[] | { inline: readonly Inline[]; sub: List })[],
): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item): ListItem => {
      if (Array.isArray(item))
        return {
          type: 'listItem',
          spread: false,
          children: [paragraph(...(item as readonly Inline[]))],
        };
      const { inline, sub } = item as { inline: readonly Inline[]; sub: List };
      return { type: 'listItem', spread: false, children: [paragraph(...inline), sub] };
    }),
  };
}

/** A GFM table. */
export function table(header: readonly Inline[][], rows: readonly (readonly Inline[])[][]): Table {
  const row = (cells: readonly (readonly Inline[])[]) => ({
    type: 'tableRow' as const,
    children: cells.map((c): TableCell => ({ type: 'tableCell', children: phrasing(c) })),
  });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [row(header), ...rows.map(row)],
  };
}

/** `<details>` around blocks; `summary` is our own text, escaped as HTML all the same. */
export function details(summary: string, blocks: readonly RootContent[]): RootContent[] {
  const escaped = escapeDollars(
    summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  );
  const open: Html = { type: 'html', value: `<details>\n<summary>${escaped}</summary>` };
  const close: Html = { type: 'html', value: '</details>' };
  return [open, ...blocks, close];
}

/** Serialises blocks as GitHub Markdown (the one serialiser, src/markdown/serialise.ts). */
export const serialise = serialiseBlocks;

/** A message of ours with `backticked` ids as inline code, the rest as safe text. */
export function message(value: string): Inline[] {
  return value.split('`').map((part, i) => (i % 2 === 1 ? code(part) : part));
}
