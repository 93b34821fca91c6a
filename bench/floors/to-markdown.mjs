// Floor: serialise the pages `ladder render` wrote with mdast-util-to-markdown alone (GFM
// tables included). Each page is parsed first, untimed; only the serialising is timed. Prints
// {"files", "bytes", "ms"} (in-process time).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';

const dir = process.argv[2];
const pages = readdirSync(dir, { recursive: true })
  .filter((n) => String(n).endsWith('.md'))
  .sort()
  .map((name) =>
    fromMarkdown(readFileSync(join(dir, String(name)), 'utf8'), {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    }),
  );
const options = { extensions: [gfmToMarkdown()] };
const start = performance.now();
let bytes = 0;
for (const tree of pages) bytes += toMarkdown(tree, options).length;
process.stdout.write(
  `${JSON.stringify({ files: pages.length, bytes, ms: performance.now() - start })}\n`,
);
