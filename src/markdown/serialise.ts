/**
 * The one way Markdown is written: mdast-util-to-markdown with GFM and one set of options, for
 * pages, the review comment, the job summary and every report. Text from ladders and packets only
 * ever enters a tree as a `text` node, so to-markdown escapes whatever would be syntax (`*`,
 * `_`, `|`, `<`, `[`, a leading `#`); the text handler here also writes every `$` as `&#36;`,
 * which to-markdown leaves alone and GitHub would read as the edge of math (`$…$`, `$$…$$`).
 */
import type { Root, RootContent, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { type Info, type Options, type State, toMarkdown } from 'mdast-util-to-markdown';

/** Characters that are Markdown syntax somewhere in a line, or that GFM turns into links. */
const RISKY = /[\\`*_[\]<>#|~&!@=+\p{Cc}]|[Ww]\.|[ps]:(?:\/|$)/u;
/** Starts that are syntax at the start of a line (`- `, `1.`, `2)`, `:-`) or after `]` / `w`. */
const RISKY_START = /^[-.:(]|^\d+[.)]/;

/**
 * Whether to-markdown's escaping would leave this text as it is, wherever it stands: none of
 * its characters can be syntax here, and a space at either end does not touch a line break.
 * Most ladder text is like this, and checking it is far cheaper than running the hundred
 * escaping patterns over it. Anything else goes through `state.safe`.
 */
function needsNoEscaping(value: string, info: Info): boolean {
  if (value === '' || RISKY.test(value) || RISKY_START.test(value)) return false;
  const lineEdge = (ch: string) => ch === '' || ch === '\n' || ch === '\r';
  if (value.startsWith(' ') && lineEdge(info.before)) return false;
  if (value.endsWith(' ') && lineEdge(info.after.charAt(0))) return false;
  return true;
}

/** `$` as a character reference: shown as `$`, never the edge of math. */
export function escapeDollars(markdown: string): string {
  return markdown.includes('$') ? markdown.replaceAll('$', '&#36;') : markdown;
}

/**
 * Every `_` that to-markdown left bare, escaped. It leaves an intraword `_` alone, then writes a
 * letter beside emphasis as a character reference (`&#x61;`), which makes that `_` flanking:
 * text `a_aa` before emphasis `a` came out as `a_a&#x61;_&#x61;_` and read back as other
 * emphasis. Escaped, it is never a delimiter, whatever stands beside it.
 */
function escapeUnderscores(markdown: string): string {
  if (!markdown.includes('_')) return markdown;
  // A backslash and the character after it are copied whole: `\\_` and `\_` stay as they are.
  return markdown.replace(/\\[\s\S]|_/g, (match) => (match === '_' ? '\\_' : match));
}

/** The text handler: to-markdown's escaping (skipped for text that needs none), then `_` and `$`. */
function textHandler(node: Text, _parent: unknown, state: State, info: Info): string {
  const written = needsNoEscaping(node.value, info)
    ? node.value
    : escapeUnderscores(state.safe(node.value, info));
  return escapeDollars(written);
}

/** The options of every serialisation: GFM, `-` bullets, fenced code, compact tables. */
export const MARKDOWN_OPTIONS = {
  extensions: [gfmToMarkdown({ tablePipeAlign: false })],
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  resourceLink: true,
  handlers: { text: textHandler },
} as const satisfies Options;

/** Serialises blocks as GitHub Markdown: LF line endings, one final newline. */
export function serialise(children: readonly RootContent[]): string {
  const root: Root = { type: 'root', children: [...children] };
  const out = toMarkdown(root, MARKDOWN_OPTIONS);
  return `${out.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n`;
}
