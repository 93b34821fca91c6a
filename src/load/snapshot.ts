/**
 * A snapshot is one commit's tree (or the working tree) seen through a narrow interface: list a
 * folder, read a file under a size cap. The CLI and the action read every file through one:
 * the working tree (`working-tree.ts`), a git commit (`git-commit.ts`: `ladder diff`,
 * `ladder health`), or GitHub's API (the action without a checkout, and the files a pull
 * request changes). `loadWorkspace` (src/workspace) reads the config, the ladders and the
 * packets from any of them.
 *
 * Every path stays inside the repository: `..`, absolute paths and symbolic links that lead out
 * are reported, not read.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { FILE_MESSAGES } from '../diagnostics/file-messages';
import { fileTooLarge } from './decode';

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

/** How a folder is listed. */
export interface ListOptions {
  /**
   * Walk hidden folders and files too (`.github`; `.git` and `node_modules` never): for the
   * files a packet's relative links may point at. Off by default.
   */
  readonly hidden?: boolean;
  /**
   * Leave out the paths that cannot be followed (links out of the repository or to nowhere),
   * listed by default so that reading them says why: for the files a packet's relative links
   * may point at, which must be files of the repository.
   */
  readonly followedOnly?: boolean;
}

/** One commit's files, read-only. Paths are repository-relative with forward slashes. */
export interface Snapshot {
  /** Where the files come from, for the log. */
  readonly description: string;
  /**
   * Files under `folder` (`.` for all) whose names end in one of `extensions` (in lower case;
   * names match in any letter case; `''` keeps every file), sorted. Hidden folders and files
   * and `node_modules` are skipped unless `options.hidden`. Symbolic links are followed inside
   * the repository (a file under a linked folder is listed under the link's path); one that
   * cannot be followed (out of the repository, to nowhere) is listed too, whatever its name,
   * and `read` says why. A folder that is not there holds no files.
   */
  list(
    folder: string,
    extensions: readonly string[],
    options?: ListOptions,
  ): Promise<readonly string[]>;
  /** One file's bytes, unless it is missing, too large, a link out of the repository, ... */
  read(path: string, maxBytes: number): Promise<ReadResult>;
}

/** Whether `path` lies under `folder` (`.` is the repository root). */
export function inFolder(path: string, folder: string): boolean {
  return folder === '.' || path.startsWith(`${folder}/`);
}

/** The diagnostic for a path that cannot be read (by default `unreadable-file`). */
export function unreadable(file: string, message: string, code = 'unreadable-file'): Diagnostic {
  return { code, severity: 'error', message, file, line: 1, column: 1 };
}

/** A file that cannot be read, as a `ReadResult`. */
export function problem(file: string, message: string, code = 'unreadable-file'): ReadResult {
  return { kind: 'problem', diagnostic: unreadable(file, message, code) };
}

/** A path that leads out of the repository (`..`, absolute), as a `ReadResult`. */
export function outside(file: string): ReadResult {
  return problem(file, FILE_MESSAGES.outside, 'outside-repository');
}

/** Whether a path is a plain repository-relative path (no `..`, no `\\`). */
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

/** Whether a name is walked when listing a folder: never `.git` or `node_modules`. */
export function walkedName(name: string, options?: ListOptions): boolean {
  return (
    name !== '.git' &&
    name !== 'node_modules' &&
    (options?.hidden === true || !name.startsWith('.'))
  );
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

  list(
    folder: string,
    extensions: readonly string[],
    options?: ListOptions,
  ): Promise<readonly string[]> {
    const key = `${folder}\0${options?.hidden === true}\0${extensions.join('\0')}`;
    let found = this.#lists.get(key);
    if (!found) {
      found = this.#inner.list(folder, extensions, options);
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
