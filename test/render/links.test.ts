// Every relative link and #anchor in the committed pages resolves: the target file exists and,
// for an anchor, the target page has a heading with that GitHub slug. Every page is reachable
// from the index. Runs over docs/ladders and over each fixture repository's docs/ladders.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Checked, checkLinks } from '../helpers/links';
import { ROOT } from '../helpers/paths';
import { fixtureCases, PAGES, RENDER_FIXTURES, readTree } from './helpers';

function checkRepository(root: string): Checked {
  return checkLinks(readTree(join(root, PAGES)), (target) => existsSync(join(root, PAGES, target)));
}

const repositories = [
  { name: 'docs/ladders (shipped ladders)', root: ROOT },
  ...fixtureCases().map((c) => ({ name: `fixture ${c}`, root: join(RENDER_FIXTURES, c) })),
];

describe('links and anchors in the committed pages', () => {
  it.each(repositories)('$name: every link resolves', ({ root }) => {
    const { problems, links } = checkRepository(root);
    expect(problems).toEqual([]);
    expect(links).toBeGreaterThan(10);
  });

  it.each(repositories)('$name: every file is reachable from the index', ({ root }) => {
    const { reachable, files } = checkRepository(root);
    expect(files.filter((f) => !reachable.has(f))).toEqual([]);
  });

  it('reports a missing anchor, a missing file and an unreachable page', () => {
    const tree = new Map([
      ['README.md', '# Index\n\n[a](a/README.md#second-1) [b](b.md) [c](../../x.yml)\n'],
      ['a/README.md', '# A\n\n## Second\n\n## Second\n\n[up](../README.md#nope)\n'],
      ['lonely.md', '# Lonely\n'],
    ]);
    const checked = checkLinks(tree, () => false);
    expect(checked.problems).toEqual([
      'README.md: no file for b.md',
      'README.md: missing ../../x.yml',
      'a/README.md: no heading #nope in README.md',
    ]);
    expect([...checked.reachable].sort()).toEqual(['README.md', 'a/README.md']);
  });
});
