/**
 * Checking relative links and #anchors in a set of Markdown pages: the target file exists and,
 * for an anchor, the target page has a heading with that GitHub slug; and which pages are
 * reachable from README.md. Used for the rendered pages and for the README and the manual.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { headingSlugs, linkUrls, parse } from '../render/markdown-tree';
import { ROOT } from './paths';

/** README.md and the manual (docs/*.md), by repository path. */
export function manual(): Map<string, string> {
  const paths = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  return new Map(paths.map((p) => [p, readFileSync(join(ROOT, p), 'utf8')]));
}

/** What a check found. */
export interface Checked {
  readonly problems: string[];
  readonly reachable: Set<string>;
  readonly files: string[];
  readonly links: number;
}

/**
 * Checks the pages in `tree` (paths relative to one folder). A link to a path that `inTree`
 * accepts (by default any that stays in the folder) must be a page of the tree, and its anchor
 * a heading there; any other link is to a file that `outside` says exists.
 */
export function checkLinks(
  tree: ReadonlyMap<string, string>,
  outside: (target: string) => boolean,
  inTree: (target: string) => boolean = (target) => !target.startsWith('../'),
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
      if (!inTree(target)) {
        // A link out of the pages (the ladder's YAML, say): the repository file must exist.
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
