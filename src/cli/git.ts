/**
 * The CLI's only contact with git, for `ladder diff` and `ladder health`: resolve revisions,
 * read files as they were at a commit, and blame ladder files for their history. Always
 * `execFileSync('git', [...])` with an argument list, never a shell string, and revisions are
 * resolved to a commit id before they are used anywhere else.
 */
import { execFileSync } from 'node:child_process';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { FILE_MESSAGES } from '../diagnostics/file-messages';
import { fileTooLarge } from '../load/yaml-document';
import type { InputFile } from '../validate/index';
import { type CliIo, type FileFilter, fileTest, UsageError, unreadable } from './io';

const MAX_BUFFER = 512 * 1024 * 1024;

function run(io: CliIo, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', [...args], {
    cwd: io.root,
    maxBuffer: MAX_BUFFER,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input === undefined ? {} : { input }),
  });
}

function tryRun(io: CliIo, args: readonly string[]): string | undefined {
  try {
    return run(io, args).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** Whether the repository root is inside a git work tree. */
export function isGitRepository(io: CliIo): boolean {
  return tryRun(io, ['rev-parse', '--is-inside-work-tree']) === 'true';
}

/** The folder of `io.root` inside the work tree, with a trailing slash (or empty at the top). */
function prefix(io: CliIo): string {
  return tryRun(io, ['rev-parse', '--show-prefix']) ?? '';
}

/** A revision the user named, resolved to a commit id; a clear usage error when unknown. */
export function resolveCommit(io: CliIo, ref: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused.
  if (ref === '' || ref.startsWith('-') || /[\s\u0000-\u001f]/.test(ref))
    throw new UsageError(`\`${ref}\` is not a git revision.`);
  const sha = tryRun(io, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${ref}^{commit}`,
  ]);
  if (!sha)
    throw new UsageError(
      `Unknown git revision \`${ref}\`; name a branch, tag or commit (try \`git log --oneline\`).`,
    );
  return sha;
}

/** A commit to compare against, and how to call it. */
export interface Revision {
  readonly sha: string;
  readonly label: string;
}

/** The repository's default branch as a revision name, when one can be found. */
export function defaultBranch(io: CliIo): string | undefined {
  const remoteHead = tryRun(io, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  const candidates = [
    ...(remoteHead ? [remoteHead.replace(/^refs\/remotes\//, '')] : []),
    'origin/main',
    'origin/master',
    'main',
    'master',
  ];
  return candidates.find(
    (c) => tryRun(io, ['rev-parse', '--verify', '--quiet', `${c}^{commit}`]) !== undefined,
  );
}

/** The default base of a diff: the merge base of HEAD with the default branch, else HEAD. */
export function defaultBase(io: CliIo): Revision {
  const head = tryRun(io, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head)
    throw new UsageError('The repository has no commits yet; commit the ladders or pass --base.');
  const branch = defaultBranch(io);
  if (branch) {
    const base = tryRun(io, ['merge-base', 'HEAD', branch]);
    if (base) return { sha: base, label: `${base.slice(0, 7)} (merge base with ${branch})` };
  }
  return { sha: head, label: `${head.slice(0, 7)} (HEAD)` };
}

interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  readonly size: number;
  readonly path: string;
}

function listTree(io: CliIo, sha: string, folder: string): TreeEntry[] {
  const top = prefix(io);
  const target = folder === '.' ? top || '.' : `${top}${folder}`;
  const out = run(io, ['ls-tree', '-r', '-l', '-z', '--full-tree', sha, '--', target]);
  return treeEntries(out, top);
}

/** The entries of `git ls-tree -r -l -z` output whose paths start with `top`, without it. */
function treeEntries(out: Buffer, top: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode = '', type = '', object = '', size = ''] = record.slice(0, tab).split(/ +/);
    const full = record.slice(tab + 1);
    if (!full.startsWith(top)) continue;
    entries.push({ mode, type, object, size: Number(size) || 0, path: full.slice(top.length) });
  }
  return entries;
}

/** A file to read from a commit: the path it is shown under, and its blob. */
interface TreeFile {
  readonly path: string;
  readonly object: string;
  readonly size: number;
}

/** Where a symbolic link in a commit leads, as `git cat-file --follow-symlinks` finds it. */
type LinkTarget =
  | { readonly kind: 'blob'; readonly object: string; readonly size: number }
  | { readonly kind: 'tree'; readonly object: string }
  | { readonly kind: 'outside' }
  | { readonly kind: 'nowhere' };

/** Links inside linked folders are followed this deep (a link to a parent folder loops). */
const MAX_LINK_DEPTH = 8;

/**
 * The files under `folder` at commit `sha` that `filter` keeps, read in one
 * `git cat-file --batch`. Symbolic links are followed as in the working tree: to a file or a
 * folder inside the repository, and reported when they lead out of it or nowhere. Submodules
 * are skipped; files over `maxBytes` are reported and not read.
 */
export function readTreeFiles(
  io: CliIo,
  sha: string,
  folder: string,
  filter: FileFilter,
  maxBytes: number,
): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const keep = fileTest(filter);
  const wanted: TreeFile[] = [];
  let links: string[] = [];
  const add = (entries: readonly TreeEntry[], under: string) => {
    for (const e of entries) {
      const path = `${under}${e.path}`;
      if (e.type !== 'blob') continue;
      if (e.mode === '120000') links.push(path);
      else if (keep(path)) wanted.push({ path, object: e.object, size: e.size });
    }
  };
  add(listTree(io, sha, folder), '');
  const top = prefix(io);
  for (let depth = 0; links.length > 0 && depth <= MAX_LINK_DEPTH; depth += 1) {
    const followed = links;
    links = [];
    const targets = resolveLinks(
      io,
      sha,
      followed.map((path) => `${top}${path}`),
    );
    followed.forEach((path, i) => {
      const target: LinkTarget = targets[i] ?? { kind: 'nowhere' };
      switch (target.kind) {
        case 'outside':
          diagnostics.push(unreadable(path, FILE_MESSAGES.linkOutside, 'outside-repository'));
          break;
        case 'nowhere':
          diagnostics.push(unreadable(path, FILE_MESSAGES.linkNowhere));
          break;
        case 'blob':
          if (keep(path)) wanted.push({ path, object: target.object, size: target.size });
          break;
        case 'tree':
          if (depth < MAX_LINK_DEPTH)
            add(treeEntries(run(io, ['ls-tree', '-r', '-l', '-z', target.object]), ''), `${path}/`);
          break;
      }
    });
  }
  const readable = wanted.filter((e) => {
    if (e.size <= maxBytes) return true;
    diagnostics.push(fileTooLarge(e.path, e.size, maxBytes));
    return false;
  });
  if (readable.length === 0) return { files: [], diagnostics };
  const out = run(io, ['cat-file', '--batch'], `${readable.map((e) => e.object).join('\n')}\n`);
  const files: InputFile[] = [];
  let offset = 0;
  for (const entry of readable) {
    const newline = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, newline).toString('utf8').split(' ');
    const size = Number(header[2]);
    const start = newline + 1;
    files.push({ path: entry.path, bytes: out.subarray(start, start + size) });
    offset = start + size + 1;
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}

/** Where each symbolic link (repository-relative paths) at commit `sha` leads. */
function resolveLinks(io: CliIo, sha: string, paths: readonly string[]): LinkTarget[] {
  // One query per line: a path with a line break in it cannot be asked, and is reported as
  // pointing nowhere.
  const asked = paths.filter((p) => !p.includes('\n'));
  const answers = new Map<string, LinkTarget>();
  if (asked.length > 0) {
    const input = asked.map((p) => `${sha}:${p}\n`).join('');
    const out = run(io, ['cat-file', '--batch-check', '--follow-symlinks'], input);
    let offset = 0;
    for (const path of asked) {
      const end = out.indexOf(0x0a, offset);
      const header = out.subarray(offset, end === -1 ? out.length : end).toString('utf8');
      offset = end + 1;
      const found = /^([0-9a-f]+) (blob|tree) (\d+)$/.exec(header);
      const special = /^(symlink|dangling|loop|notdir) (\d+)$/.exec(header);
      if (found) {
        const object = found[1] ?? '';
        answers.set(
          path,
          found[2] === 'blob'
            ? { kind: 'blob', object, size: Number(found[3]) }
            : { kind: 'tree', object },
        );
      } else if (special) {
        // These answers carry the link's text (or the name asked for) on the next line.
        offset += Number(special[2]) + 1;
        answers.set(path, { kind: special[1] === 'symlink' ? 'outside' : 'nowhere' });
      } else answers.set(path, { kind: 'nowhere' });
    }
  }
  return paths.map((p) => answers.get(p) ?? { kind: 'nowhere' });
}

/** The paths under `folder` at commit `sha` (for "is this packet on the default branch"). */
export function treePaths(io: CliIo, sha: string, folder: string): Set<string> {
  try {
    return new Set(listTree(io, sha, folder).map((e) => e.path));
  } catch {
    return new Set();
  }
}

/** `git blame --porcelain` of a file in the work tree, or undefined when git cannot blame it. */
export function blame(io: CliIo, path: string): string | undefined {
  try {
    return run(io, ['blame', '--porcelain', '--', path]).toString('utf8');
  } catch {
    return undefined;
  }
}
