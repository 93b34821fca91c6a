/**
 * Links from a packet review to the packet's lines on GitHub (`…/blob/<sha>/<path>#L12`), or
 * plain text where there is no commit to link to.
 */
import type { Inline } from '../markdown/builders';
import { link as linkTo } from '../markdown/safe';

/** Where links to packet lines point: `${blobBase}${path}#L12`, or nowhere without a base. */
export type LineLinker = (path: string, line: number, endLine?: number) => string | undefined;

/** Percent-encodes each segment of a repository path for use in a URL. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A linker for a blob URL base (`https://github.com/o/r/blob/<sha>/`), or one that never links. */
export function lineLinker(blobBase: string | undefined): LineLinker {
  return (path, line, endLine) =>
    blobBase === undefined
      ? undefined
      : `${blobBase}${encodePath(path)}#L${line}${endLine !== undefined && endLine > line ? `-L${endLine}` : ''}`;
}

/** `line 12` as a link to the packet line, or as text without a base URL. */
export function lineRef(
  link: LineLinker,
  path: string,
  line: number,
  label = `line ${line}`,
  endLine?: number,
): Inline {
  const url = link(path, line, endLine);
  return url === undefined ? label : linkTo(url, label);
}

/** Up to five line links, and how many more. */
export function joinLines(link: LineLinker, path: string, lines: readonly number[]): Inline[] {
  const out: Inline[] = [];
  lines.slice(0, 5).forEach((line, i) => {
    if (i > 0) out.push(', ');
    out.push(lineRef(link, path, line));
  });
  if (lines.length > 5) out.push(` and ${lines.length - 5} more`);
  return out;
}
