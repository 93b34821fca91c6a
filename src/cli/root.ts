/** Finding the repository root, as git and eslint find theirs, so every command runs from any folder. */
import { realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../config/config';
import { gitTopLevel } from './git';
import { type CliStart, pathExists } from './io';

/**
 * The repository root for a command run in `cwd`: the nearest folder upward that holds
 * `ladder.config.yml`, else the top of the git work tree, else `cwd` itself. Both as real paths,
 * so that paths typed relative to `cwd` and paths relative to the root agree.
 *
 * The top of the work tree is the nearest folder upward with a `.git` (a folder, or the file of
 * a worktree or submodule), found as git finds it, in the same walk, which spares every command
 * a process. Git itself is asked when `GIT_DIR` or `GIT_WORK_TREE` overrides that search, or
 * when there is no `.git`.
 */
export function findRoot(cwd: string, env: CliStart['env']): { root: string; cwd: string } {
  const here = realOr(resolve(cwd));
  let workTree: string | undefined;
  for (let dir = here; ; dir = dirname(dir)) {
    if (pathExists(join(dir, CONFIG_FILE))) return { root: dir, cwd: here };
    if (workTree === undefined && pathExists(join(dir, '.git'))) workTree = dir;
    if (dirname(dir) === dir) break;
  }
  const overridden = env.GIT_DIR !== undefined || env.GIT_WORK_TREE !== undefined;
  const top = (overridden ? undefined : workTree) ?? gitTopLevel(here, env);
  return { root: top === undefined ? here : realOr(top), cwd: here };
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
