/**
 * Paths in a commit's tree, with symbolic links followed the way a checkout follows them, for
 * readers that have the tree as data rather than on disk: a git commit (`git-commit.ts`) and the
 * action without a checkout (the GitHub API). Pure: a link's target is asked for (`need`) when
 * it is not known yet, so that a reader can fetch it (one API request) and ask again.
 */
import { FILE_MESSAGES } from '../diagnostics/file-messages';
import { type ListOptions, problem, type ReadResult, walkedName } from './snapshot';

/** What a tree says of each file: its mode (`120000` for a symbolic link), and what else the reader keeps. */
export interface TreeFile {
  readonly mode: string;
}

/** A commit's files by path, and each folder's names (`''` is the root). */
export interface Tree<F extends TreeFile> {
  readonly files: ReadonlyMap<string, F>;
  readonly children: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Where a path leads once its links are followed, or the link whose target is needed first. */
export type Resolved<F extends TreeFile> =
  | { readonly kind: 'file'; readonly path: string; readonly file: F }
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'outside' }
  | { readonly kind: 'nowhere' }
  | { readonly kind: 'need'; readonly link: string };

/** A link's target text by the link's path; `undefined`: it could not be read. */
export type LinkTargets = ReadonlyMap<string, string | undefined>;

/** Links followed for one path before it counts as a loop (Linux allows 40). */
const MAX_LINK_HOPS = 40;

/** The mode Git gives a symbolic link. */
export const LINK_MODE = '120000';

/** The tree of `files` (paths with `/`): Git keeps no empty folders, so its folders hold files. */
export function treeOf<F extends TreeFile>(files: ReadonlyMap<string, F>): Tree<F> {
  const children = new Map<string, Set<string>>([['', new Set()]]);
  for (const path of files.keys()) {
    let parent = '';
    for (const name of path.split('/')) {
      const names = children.get(parent) ?? new Set<string>();
      children.set(parent, names.add(name));
      parent = parent === '' ? name : `${parent}/${name}`;
    }
  }
  return { files, children };
}

/** Follows the links on the way to `path`, and at its end, inside the tree. */
export function resolveInTree<F extends TreeFile>(
  path: string,
  tree: Tree<F>,
  targets: LinkTargets,
): Resolved<F> {
  const done: string[] = [];
  let parts = path.split('/');
  let hops = 0;
  for (let part = parts.shift(); part !== undefined; part = parts.shift()) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (done.pop() === undefined) return { kind: 'outside' };
      continue;
    }
    done.push(part);
    const here = done.join('/');
    const file = tree.files.get(here);
    if (file?.mode === LINK_MODE) {
      if (!targets.has(here)) return { kind: 'need', link: here };
      hops += 1;
      const target = targets.get(here);
      if (hops > MAX_LINK_HOPS || target === undefined || target === '' || target.includes('\0'))
        return { kind: 'nowhere' };
      if (target.startsWith('/')) return { kind: 'outside' };
      done.pop();
      parts = [...target.split('/'), ...parts];
    } else if (file !== undefined && parts.some((p) => p !== '' && p !== '.')) {
      // A file used as a folder on the way.
      return hops > 0 ? { kind: 'nowhere' } : { kind: 'missing' };
    }
  }
  const end = done.join('/');
  const file = tree.files.get(end);
  if (file !== undefined) return { kind: 'file', path: end, file };
  if (tree.children.has(end)) return { kind: 'folder', path: end };
  return hops > 0 ? { kind: 'nowhere' } : { kind: 'missing' };
}

/**
 * The paths under `folder` (`.` for all) as a checkout is walked (working-tree.ts): names in
 * order, hidden folders (unless `options.hidden`) and node_modules skipped, links followed unless they lead back into a
 * folder being walked. A file is listed when `keep` keeps its path; a link that leads out of
 * the repository or nowhere is listed whatever its name, so that reading it reports why.
 */
export function walkTree<F extends TreeFile>(
  folder: string,
  tree: Tree<F>,
  targets: LinkTargets,
  keep: (path: string) => boolean,
  options: ListOptions = {},
):
  | { readonly kind: 'done'; readonly paths: string[] }
  | { readonly kind: 'need'; readonly link: string } {
  const paths: string[] = [];
  const walking = new Set<string>();
  let need: string | undefined;
  const walk = (path: string): void => {
    if (need !== undefined) return;
    const target = resolveInTree(path, tree, targets);
    switch (target.kind) {
      case 'need':
        need = target.link;
        return;
      case 'outside':
      case 'nowhere':
        if (options.followedOnly !== true) paths.push(path);
        return;
      case 'missing':
        return;
      case 'file':
        if (keep(path)) paths.push(path);
        return;
      case 'folder':
        if (walking.has(target.path)) return;
        walking.add(target.path);
        for (const name of [...(tree.children.get(target.path) ?? [])].sort())
          if (walkedName(name, options)) walk(path === '' ? name : `${path}/${name}`);
        walking.delete(target.path);
    }
  };
  walk(folder === '.' ? '' : folder);
  return need === undefined ? { kind: 'done', paths } : { kind: 'need', link: need };
}

/** Whether the last name of `path` is a symbolic link, once the links on the way are followed. */
function endsInLink<F extends TreeFile>(
  path: string,
  tree: Tree<F>,
  targets: LinkTargets,
): boolean {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const parent = slash < 0 ? undefined : resolveInTree(path.slice(0, slash), tree, targets);
  if (parent !== undefined && parent.kind !== 'folder') return false;
  const here = parent === undefined || parent.path === '' ? name : `${parent.path}/${name}`;
  return tree.files.get(here)?.mode === LINK_MODE;
}

/**
 * What reading `path` meets when it does not lead to a file, in the working tree's words
 * (working-tree.ts): a link out of the repository, a path that leads out through a linked
 * folder, a link to nothing; a path through a link to nothing is not there.
 */
export function unreadInTree<F extends TreeFile>(
  path: string,
  target: Exclude<Resolved<F>, { readonly kind: 'file' }>,
  tree: Tree<F>,
  targets: LinkTargets,
): ReadResult {
  switch (target.kind) {
    case 'missing':
      return { kind: 'missing' };
    case 'folder':
      return problem(path, FILE_MESSAGES.notFile);
    case 'outside':
      return problem(
        path,
        endsInLink(path, tree, targets) ? FILE_MESSAGES.linkOutside : FILE_MESSAGES.throughLink,
        'outside-repository',
      );
    case 'nowhere':
    case 'need':
      return endsInLink(path, tree, targets)
        ? problem(path, FILE_MESSAGES.linkNowhere)
        : { kind: 'missing' };
  }
}
