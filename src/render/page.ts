/**
 * A page under construction. Headings get their anchors the way GitHub gives them: github-slugger's
 * slugs, page by page, in heading order, so a repeated heading gets `-1`. Links to
 * a heading on the same page are resolved once the page is complete, so they never guess a slug.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Link, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { html, type Inline } from '../markdown/builders';
import { heading, link } from '../markdown/page';
import { serialise } from '../markdown/serialise';
import { markdownMarker } from './marker';
import { relativeUrl } from './paths';

/** A finished page: its Markdown and the anchor of every heading it was asked to remember. */
export interface FinishedPage {
  readonly path: string;
  readonly content: string;
  readonly anchors: ReadonlyMap<string, string>;
}

/** Builds one Markdown page; `path` is relative to the pages folder. */
export class PageBuilder {
  private readonly blocks: RootContent[] = [];
  private readonly named = new Map<string, Heading>();
  private readonly pending: { link: Link; key: string }[] = [];

  constructor(
    readonly path: string,
    private readonly sources: readonly string[],
    private readonly command: string,
  ) {}

  /** Appends blocks. */
  add(...blocks: RootContent[]): this {
    this.blocks.push(...blocks);
    return this;
  }

  /** Appends a heading; `key` names it for `anchorLink` and for other pages' links. */
  heading(depth: Heading['depth'], content: Inline, key?: string): this {
    const node = heading(depth, content);
    if (key !== undefined) this.named.set(key, node);
    this.blocks.push(node);
    return this;
  }

  /** A link to the heading named `key` on this page, resolved when the page is finished. */
  anchorLink(key: string, ...content: Inline[]): Link {
    const node = link('#', ...content);
    this.pending.push({ link: node, key });
    return node;
  }

  /** Serialises the page behind its generated-file marker. */
  finish(): FinishedPage {
    const slugger = new GithubSlugger();
    const slugs = new Map<Heading, string>();
    // Headings are only ever top-level blocks of our pages, so a flat pass finds them all in
    // document order (walking every node with unist-util-visit cost more than the slugs).
    for (const block of this.blocks)
      if (block.type === 'heading') slugs.set(block, slugger.slug(nodeText(block)));
    const anchors = new Map<string, string>();
    for (const [key, node] of this.named) anchors.set(key, slugs.get(node) ?? '');
    for (const { link: node, key } of this.pending) {
      // A heading with no letters or digits has no anchor on GitHub: link to the page itself.
      const anchor = anchors.get(key);
      node.url = anchor ? `#${anchor}` : relativeUrl(this.path, this.path);
    }
    return {
      path: this.path,
      content: serialise([html(markdownMarker(this.sources, this.command)), ...this.blocks]),
      anchors,
    };
  }
}
