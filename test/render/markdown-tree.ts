/** Parsing generated pages back the way GitHub reads them (CommonMark + GFM), for the tests. */
import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as nodeText } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';

/** The syntax tree of a Markdown page. */
export function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The anchors GitHub gives the page's headings, in order. */
export function headingSlugs(tree: Root): string[] {
  const slugger = new GithubSlugger();
  const slugs: string[] = [];
  visit(tree, 'heading', (node) => {
    slugs.push(slugger.slug(nodeText(node)));
  });
  return slugs;
}

/** Every link destination on the page (links, images and definitions). */
export function linkUrls(tree: Root): string[] {
  const urls: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition')
      urls.push(node.url);
  });
  return urls;
}

/** The plain text of every node of the given types. */
export function texts(tree: Root, type: string): string[] {
  const out: string[] = [];
  visit(tree, (node) => {
    if (node.type === type) out.push(nodeText(node));
  });
  return out;
}

/** The top-level blocks under the `##` heading `title`, up to the next `##` heading. */
export function section(tree: Root, title: string): RootContent[] {
  const start = tree.children.findIndex(
    (n) => n.type === 'heading' && n.depth === 2 && nodeText(n) === title,
  );
  if (start === -1) return [];
  const rest = tree.children.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading' && n.depth <= 2);
  return end === -1 ? rest : rest.slice(0, end);
}
