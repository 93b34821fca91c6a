// Floor: parse every packet as the product does (remark-parse with GFM and YAML front matter,
// one frozen processor). Prints {"files", "nodes", "ms"} (in-process time).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const dir = process.argv[2];
const start = performance.now();
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .freeze();
const names = readdirSync(dir)
  .filter((n) => n.endsWith('.md'))
  .sort();
let nodes = 0;
for (const name of names)
  nodes += processor.parse(readFileSync(join(dir, name), 'utf8')).children.length;
process.stdout.write(
  `${JSON.stringify({ files: names.length, nodes, ms: performance.now() - start })}\n`,
);
