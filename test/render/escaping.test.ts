// Text from the YAML renders literally: parsed back as GitHub parses it, every hostile string is
// plain text in the place it belongs, and no HTML, image or foreign link appears. The fixture
// test/fixtures/render/hostile/ladders/hostile.yml holds the hostile strings.
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../src/render/index';
import { mermaidLabel } from '../../src/render/mermaid';
import { levelName } from '../../src/render/site';
import { loadRepo, RENDER_FIXTURES, renderRepo } from './helpers';
import { parse, texts } from './markdown-tree';

const root = join(RENDER_FIXTURES, 'hostile');
const model = loadRepo(root);
const ladder = model.ladders[0];
const files = renderRepo(root);
const page = (path: string): Root => parse(files.find((f) => f.path === path)?.content ?? '');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('hostile text renders literally', () => {
  it('keeps titles as the exact text of their headings', () => {
    if (!ladder) throw new Error('no ladder');
    expect(texts(page('hostile/README.md'), 'heading')[0]).toBe(ladder.title);
    for (const level of ladder.levels)
      expect(texts(page(`hostile/${level.id}.md`), 'heading')[0]).toBe(
        `${level.id}: ${level.title}`,
      );
    const headings = texts(page('hostile/L1.md'), 'heading');
    for (const d of ladder.dimensions) expect(headings).toContain(d.title);
  });

  it('keeps every statement as the exact text of one list item', () => {
    if (!ladder) throw new Error('no ladder');
    for (const level of ladder.levels) {
      const items = texts(page(`hostile/${level.id}.md`), 'listItem');
      for (const e of level.expectations)
        for (const s of e.statements) expect(items).toContain(oneLine(s.text));
    }
  });

  it('shows the description’s lines that start with `- ` as a list, the item literal', () => {
    const item = ladder?.description?.split('\n').find((l) => l.startsWith('- '));
    expect(texts(page('hostile/README.md'), 'listItem')).toContain(item?.slice(2));
  });

  it('keeps table cells intact, pipes and all', () => {
    if (!ladder) throw new Error('no ladder');
    const cells = texts(page('hostile/README.md'), 'tableCell');
    for (const t of ladder.threads) {
      expect(cells).toContain(t.title);
      for (const s of t.steps) expect(cells).toContain(s.text);
    }
    for (const level of ladder.levels) expect(cells).toContain(levelName(level));
  });

  it('keeps questions whole, in bold, in their list', () => {
    if (!ladder) throw new Error('no ladder');
    const bold = texts(page('hostile/README.md'), 'strong');
    for (const q of ladder.questions) expect(bold).toContain(q.text);
  });

  it('produces no HTML but the marker, no images, and only our own links', () => {
    const source = ladder?.source[0]?.url;
    for (const file of files.filter((f: RenderedFile) => f.path.endsWith('.md'))) {
      const tree = parse(file.content);
      const html: string[] = [];
      const images: string[] = [];
      const foreign: string[] = [];
      visit(tree, (node) => {
        if (node.type === 'html') html.push(node.value);
        if (node.type === 'image') images.push(node.url);
        // A URL written in the text is linked by GitHub as itself (a GFM autolink literal);
        // any other link to elsewhere would be text turned into Markdown.
        const literal =
          node.type === 'link' && [nodeText(node), `http://${nodeText(node)}`].includes(node.url);
        if (node.type === 'link' && /^[a-z]+:/i.test(node.url) && node.url !== source && !literal)
          foreign.push(node.url);
      });
      expect(html, file.path).toEqual([file.content.split('\n')[0]]);
      expect(images, file.path).toEqual([]);
      expect(foreign, file.path).toEqual([]);
    }
  });

  it('cannot forge the generated-file marker from the description', () => {
    const readme = files.find((f) => f.path === 'hostile/README.md')?.content ?? '';
    expect(readme.match(/^<!-- Generated/gm)).toHaveLength(1);
  });
});

describe('Mermaid labels', () => {
  const hostile = [
    'Senior -> SRE --> end "]; click level0 call alert() %%',
    'a`b`c <br> #quot; [x] {y} | ;',
    'Ünïcødé ’quotes’ 日本',
  ];

  it.each(hostile)('escapes %j to safe characters that decode back', (value) => {
    const label = mermaidLabel(value);
    expect(label).toMatch(/^[\p{L}\p{N} .,:()'/_#;-]*$/u);
    expect(label).not.toMatch(/[<>"`[\]{}|%]/);
    const decoded = label.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    expect(decoded).toBe(value);
  });

  it('quotes every label in the diagram and uses generated node ids', () => {
    const readme = files.find((f) => f.path === 'hostile/README.md')?.content ?? '';
    const diagram = /```mermaid\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '';
    const lines = diagram.split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines)
      expect(line).toMatch(
        /^ {2}(?:(?:level|other|planned)\d+(?:\["[^"]*"\]|\(\["[^"]*"\]\))(?::::planned)?|(?:level|other|planned)\d+ (?:-->|-\.->) (?:level|other|planned)\d+|classDef planned stroke-dasharray: 5 5)$/,
      );
  });
});
