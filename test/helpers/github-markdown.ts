/**
 * Reading Markdown as GitHub does, offline: CommonMark with GFM and math. GitHub renders `$…$`,
 * `$$…$$`, "$`…`$" and ```` ```math ```` blocks as math (MathJax, where `\color` and `\huge`
 * can paint a forged verdict). micromark-extension-math is the parser remark-math uses for the
 * same syntax; a `math` or `inlineMath` node in its tree is text GitHub would render as math.
 * Parsing is the lightest honest check: whether text becomes math is decided by the parse, and
 * rendering the math to HTML (KaTeX) adds nothing to that answer.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { visit } from 'unist-util-visit';

/** The tree GitHub would render: GFM and math. */
export function parseAsGitHub(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), math()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
}

/** The math GitHub would render in a tree: every `math` and `inlineMath` node's source. */
export function mathIn(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'math' || node.type === 'inlineMath') found.push(node.value);
  });
  return found;
}

/** Bidi controls, line or paragraph separators, and controls but tab, LF and CR. */
export const ACTING_CHARACTER =
  /[^\P{Cc}\t\n\r]|[\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
