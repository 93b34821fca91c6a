// Floor: read every packet as any reviewer of it must: parse its Markdown as the product does
// (remark-parse with GFM and YAML front matter, one frozen processor), then its front matter
// with `yaml` alone (with positions) and the precompiled ajv validator of the packet schema
// alone, as bench/floors/yaml-ajv.mjs does for ladder files. Prints {"files", "nodes", "valid",
// "ms"} (in-process time).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { packet } from '../../src/validate/schemas.gen.js';

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
let valid = 0;
for (const name of names) {
  const tree = processor.parse(readFileSync(join(dir, name), 'utf8'));
  nodes += tree.children.length;
  const first = tree.children[0];
  if (first?.type !== 'yaml') continue;
  const doc = parseDocument(first.value, { lineCounter: new LineCounter(), prettyErrors: false });
  if (packet(doc.toJS({ maxAliasCount: 0 }))) valid += 1;
}
process.stdout.write(
  `${JSON.stringify({ files: names.length, nodes, valid, ms: performance.now() - start })}\n`,
);
