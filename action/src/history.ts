/**
 * When each ladder part last changed, for the health report on `schedule` and
 * `workflow_dispatch`. Two sources, the better first:
 *
 * - the checkout's own history, with `git blame --porcelain HEAD` per ladder file, when the
 *   workspace is a full clone (`fetch-depth: 0`). Only `git` runs, with an argument list, on the
 *   committed blobs of `HEAD`: no hook, no work-tree filter, no textconv, no fsmonitor, nothing
 *   from the repository is executed. Dates are per line, as `npx ladder health` gives them.
 * - otherwise (a shallow clone, as `actions/checkout` makes by default, whose blame would date
 *   every line to the one commit it has), the commits API: one request per ladder file for its
 *   latest commit, at most MAX_API_FILES of them. Dates are then per file.
 *
 * Both are bounded: each git call has a timeout, and the API is asked a fixed number of times.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileHistory, type History, ladderHistory } from '../../src/health/history';
import { git } from '../../src/load/git';
import { blameFiles } from '../../src/load/git-blame';
import type { InputFile } from '../../src/validate/index';
import type { RepoRef } from './event';
import * as log from './log';
import { type Client, statusOf } from './octokit';

/** The most ladder files whose history the commits API is asked for (one request each). */
export const MAX_API_FILES = 20;
/** A history and where it came from, for the log and the summary. */
export interface HistoryResult {
  readonly history: History;
  /** One sentence, e.g. "from git blame of the checkout (per line)". */
  readonly source: string;
}

/** The blame of every file, or undefined when the checkout cannot give a per-line history. */
async function fromGit(
  root: string,
  files: readonly InputFile[],
): Promise<Map<string, string> | undefined> {
  if (!existsSync(join(root, '.git'))) return undefined;
  // A shallow clone dates every line to its one commit: worse than no history.
  const place = { root, env: process.env };
  const shallow = await git(place, ['rev-parse', '--is-shallow-repository']);
  if (shallow?.trim() !== 'false') return undefined;
  const blames = await blameFiles(
    place,
    files.map((f) => f.path),
    'HEAD',
  );
  return blames.size > 0 ? blames : undefined;
}

/** Each file's latest commit time through the commits API, for the first MAX_API_FILES files. */
async function fromApi(
  client: Client,
  repo: RepoRef,
  sha: string,
  files: readonly InputFile[],
): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const f of files.slice(0, MAX_API_FILES)) {
    try {
      const { data } = await client.rest.repos.listCommits({
        ...repo,
        sha,
        path: f.path,
        per_page: 1,
      });
      const date = data[0]?.commit.committer?.date ?? data[0]?.commit.author?.date;
      const ms = date === undefined ? Number.NaN : Date.parse(date);
      if (Number.isFinite(ms)) times.set(f.path, ms);
    } catch (error) {
      // History is a nicety: without it the report simply has no dates.
      if (statusOf(error) === undefined) throw error;
      log.info(`No history for ${f.path}: GitHub answered ${statusOf(error)}.`);
      if (statusOf(error) === 403 || statusOf(error) === 401) break;
    }
  }
  return times;
}

/** The ladders' history from the checkout when it is a full clone, else from the commits API. */
export async function ladderFilesHistory(
  client: Client,
  repo: RepoRef,
  root: string,
  sha: string,
  files: readonly InputFile[],
): Promise<HistoryResult> {
  const blames = await fromGit(root, files);
  if (blames)
    return {
      history: ladderHistory(files, blames),
      source: 'from `git blame` of the checkout (per line)',
    };
  const times = await fromApi(client, repo, sha, files);
  const left = files.length - Math.min(files.length, MAX_API_FILES);
  return {
    history: fileHistory(files, times),
    source: `from each ladder file's latest commit through the API (per file; check out with \`fetch-depth: 0\` for per-line dates)${left > 0 ? `; ${left} more files have no dates (at most ${MAX_API_FILES} are asked)` : ''}`,
  };
}
