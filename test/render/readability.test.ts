// What a reader sees on GitHub: the committed pages parsed back as GitHub reads them (CommonMark
// + GFM). Markup the pages write for themselves (`code`, **bold**, ~~struck~~ word marks, links)
// must become formatting, never show as literal characters; so in a repository whose ladder text
// holds none of these characters, no text a reader sees may hold one either.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../helpers/paths';
import { fixtureCases, PAGES, RENDER_FIXTURES, readTree } from './helpers';
import { parse } from './markdown-tree';

/** Markup characters that a page writes as syntax and a reader should never see as text. */
const MARKUP = ['`', '**', '~~', '\\', '&#', '](', '<'] as const;

/** Every string value of every ladder file of a repository. */
function ladderStrings(root: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v);
    else if (typeof value === 'object' && value !== null)
      for (const v of Object.values(value)) walk(v);
  };
  const dir = join(root, 'ladders');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yml')))
    walk(parseYaml(readFileSync(join(dir, name), 'utf8')));
  return out;
}

/** The text a reader sees as plain text: text nodes, outside code spans and code blocks. */
function visibleTexts(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Root | Root['children'][number]): void => {
    if (node.type === 'text') out.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

const repositories = [
  { name: 'docs/ladders (shipped ladders)', root: ROOT },
  ...fixtureCases().map((c) => ({ name: `fixture ${c}`, root: join(RENDER_FIXTURES, c) })),
];

describe('what a reader sees on the committed pages', () => {
  it.each(repositories)('$name: no markup of the pages’ own shows as literal text', ({ root }) => {
    const source = ladderStrings(root).join('\n');
    // Characters the ladder's own text holds are shown literally, as they should be.
    const checked = MARKUP.filter((m) => !source.includes(m));
    const problems: string[] = [];
    for (const [path, content] of readTree(join(root, PAGES)))
      if (path.endsWith('.md'))
        for (const text of visibleTexts(parse(content)))
          for (const m of checked)
            if (text.includes(m)) problems.push(`${path}: ${m} in “${text}”`);
    expect(problems).toEqual([]);
  });
});

describe('the pages’ own wording', () => {
  it.each(repositories)('$name: writes its apostrophes as ’, every one alike', ({ root }) => {
    // Where the ladders' text has a straight one, it is theirs and shown as written.
    if (ladderStrings(root).some((s) => s.includes("'"))) return;
    const problems: string[] = [];
    for (const [path, content] of readTree(join(root, PAGES)))
      if (path.endsWith('.md'))
        for (const text of visibleTexts(parse(content)))
          if (text.includes("'")) problems.push(`${path}: “${text}”`);
    expect(problems).toEqual([]);
  });
});
