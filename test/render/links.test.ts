// Every relative link and #anchor in the committed pages resolves: the target file exists and,
// for an anchor, the target page has a heading with that GitHub slug. Every page is reachable
// from the index. Runs over docs/ladders and over each fixture repository's docs/ladders.
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';
import { fixtureCases, PAGES, RENDER_FIXTURES, readTree } from './helpers';
import { headingSlugs, linkUrls, parse } from './markdown-tree';

interface Checked {
  readonly problems: string[];
  readonly reachable: Set<string>;
  readonly files: string[];
  readonly links: number;
}

/** Checks the pages in `tree` (paths relative to the pages folder); `outside` checks other files. */
function checkLinks(
  tree: ReadonlyMap<string, string>,
  outside: (target: string) => boolean,
): Checked {
  const pages = [...tree.keys()].filter((p) => p.endsWith('.md'));
  const parsed = new Map(pages.map((p) => [p, parse(tree.get(p) ?? '')]));
  const slugs = new Map(pages.map((p) => [p, new Set(headingSlugs(parsed.get(p) ?? parse('')))]));
  const problems: string[] = [];
  const edges = new Map<string, string[]>();
  let links = 0;
  for (const page of pages) {
    const targets: string[] = [];
    for (const url of linkUrls(parsed.get(page) ?? parse(''))) {
      links += 1;
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
        if (!/^https?:\/\//.test(url)) problems.push(`${page}: non-http link ${url}`);
        continue;
      }
      const [path = '', hash] = url.split('#', 2);
      const target = path === '' ? page : posix.normalize(posix.join(posix.dirname(page), path));
      if (target.startsWith('../')) {
        // A link out of the pages folder (the ladder's YAML): the repository file must exist.
        if (!outside(target)) problems.push(`${page}: missing ${url}`);
        continue;
      }
      if (!tree.has(target)) {
        problems.push(`${page}: no file for ${url}`);
        continue;
      }
      targets.push(target);
      if (hash !== undefined) {
        const anchors = slugs.get(target);
        if (!anchors?.has(decodeURIComponent(hash)))
          problems.push(`${page}: no heading #${hash} in ${target}`);
      }
    }
    edges.set(page, targets);
  }
  const reachable = new Set<string>(['README.md']);
  const queue = ['README.md'];
  for (let next = queue.shift(); next !== undefined; next = queue.shift())
    for (const t of edges.get(next) ?? [])
      if (!reachable.has(t)) {
        reachable.add(t);
        queue.push(t);
      }
  return { problems, reachable, files: [...tree.keys()], links };
}

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
