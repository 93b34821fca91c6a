// Floor: parse every packet with remark-parse alone. Prints {"files", "ms"} (in-process time).
// With --gfm, with the GFM and front-matter extensions as well, which is the syntax packets
// are read with (shown beside the floor; the target is against remark-parse alone).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const dir = process.argv[2];
const gfm = process.argv.includes('--gfm');
const start = performance.now();
const processor = gfm
  ? unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm)
  : unified().use(remarkParse);
const names = readdirSync(dir)
  .filter((n) => n.endsWith('.md'))
  .sort();
let nodes = 0;
for (const name of names)
  nodes += processor.parse(readFileSync(join(dir, name), 'utf8')).children.length;
process.stdout.write(
  `${JSON.stringify({ files: names.length, nodes, ms: performance.now() - start })}\n`,
);
