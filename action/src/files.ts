/**
 * Getting files without running them. A snapshot is one commit's tree seen through a narrow
 * interface (list a folder, read a file under a size cap); there are three (the two read
 * through the API are in api-files.ts):
 *
 * - the workspace (a checkout: the merge commit under `pull_request`, the pushed commit on push);
 * - an overlay for `pull_request_target`: the base branch's checkout, with the files the pull
 *   request changes read at its head commit through the API (so nothing from the pull request
 *   is ever written to disk, let alone run);
 * - the head commit through the API alone, when there is no checkout at all.
 *
 * Every path stays inside the repository: `..`, absolute paths and symbolic links that lead out
 * are reported, not read.
 */

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { FILE_MESSAGES } from '../../src/diagnostics/file-messages';
import { fileTooLarge } from '../../src/load/yaml-document';

/**
 * A file that is there but was not read: a problem with it, or its size over the cap (kept as
 * data, because the code depends on what the file is: `packet-too-large` for a packet,
 * `file-too-large` for anything else).
 */
export type Unread =
  | { readonly kind: 'problem'; readonly diagnostic: Diagnostic }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number };

/** The outcome of reading one file. */
export type ReadResult =
  | { readonly kind: 'file'; readonly bytes: Uint8Array }
  | { readonly kind: 'missing' }
  | Unread;

/** How a file over its size cap is reported: `fileTooLarge` or `packetTooLarge`. */
export type TooLarge = (path: string, size: number, limit: number) => Diagnostic;

/** The diagnostic for a file that was not read; `tooLarge` words a size over the cap. */
export function unreadDiagnostic(
  path: string,
  unread: Unread,
  tooLarge: TooLarge = fileTooLarge,
): Diagnostic {
  return unread.kind === 'too-large'
    ? tooLarge(path, unread.size, unread.limit)
    : unread.diagnostic;
}

/** One commit's files, read-only. Paths are repository-relative with forward slashes. */
export interface Snapshot {
  /** Where the files come from, for the log. */
  readonly description: string;
  /**
   * Files under `folder` (`.` for all) whose names end in one of `extensions` (in lower case;
   * names match in any letter case), sorted. Symbolic links are followed inside the repository
   * (a file under a linked folder is listed under the link's path); one that cannot be followed
   * (out of the repository, to nowhere) is listed too, whatever its name, and `read` says why.
   * Through the contents API (the files a pull request changes), GitHub follows links to files.
   */
  list(folder: string, extensions: readonly string[]): Promise<readonly string[]>;
  /** One file's bytes, unless it is missing, too large, a link out of the repository, ... */
  read(path: string, maxBytes: number): Promise<ReadResult>;
}

/** Whether `path` lies under `folder` (`.` is the repository root). */
export function inFolder(path: string, folder: string): boolean {
  return folder === '.' || path.startsWith(`${folder}/`);
}

/** A file that cannot be read, as a `ReadResult`. */
export function problem(file: string, message: string, code = 'unreadable-file'): ReadResult {
  return {
    kind: 'problem',
    diagnostic: { code, severity: 'error', message, file, line: 1, column: 1 },
  };
}

/** Whether a path from the API is a plain repository-relative path (no `..`, no `\\`). */
export function safePath(path: string): boolean {
  return (
    path !== '' &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.includes('\0') &&
    !path.split('/').some((s) => s === '..' || s === '.' || s === '')
  );
}

/** Whether `path` ends in one of `extensions` (lower case), in any letter case. */
export function hasExtension(path: string, extensions: readonly string[]): boolean {
  const lower = path.toLowerCase();
  return extensions.some((e) => lower.endsWith(e));
}

/** A checkout on disk. Symbolic links are followed only while they stay inside it. */
export class WorkspaceSnapshot implements Snapshot {
  readonly description: string;
  readonly #root: string;

  /** `root` is the checkout (`GITHUB_WORKSPACE`). */
  constructor(root: string, description = 'the checked-out workspace') {
    this.#root = resolve(root);
    this.description = description;
  }

