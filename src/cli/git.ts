/**
 * How the CLI chooses commits, for `ladder diff`, `ladder health` and `ladder init`: find the
 * work tree, resolve revisions, the default branch and the default base of a diff. Reading a
 * commit's files is src/load/git-commit.ts, the blame src/load/git-blame.ts. Git runs as it
 * does everywhere (`gitSync`, src/load/git.ts: an argument list, never a shell string, with its
 * guards), and revisions are resolved to a commit id before they are used anywhere else.
 */
import { type GitPlace, gitSync } from '../load/git';
import { type CliIo, UsageError } from './io';

/** The top folder of the git work tree that holds `cwd`, if it is in one. */
export function gitTopLevel(cwd: string, env: CliIo['env']): string | undefined {
  return gitSync({ root: cwd, env }, ['rev-parse', '--show-toplevel']) || undefined;
}

/** Whether the repository root is inside a git work tree. */
export function isGitRepository(io: CliIo): boolean {
  return gitSync(io, ['rev-parse', '--is-inside-work-tree']) === 'true';
}

/** A revision the user named, resolved to a commit id; a clear usage error when unknown. */
export function resolveCommit(io: CliIo, ref: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused.
  if (ref === '' || ref.startsWith('-') || /[\s\u0000-\u001f]/.test(ref))
    throw new UsageError(`\`${ref}\` is not a git revision.`);
  const sha = gitSync(io, [
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
  const remoteHead = gitSync(io, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  const candidates = [
    ...(remoteHead ? [remoteHead.replace(/^refs\/remotes\//, '')] : []),
    'origin/main',
    'origin/master',
    'main',
    'master',
  ];
  return candidates.find(
    (c) => gitSync(io, ['rev-parse', '--verify', '--quiet', `${c}^{commit}`]) !== undefined,
  );
}

/** The branch checked out, if any (none on a detached HEAD or outside git). */
export function currentBranch(io: GitPlace): string | undefined {
  return gitSync(io, ['symbolic-ref', '--quiet', '--short', 'HEAD']) || undefined;
}

/**
 * The default base of a diff: on the default branch itself, the commit before HEAD (what the
 * last commit changed); elsewhere the merge base of HEAD with the default branch; else HEAD.
 */
export function defaultBase(io: CliIo): Revision {
  const head = gitSync(io, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (!head)
    throw new UsageError('The repository has no commits yet; commit the ladders or pass --base.');
  const branch = defaultBranch(io);
  const current = currentBranch(io);
  if (branch && current !== undefined && current === branch.replace(/^origin\//, '')) {
    const previous = gitSync(io, ['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}']);
    if (previous)
      return {
        sha: previous,
        label: `${previous.slice(0, 7)} (HEAD~1: on ${current}, the commit before the last)`,
      };
  }
  if (branch) {
    const base = gitSync(io, ['merge-base', 'HEAD', branch]);
    if (base) return { sha: base, label: `${base.slice(0, 7)} (merge base with ${branch})` };
  }
  return { sha: head, label: `${head.slice(0, 7)} (HEAD)` };
}
