/**
 * A pull request's changed files: the first request of a pull request run. This module stays
 * free of the engine, so that the request goes out before the engine is evaluated (see `run.ts`).
 */
import type { RepoRef, TokenContext } from './event';
import { type Client, permissionFailure } from './octokit';

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
export async function listChangedFiles(
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