  #inside(absolute: string): boolean {
    const rel = relative(realpathSync(this.#root), absolute);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }

  /** Resolves a repository path to a real path inside the checkout, or says why not. */
  #locate(path: string): { real: string } | { result: ReadResult } {
    if (!safePath(path))
      return { result: problem(path, FILE_MESSAGES.outside, 'outside-repository') };
    const absolute = join(this.#root, ...path.split('/'));
    let link: boolean;
    try {
      link = lstatSync(absolute).isSymbolicLink();
    } catch {
      return { result: { kind: 'missing' } };
    }
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      // The path is there but does not resolve: a link to nowhere, or to itself.
      return { result: link ? problem(path, FILE_MESSAGES.linkNowhere) : { kind: 'missing' } };
    }
    if (!this.#inside(real))
      return {
        result: problem(
          path,
          link ? FILE_MESSAGES.linkOutside : FILE_MESSAGES.throughLink,
          'outside-repository',
        ),
      };
    return { real };
  }

  async list(folder: string, extensions: readonly string[]): Promise<readonly string[]> {
    const found: string[] = [];
    // The real paths of the folders being walked: a link back to one of them would loop. A
    // folder reached again another way is walked again, and a file under two names is two
    // files, as the CLI lists them (src/cli/io.ts).
    const walking = new Set<string>();
    const walk = (path: string) => {
      const located = this.#locate(path);
      if (!('real' in located)) {
        // A path that cannot be followed (a link out of the repository or to nowhere, or a path
        // through one) is listed whatever its name, so that reading it reports why it is not
        // read, as the CLI reports every such path it meets: a link to a folder outside has no
        // extension, and skipping it would hide it.
        if (located.result.kind === 'problem') found.push(path);
        return;
      }
      let info: ReturnType<typeof statSync>;
      try {
        info = statSync(located.real);
      } catch {
        return;
      }
      if (info.isDirectory()) {
        if (walking.has(located.real)) return;
        walking.add(located.real);
        for (const name of readdirSync(located.real).sort())
          if (!name.startsWith('.') && name !== 'node_modules') walk(`${path}/${name}`);
        walking.delete(located.real);
      } else if (info.isFile() && hasExtension(path, extensions)) found.push(path);
    };
    if (folder === '.') {
      for (const name of readdirSync(this.#root).sort())
        if (!name.startsWith('.') && name !== 'node_modules') walk(name);
    } else walk(folder);
    return found.sort();
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    const located = this.#locate(path);
    if (!('real' in located)) return located.result;
    try {
      const info = statSync(located.real);
      if (!info.isFile()) return problem(path, FILE_MESSAGES.notFile);
      // Never read a huge file just to reject it.
      if (info.size > maxBytes) return { kind: 'too-large', size: info.size, limit: maxBytes };
      return { kind: 'file', bytes: readFileSync(located.real) };
    } catch {
      return problem(path, FILE_MESSAGES.unreadable);
    }
  }
}

/** Whether the workspace holds a checkout (of some commit of this repository). */
export function hasCheckout(root: string, folders: readonly string[]): boolean {
  const probe = (p: string) => {
    try {
      lstatSync(join(root, ...p.split('/')));
      return true;
    } catch {
      return false;
    }
  };
  return probe('.git') || folders.some((f) => f !== '.' && probe(f));
}

/**
 * A snapshot that reads each file and lists each folder once, however many stages ask (the
 * review, the ladder diff's impact and the health page all read the packets): through the API
 * every repeated read would be a request.
 */
export class CachedSnapshot implements Snapshot {
  readonly description: string;
  readonly #inner: Snapshot;
  readonly #lists = new Map<string, Promise<readonly string[]>>();
  readonly #reads = new Map<string, Promise<ReadResult>>();

  /** Caches `inner`'s answers. */
  constructor(inner: Snapshot) {
    this.#inner = inner;
    this.description = inner.description;
  }

  list(folder: string, extensions: readonly string[]): Promise<readonly string[]> {
    const key = `${folder}\0${extensions.join('\0')}`;
    let found = this.#lists.get(key);
    if (!found) {
      found = this.#inner.list(folder, extensions);
      this.#lists.set(key, found);
    }
    return found;
  }

  read(path: string, maxBytes: number): Promise<ReadResult> {
    const key = `${path}\0${maxBytes}`;
    let found = this.#reads.get(key);
    if (!found) {
      found = this.#inner.read(path, maxBytes);
      this.#reads.set(key, found);
    }
    return found;
  }
}
