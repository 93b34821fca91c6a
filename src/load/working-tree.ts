/**
 * The working tree (a checkout on disk) as a snapshot: the one walker of the CLI and the action.
 * Its rules:
 *
 * - every path stays inside the repository root: a path that leads out (`..`, absolute), a
 *   symbolic link out of it or to nowhere, and a path through a linked folder that leads out are
 *   reported (listed, and `read` says why), never read;
 * - symbolic links inside the repository are followed (a file under a linked folder is listed
 *   under the link's path); a link back into a folder being walked is not walked again, but a
 *   folder reached again another way is, and a file under two names is two files;
 * - `.git` and `node_modules` are never walked, other hidden names only when asked (`hidden`),
 *   and no path leads into `.git` through a link;
 * - a file's size is known before it is read: a file over the cap is never read just to be
 *   rejected.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { FILE_MESSAGES } from '../diagnostics/file-messages';
import { fileTooLarge } from './decode';
import {
  hasExtension,
  type ListOptions,
  outside,
  problem,
  type ReadResult,
  type Snapshot,
  safePath,
  unreadable,
  walkedName,
} from './snapshot';

/** Whether `absolute` lies inside `root` (or is it). */
export function isInside(root: string, absolute: string): boolean {
  const rel = relative(root, absolute);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Repository-relative path with forward slashes. */
export function repoPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** What a walk meets: a file (with its size), a path it cannot follow, or a named path that is not there. */
export type Met =
  | { readonly kind: 'file'; readonly path: string; readonly size: number }
  | { readonly kind: 'problem'; readonly path: string; readonly diagnostic: Diagnostic }
  | { readonly kind: 'missing'; readonly path: string };

/** How a walk chooses files. */
export interface WalkOptions extends ListOptions {
  /** Which files found in a folder are kept, by repository path. */
  readonly keep: (path: string) => boolean;
  /** Keep a file named among the paths whatever `keep` says (the CLI's PATH arguments). */
  readonly keepNamed?: boolean;
}

/** Where a path leads on disk, or why it cannot be followed. */
type Located =
  | { readonly kind: 'found'; readonly real: string; readonly info: Stats }
  | { readonly kind: 'missing' }
  | { readonly kind: 'problem'; readonly diagnostic: Diagnostic };

/** A checkout on disk. Symbolic links are followed only while they stay inside it. */
export class WorkingTree implements Snapshot {
  readonly description: string;
  /** The repository root, resolved (paths are relative to it). */
  readonly root: string;
  #rootReal: string | undefined;

  /** `root` is the repository root (the CLI's, or the action's `GITHUB_WORKSPACE`). */
  constructor(root: string, description = 'the working tree') {
    this.root = resolve(root);
    this.description = description;
  }

  get #real(): string {
    this.#rootReal ??= realpathSync(this.root);
    return this.#rootReal;
  }

  /** Follows `absolute` (repository path `path`) on disk, keeping inside the repository. */
  #locate(absolute: string, path: string): Located {
    let link: boolean;
    try {
      link = lstatSync(absolute).isSymbolicLink();
    } catch {
      return { kind: 'missing' };
    }
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      // The path is there but does not resolve: a link to nowhere, or to itself.
      return link
        ? { kind: 'problem', diagnostic: unreadable(path, FILE_MESSAGES.linkNowhere) }
        : { kind: 'missing' };
    }
    if (!isInside(this.#real, real))
      return {
        kind: 'problem',
        diagnostic: unreadable(
          path,
          link ? FILE_MESSAGES.linkOutside : FILE_MESSAGES.throughLink,
          'outside-repository',
        ),
      };
    // `.git` is never walked, and a link must not reach it either: its config can hold the
    // checkout's token (actions/checkout keeps it there unless `persist-credentials: false`).
    if (relative(this.#real, real).split(sep).includes('.git'))
      return {
        kind: 'problem',
        diagnostic: unreadable(path, FILE_MESSAGES.intoGit, 'outside-repository'),
      };
    try {
      return { kind: 'found', real, info: statSync(real) };
    } catch {
      return { kind: 'missing' };
    }
  }

  /**
   * Walks `paths` (repository-relative; `.` is the root), folders recursively in name order,
   * and returns what it meets in walk order: each file kept once.
   */
  walk(paths: readonly string[], options: WalkOptions): Met[] {
    const met: Met[] = [];
    const seen = new Set<string>();
    // The real paths of the folders being walked: a link back to one of them would loop.
    const walking = new Set<string>();
    const visit = (absolute: string, named: boolean) => {
      const path = repoPath(this.root, absolute);
      if (!isInside(this.root, absolute)) {
        met.push({
          kind: 'problem',
          path,
          diagnostic: unreadable(
            path,
            `${FILE_MESSAGES.outside} The repository root is ${this.root}.`,
            'outside-repository',
          ),
        });
        return;
      }
      const located = this.#locate(absolute, path);
      if (located.kind === 'missing') {
        if (named) met.push({ kind: 'missing', path });
        return;
      }
      if (located.kind === 'problem') {
        met.push({ kind: 'problem', path, diagnostic: located.diagnostic });
        return;
      }
      const { real, info } = located;
      if (info.isDirectory()) {
        if (walking.has(real)) return;
        let names: string[];
        try {
          names = readdirSync(real).sort();
        } catch {
          met.push({
            kind: 'problem',
            path,
            diagnostic: unreadable(path, FILE_MESSAGES.unreadable),
          });
          return;
        }
        walking.add(real);
        for (const name of names) if (walkedName(name, options)) visit(join(absolute, name), false);
        walking.delete(real);
        return;
      }
      if (!info.isFile()) return;
      if (!(named && options.keepNamed) && !options.keep(path)) return;
      if (seen.has(path)) return;
      seen.add(path);
      met.push({ kind: 'file', path, size: info.size });
    };
    for (const p of paths) visit(resolve(this.root, p), true);
    return met;
  }

  /**
   * The files under `paths` that `keep` keeps (and those named), in walk order, no larger than
   * `maxBytes`; everything else that is wrong (a named path not there, a link out, a file too
   * large) as a diagnostic, in walk order. Nothing is read.
   */
  find(
    paths: readonly string[],
    keep: (path: string) => boolean,
    maxBytes: number,
    options: ListOptions = {},
  ): { paths: string[]; diagnostics: Diagnostic[] } {
    const found: string[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const m of this.walk(paths, { ...options, keep, keepNamed: true })) {
      if (m.kind === 'missing') diagnostics.push(unreadable(m.path, 'No such file or folder.'));
      else if (m.kind === 'problem') diagnostics.push(m.diagnostic);
      // Never read a huge file just to reject it.
      else if (m.size > maxBytes) diagnostics.push(fileTooLarge(m.path, m.size, maxBytes));
      else found.push(m.path);
    }
    return { paths: found, diagnostics };
  }

  async list(
    folder: string,
    extensions: readonly string[],
    options: ListOptions = {},
  ): Promise<readonly string[]> {
    const found: string[] = [];
    const keep = (path: string) => hasExtension(path, extensions);
    // A path that cannot be followed (a link out of the repository or to nowhere, or a path
    // through one) is listed whatever its name, so that reading it reports why it is not
    // read: a link to a folder outside has no extension, and skipping it would hide it.
    for (const m of this.walk([folder], { ...options, keep }))
      if (m.kind === 'file' || (m.kind === 'problem' && options.followedOnly !== true))
        found.push(m.path);
    return found.sort();
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    if (!safePath(path)) return outside(path);
    const located = this.#locate(join(this.root, ...path.split('/')), path);
    if (located.kind === 'missing') return { kind: 'missing' };
    if (located.kind === 'problem') return { kind: 'problem', diagnostic: located.diagnostic };
    if (!located.info.isFile()) return problem(path, FILE_MESSAGES.notFile);
    // Never read a huge file just to reject it.
    if (located.info.size > maxBytes)
      return { kind: 'too-large', size: located.info.size, limit: maxBytes };
    try {
      return { kind: 'file', bytes: readFileSync(located.real) };
    } catch {
      return problem(path, FILE_MESSAGES.unreadable);
    }
  }
}
