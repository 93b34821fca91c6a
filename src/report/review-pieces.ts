/**
 * The small mdast pieces of a packet review: paragraphs, lists and table cells of nodes built
 * elsewhere with the safe builders, and links to the packet's lines.
 */
import type { Link, List, ListItem, Paragraph, PhrasingContent, TableCell } from 'mdast';
import { encodePath, text } from './markdown-safety';

/** Where links to packet lines point: `${blobBase}${path}#L12`, or nowhere without a base. */
export type LineLinker = (path: string, line: number, endLine?: number) => string | undefined;

/** A linker for a blob URL base (`https://github.com/o/r/blob/<sha>/`), or one that never links. */
export function lineLinker(blobBase: string | undefined): LineLinker {
  return (path, line, endLine) =>
    blobBase === undefined
      ? undefined
      : `${blobBase}${encodePath(path)}#L${line}${endLine !== undefined && endLine > line ? `-L${endLine}` : ''}`;
}

/** A paragraph of nodes. */
export function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

/** Strong emphasis. */
export function strong(...children: PhrasingContent[]): PhrasingContent {
  return { type: 'strong', children };
}

/** A tight bullet list, one paragraph per item. */
export function list(items: readonly (readonly PhrasingContent[])[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map(
      (children): ListItem => ({
        type: 'listItem',
        spread: false,
        children: [paragraph(...children)],
      }),
    ),
  };
}

/** A table cell. */
export function cell(...children: PhrasingContent[]): TableCell {
  return { type: 'tableCell', children };
}

/** `line 12` as a link to the packet line, or as text without a base URL. */
export function lineRef(
  link: LineLinker,
  path: string,
  line: number,
  label = `line ${line}`,
  endLine?: number,
): PhrasingContent {
  const url = link(path, line, endLine);
  if (url === undefined) return text(label);
  const node: Link = { type: 'link', url, children: [text(label)] };
  return node;
}

/** Up to five line links, and how many more. */
export function joinLines(
  link: LineLinker,
  path: string,
  lines: readonly number[],
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  lines.slice(0, 5).forEach((line, i) => {
    if (i > 0) out.push(text(', '));
    out.push(lineRef(link, path, line));
  });
  if (lines.length > 5) out.push(text(` and ${lines.length - 5} more`));
  return out;
}
