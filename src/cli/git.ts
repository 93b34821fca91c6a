/**
 * The CLI's only contact with git, for `ladder diff` and `ladder health`: resolve revisions,
 * read files as they were at a commit (the blame is src/load/git-blame.ts). Always
 * `execFileSync('git', [...])` with an argument list, never a shell string, and revisions are
 * resolved to a commit id before they are used anywhere else.
 */
import { execFileSync } from 'node:child_process';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { FILE_MESSAGES } from '../diagnostics/file-messages';
import { fileTooLarge } from '../load/decode';
import { unreadable } from '../load/snapshot';
import { LINK_MODE, resolveInTree, treeOf, walkTree } from '../load/tree-paths';
import type { InputFile } from '../validate/index';
import { type CliIo, UsageError } from './io';

const MAX_BUFFER = 512 * 1024 * 1024;

/** Where git runs: the repository root and the environment the CLI was given. */
type GitPlace = Pick<CliIo, 'root' | 'env'>;

function run(io: GitPlace, args: readonly string[], input?: string): Buffer {
  return execFileSync('git', [...args], {
    cwd: io.root,
    env: io.env,
    maxBuffer: MAX_BUFFER,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input === undefined ? {} : { input }),
  });
}

function tryRun(io: GitPlace, args: readonly string[]): string | undefined {
  try {
    return run(io, args).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/** The top folder of the git work tree that holds `cwd`, if it is in one. */
export function gitTopLevel(cwd: string, env: CliIo['env']): string | undefined {
  return tryRun({ root: cwd, env }, ['rev-parse', '--show-toplevel']) || undefined;
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

/** The branch checked out, if any (none on a detached HEAD or outside git). */
export function currentBranch(io: GitPlace): string | undefined {
  return tryRun(io, ['symbolic-ref', '--quiet', '--short', 'HEAD']) || undefined;
}

/**
 * The default base of a diff: on the default branch itself, the commit before HEAD (what the
 * last commit changed); elsewhere the merge base of HEAD with the default branch; else HEAD.
 */
export function defaultBase(io: CliIo): Revision {
  const head = tryRun(io, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head)
    throw new UsageError('The repository has no commits yet; commit the ladders or pass --base.');
  const branch = defaultBranch(io);
  const current = currentBranch(io);
  if (branch && current !== undefined && current === branch.replace(/^origin\//, '')) {
    const previous = tryRun(io, ['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}']);
    if (previous)
      return {
        sha: previous,
        label: `${previous.slice(0, 7)} (HEAD~1: on ${current}, the commit before the last)`,
      };
  }
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

/** The contents of blobs, in order, in one `git cat-file --batch`. */
function readBlobs(io: CliIo, objects: readonly string[]): Buffer[] {
  if (objects.length === 0) return [];
  const out = run(io, ['cat-file', '--batch'], `${objects.join('\n')}\n`);
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const _ of objects) {
    const newline = out.indexOf(0x0a, offset);
    const header = out.subarray(offset, newline).toString('utf8').split(' ');
    const size = Number(header[2]);
    const start = newline + 1;
    blobs.push(out.subarray(start, start + size));
    offset = start + size + 1;
  }
  return blobs;
}

/**
 * The files under `folder` at commit `sha` that `keep` keeps, read in one
 * `git cat-file --batch`, found as the working tree is walked (`walkTree`): symbolic links
 * followed inside the repository, and reported when they lead out of it or nowhere; hidden
 * folders skipped. Submodules are skipped; files over `maxBytes` are reported and not read.
 */
export function readTreeFiles(
  io: CliIo,
  sha: string,
  folder: string,
  keep: (path: string) => boolean,
  maxBytes: number,
): { files: InputFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const listed = listTree(io, sha, folder);
  // A link may lead anywhere in the commit: then the whole tree is needed, and every target.
  const entries = listed.some((e) => e.mode === LINK_MODE) ? listTree(io, sha, '.') : listed;
  const tree = treeOf(new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, e])));
  const links = [...tree.files.values()].filter((e) => e.mode === LINK_MODE);
  const texts = readBlobs(
    io,
    links.map((e) => e.object),
  );
  const targets = new Map(links.map((e, i) => [e.path, texts[i]?.toString('utf8')]));
  const walked = walkTree(folder, tree, targets, keep);
  const wanted: TreeEntry[] = [];
  for (const path of walked.kind === 'done' ? walked.paths : []) {
    const target = resolveInTree(path, tree, targets);
    if (target.kind === 'outside')
      diagnostics.push(unreadable(path, FILE_MESSAGES.linkOutside, 'outside-repository'));
    else if (target.kind === 'nowhere' || target.kind === 'need')
      diagnostics.push(unreadable(path, FILE_MESSAGES.linkNowhere));
    else if (target.kind === 'file') {
      if (target.file.size <= maxBytes) wanted.push({ ...target.file, path });
      else diagnostics.push(fileTooLarge(path, target.file.size, maxBytes));
    }
  }
  const blobs = readBlobs(
    io,
    wanted.map((e) => e.object),
  );
  const files = wanted.map(
    (e, i): InputFile => ({ path: e.path, bytes: blobs[i] ?? Buffer.alloc(0) }),
  );
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}

/** The paths under `folder` at commit `sha` (for "is this packet on the default branch"). */
export function treePaths(io: CliIo, sha: string, folder: string): Set<string> {
  try {
    return new Set(listTree(io, sha, folder).map((e) => e.path));
  } catch {
    return new Set();
  }
}
