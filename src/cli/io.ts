/**
 * The CLI's only contact with the file system. Every path is kept inside the repository root:
 * a path argument, a config folder or a symlink that leads outside it is reported, not read.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, type Config, DEFAULT_CONFIG, parseConfig } from '../config/config';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { FILE_MESSAGES } from '../diagnostics/file-messages';
import { fileTooLarge } from '../load/yaml-document';
import type { InputFile } from '../validate/index';

/** What a command needs from its surroundings; tests pass their own. */
export interface CliIo {
  /** The repository root: paths are resolved against it and may not leave it. */
  readonly root: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly colour: boolean;
  /**
   * Resolves once standard output has handed what was written to the operating system. A
   * command that writes a long output in pieces waits for it, so that a slow reader (a pipe)
   * does not make the output pile up in memory. Absent: writes never pile up.
   */
  readonly drained?: () => Promise<void>;
}

/** A problem with the command line itself (exit 2). */
export class UsageError extends Error {}

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Repository-relative path with forward slashes. */
export function repoPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** Whether `absolute` lies inside `root` (or is it). */
export function isInside(root: string, absolute: string): boolean {
  const rel = relative(root, absolute);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of an existing path; the path itself if it cannot be resolved. */
function realPath(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/** The diagnostic for a path that cannot be read (by default `unreadable-file`). */
export function unreadable(file: string, message: string, code = 'unreadable-file'): Diagnostic {
  return { code, severity: 'error', message, file, line: 1, column: 1 };
}

/**
 * The real path a symbolic link leads to, or the diagnostic for one that points nowhere (or to
 * itself) or out of the repository (`rootReal`, already resolved).
 */
function followLink(rootReal: string, absolute: string, path: string): string | Diagnostic {
  let target: string;
  try {
    target = realpathSync(absolute);
  } catch {
    return unreadable(path, FILE_MESSAGES.linkNowhere);
  }
  return isInside(rootReal, target)
    ? target
    : unreadable(path, FILE_MESSAGES.linkOutside, 'outside-repository');
}

/**
 * Which files a walk keeps besides those named explicitly: the endings of their names (as given,
 * letter case included), or a test of their repository-relative paths.
 */
export type FileFilter = readonly string[] | ((path: string) => boolean);

/** A `FileFilter` as a test of a repository-relative path. */
export function fileTest(filter: FileFilter): (path: string) => boolean {
  return typeof filter === 'function' ? filter : (path) => filter.some((ext) => path.endsWith(ext));
}

/** A file found under the paths a command was given, not read yet. */
export interface FoundFile {
  /** Repository-relative path with forward slashes. */
  readonly path: string;
  readonly absolute: string;
}

/**
 * Walks `paths` (sorted, recursively), keeping inside the repository, and calls `found` for each
 * file that `filter` keeps (any file named explicitly) and is at most `maxBytes`; everything else
 * that is wrong is pushed to `diagnostics`, in walk order.
 */
function walkFiles(
  io: CliIo,
  paths: readonly string[],
  filter: FileFilter,
  maxBytes: number,
  diagnostics: Diagnostic[],
  found: (file: FoundFile) => void,
): void {
  const rootReal = realpathSync(io.root);
  const keep = fileTest(filter);
  const seen = new Set<string>();
  // The real paths of the folders being walked: a link back to one of them would loop. A
  // folder reached again another way is walked again, and a file under two names is two
  // files, as the action lists them (action/src/files.ts).
  const walking = new Set<string>();
  const visit = (absolute: string, explicit: boolean) => {
    const path = repoPath(io.root, absolute);
    if (!isInside(io.root, absolute)) {
      diagnostics.push(unreadable(path, FILE_MESSAGES.outside, 'outside-repository'));
      return;
    }
    let info: ReturnType<typeof lstatSync>;
    try {
      info = lstatSync(absolute);
    } catch {
      if (explicit) diagnostics.push(unreadable(path, 'No such file or folder.'));
      return;
    }
    if (info.isSymbolicLink()) {
      const target = followLink(rootReal, absolute, path);
      if (typeof target !== 'string') {
        diagnostics.push(target);
        return;
      }
      info = statSync(target);
    } else if (!isInside(rootReal, realPath(absolute))) {
      // A folder on the way is a symbolic link out (`linked/secret.yml`, linked -> /etc).
      diagnostics.push(unreadable(path, FILE_MESSAGES.throughLink, 'outside-repository'));
      return;
    }
    if (info.isDirectory()) {
      const real = realPath(absolute);
      if (walking.has(real)) return;
      walking.add(real);
      const names = readdirSync(absolute).sort();
      for (const name of names)
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) visit(join(absolute, name), false);
      walking.delete(real);
      return;
    }
    if (!info.isFile()) return;
    if (!explicit && !keep(path)) return;
    if (seen.has(path)) return;
    seen.add(path);
    if (info.size > maxBytes) {
      // Never read a huge file just to reject it.
      diagnostics.push(fileTooLarge(path, info.size, maxBytes));
      return;
    }
    found({ path, absolute });
  };
  for (const p of paths) visit(resolve(io.root, p), true);
}

/** Reads a found file: its bytes, or the diagnostic that says why it could not be read. */
export function readFound(file: FoundFile): Uint8Array | Diagnostic {
  try {
    return readFileSync(file.absolute);
  } catch {
    return unreadable(file.path, FILE_MESSAGES.unreadable);
  }
}

/** Reads the files under `paths` that `filter` keeps (and those named), sorted by path. */
export function collectFiles(
  io: CliIo,
  paths: readonly string[],
  filter: FileFilter,
  maxBytes: number,
): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const files: InputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  walkFiles(io, paths, filter, maxBytes, diagnostics, (file) => {
    const bytes = readFound(file);
    if (bytes instanceof Uint8Array) files.push({ path: file.path, bytes });
    else diagnostics.push(bytes);
  });
  return { files, diagnostics };
}

/**
 * The files under `paths` as `collectFiles` finds them, without reading them: for commands that
 * read one file at a time so that memory does not grow with the number of files.
 */
export function findFiles(
  io: CliIo,
  paths: readonly string[],
  filter: FileFilter,
  maxBytes: number,
): { files: FoundFile[]; diagnostics: Diagnostic[] } {
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  walkFiles(io, paths, filter, maxBytes, diagnostics, (file) => files.push(file));
  return { files, diagnostics };
}

/** Reads `ladder.config.yml` when there is one. */
export function readConfig(io: CliIo): { config: Config; diagnostics: readonly Diagnostic[] } {
  const absolute = join(io.root, CONFIG_FILE);
  // A config that cannot be read, or is a link out of the repository, is reported (and the
  // defaults used), as the ladder files are: never followed out, never silently ignored.
  const problem = (diagnostic: Diagnostic) => ({
    config: DEFAULT_CONFIG,
    diagnostics: [diagnostic],
  });
  let info: ReturnType<typeof lstatSync>;
  try {
    info = lstatSync(absolute);
  } catch {
    return { config: DEFAULT_CONFIG, diagnostics: [] };
  }
  if (info.isSymbolicLink()) {
    const target = followLink(realpathSync(io.root), absolute, CONFIG_FILE);
    if (typeof target !== 'string') return problem(target);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    return problem(unreadable(CONFIG_FILE, FILE_MESSAGES.unreadable));
  }
  return parseConfig(CONFIG_FILE, bytes);
}

/** The text of each file, for code frames. */
export function sourceTexts(files: readonly InputFile[]): Map<string, string> {
  const decoder = new TextDecoder();
  return new Map(files.map((f) => [f.path, decoder.decode(f.bytes)]));
}
