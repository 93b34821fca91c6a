/**
 * `git blame --porcelain` of a ladder file, for the health report's dates: the one call of the
 * CLI (`ladder health`, the working tree) and the action (the checkout's `HEAD`). Only `git`
 * runs, with an argument list: no shell, no textconv filter, no fsmonitor hook, no optional
 * locks, no prompt, and a timeout.
 */
import { execFile } from 'node:child_process';

/** The longest one git call may take. */
const GIT_TIMEOUT_MS = 20_000;
const MAX_BUFFER = 64 * 1024 * 1024;

/** Where git runs and what it is given. */
export interface GitPlace {
  /** The folder git runs in (the repository root). */
  readonly root: string;
  /** The environment git runs with. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Runs git with `args` in `place`; its standard output, or undefined when it fails. */
export function git(place: GitPlace, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      // No fsmonitor hook, even if a global config names one; no locks taken on the index.
      ['-c', 'core.fsmonitor=false', ...args],
      {
        cwd: place.root,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: MAX_BUFFER,
        env: { ...place.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}

/**
 * The blame of each file at `revision` (the working tree when undefined), by path; a file git
 * cannot blame (not committed, no repository) is left out.
 */
export async function blameFiles(
  place: GitPlace,
  paths: readonly string[],
  revision?: string,
): Promise<Map<string, string>> {
  const blames = new Map<string, string>();
  for (const path of paths) {
    const out = await git(place, [
      'blame',
      '--porcelain',
      '--no-textconv',
      ...(revision === undefined ? [] : [revision]),
      '--',
      path,
    ]);
    if (out !== undefined) blames.set(path, out);
  }
  return blames;
}
