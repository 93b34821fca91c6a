/**
 * `git blame --porcelain` of a ladder file, for the health report's dates: the one call of the
 * CLI (`ladder health`, the working tree) and the action (the checkout's `HEAD`), run as
 * `git.ts` runs git, with no textconv filter.
 */
import { type GitPlace, git } from './git';

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
