/** Builds real git repositories in temporary folders for the diff and health tests. */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A commit date that keeps commit ids (and so the reports that name them) the same every run. */
export const FIXED_DATE = '2026-01-15T12:00:00Z';

/** Runs git in `cwd` with a fixed identity and, unless given, a fixed date. */
export function git(cwd: string, args: readonly string[], date = FIXED_DATE): string {
  return execFileSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
  });
}

/** A new repository with one identity configured locally and `main` as its branch. */
export function newRepo(prefix = 'ladder-git-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  git(dir, ['init', '-q', '-b', 'main']);
  // What three `git config` calls would write, without three more processes per repository.
  appendFileSync(
    join(dir, '.git', 'config'),
    '[user]\n\tname = Ladder Test\n\temail = ladder-test@example.com\n[commit]\n\tgpgsign = false\n',
  );
  return dir;
}

/** Replaces the repository's `ladders/` and `promotions/` with those of a fixture folder. */
export function putTree(dir: string, from: string): void {
  rmSync(join(dir, 'ladders'), { recursive: true, force: true });
  rmSync(join(dir, 'promotions'), { recursive: true, force: true });
  cpSync(from, dir, { recursive: true });
}

/** Stages everything and commits it. */
export function commitAll(dir: string, message: string, date = FIXED_DATE): void {
  git(dir, ['add', '-A'], date);
  git(dir, ['commit', '-q', '-m', message], date);
}

/**
 * A repository for a diff scenario: `base/` committed on main, then a `change` branch with
 * `head/` in the working tree (committed too when `commitHead`).
 */
export function scenarioRepo(scenario: string, commitHead = false): string {
  const dir = newRepo();
  putTree(dir, join(scenario, 'base'));
  commitAll(dir, 'base');
  git(dir, ['checkout', '-q', '-b', 'change']);
  putTree(dir, join(scenario, 'head'));
  if (commitHead) commitAll(dir, 'head');
  return dir;
}
