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
 */
export function findRoot(cwd: string, env: CliStart['env']): { root: string; cwd: string } {
  const here = realOr(resolve(cwd));
  for (let dir = here; ; dir = dirname(dir)) {
    if (pathExists(join(dir, CONFIG_FILE))) return { root: dir, cwd: here };
    if (dirname(dir) === dir) break;
  }
  const top = gitTopLevel(here, env);
  return { root: top === undefined ? here : realOr(top), cwd: here };
}

function realOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
