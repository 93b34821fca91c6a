// Part of the to-markdown floor (bench/floors/to-markdown.ts): src/'s `toMarkdown`, timed. Each
// tree is serialised with to-markdown's own text handler (the floor, `ms`) and with the options
// as given (the product's serialisation, `productMs`); the product's page is returned.
import type { Nodes } from 'mdast';
import { type Options, toMarkdown as serialise } from 'mdast-util-to-markdown';

export const figures = { files: 0, bytes: 0, ms: 0, productMs: 0 };

export function toMarkdown(tree: Nodes, options: Options): string {
  const { handlers: _product, ...own } = options;
  let start = performance.now();
  figures.bytes += serialise(tree, own).length;
  figures.ms += performance.now() - start;
  start = performance.now();
  const page = serialise(tree, options);
  figures.productMs += performance.now() - start;
  figures.files += 1;
  return page;
}
