/**
 * Building Markdown from untrusted text without letting the text act. Every string from a packet,
 * a ladder or a path goes through `safeText` and into a text or code node; the serialiser escapes
 * what would become syntax. `safeText` defuses what escaping does not: GitHub mentions
 * (`@user`, `@org/team`) and issue references (`#12`, which notify the referenced issue), bare
 * URLs, direction overrides, and `<!--`, so no user text can open a comment or forge our marker.
 */
import type { InlineCode, PhrasingContent, Root, Text } from 'mdast';
import { safeText } from '../markdown/safe-text';
import { escapeDollars, serialise as serialiseBlocks } from '../markdown/serialise';

/** Untrusted text on one line (tables, summaries): whitespace collapsed, clipped to `max`. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** A safe text node. */
export function text(value: string): Text {
  return { type: 'text', value: safeText(value) };
}

/** A safe inline code node. */
export function code(value: string): InlineCode {
  return { type: 'inlineCode', value: safeText(value.replace(/\s+/g, ' ')) };
}

/** Escapes text for use inside our own HTML (`<summary>`); the text is made safe first. */
export function escapeHtml(value: string): string {
  return escapeDollars(
    safeText(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;'),
  );
}

/** A message whose `code spans` become inline code nodes, everything else safe text. */
export function messageNodes(message: string): PhrasingContent[] {
  const parts = message.split('`');
  // An odd number of parts means the backticks pair up; otherwise show the message as text.
  if (parts.length % 2 === 0) return [text(message)];
  return parts
    .map((part, i): Text | InlineCode => (i % 2 === 1 ? code(part) : text(part)))
    .filter((node) => node.value !== '');
}

/** GitHub-flavoured Markdown from a tree built with the helpers above (the one serialiser). */
export function serialise(tree: Root): string {
  return serialiseBlocks(tree.children);
}

/** Percent-encodes each segment of a repository path for use in a URL. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
