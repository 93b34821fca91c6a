/**
 * A pull request's changed files: the first request of a pull request run. This module stays
 * free of the engine, so that the request goes out before the engine is evaluated (see `run.ts`).
 */
import type { PullRequestRoute, RepoRef, TokenContext } from './event';
import * as log from './log';
import { type Client, permissionFailure } from './octokit';
import { changesBetweenTrees } from './tree-changes';

/** A file a pull request touches, as `pulls.listFiles` reports it. */
export interface ChangedFile {
  readonly path: string;
  readonly status:
    | 'added'
    | 'removed'
    | 'modified'
    | 'renamed'
    | 'copied'
    | 'changed'
    | 'unchanged';
  readonly previousPath?: string;
}

/** The largest number of files `pulls.listFiles` returns; bigger pull requests are cut off. */
export const LIST_FILES_LIMIT = 3000;

/** The changed files of a pull request (all pages, 100 per page). */
async function listFiles(
  client: Client,
  repo: RepoRef,
  number: number,
  token: TokenContext,
): Promise<readonly ChangedFile[]> {
  try {
    const files = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
      ...repo,
      pull_number: number,
      per_page: 100,
    });
    return files.map((f) => ({
      path: f.filename,
      status: f.status,
      ...(f.previous_filename === undefined ? {} : { previousPath: f.previous_filename }),
    }));
  } catch (error) {
    throw permissionFailure(error, 'read-pr', 'list the files of the pull request', token) ?? error;
  }
}

/** The files a pull request changes; `complete` false when some may be missing. */
export interface ChangedFiles {
  readonly files: readonly ChangedFile[];
  readonly complete: boolean;
}

/**
 * Every file a pull request changes. `pulls.listFiles` stops at 3,000; at that count the trees
 * of the base and merge commits are compared instead, so that no packet or ladder change hides
 * behind the first 3,000 files. When that cannot be done either, a warning says what may be
 * missing, and the listing is marked incomplete: the config and the ladder files are then
 * compared with the base's in full (review-basis.ts), so that no change past the cut lowers the
 * bar of a packet that is listed.
 */
export async function listChangedFiles(
  client: Client,
  route: PullRequestRoute,
): Promise<ChangedFiles> {
  const listed = await listFiles(client, route.repo, route.number, route.token);
  if (listed.length < LIST_FILES_LIMIT) return { files: listed, complete: true };
  const compared = await changesBetweenTrees(client, route);
  if (compared !== undefined) {
    log.info(
      `GitHub lists only the first ${LIST_FILES_LIMIT} changed files; found all ${compared.length} by comparing the trees of the base and merge commits.`,
    );
    return { files: compared, complete: true };
  }
  log.warning(
    `This pull request changes ${LIST_FILES_LIMIT} files or more and GitHub lists only the first ${LIST_FILES_LIMIT}${route.mergeSha === undefined ? ' (and it has no merge commit to compare with its base: a conflict?)' : ''}, so packets beyond them are not reviewed (the config and the ladder files are compared with the base branch's in full). Split the pull request.`,
  );
  return { files: listed, complete: false };
}
