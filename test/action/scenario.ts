/**
 * A fixture repository on the API stand-in: the base branch (test/fixtures/action/base plus its
 * rendered pages), pull requests that overlay one of the other fixture folders on it, and the
 * workspaces the runner would hold (the merge commit under `pull_request`, the base under
 * `pull_request_target`).
 */

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ladderFilesHealth } from '../../src/health/health';
import { renderSite } from '../../src/render/index';
import { validateLadders } from '../../src/validate/index';
import { ACTIONS_BOT, ApiStandIn, type PullFile } from './api-stand-in';
import { FIXTURES, pullRequestPayload, readTree, TOKEN, writeWorkspace } from './harness';

/** A commit id made from a label, so that every test's commits are distinct and stable. */
export function sha(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

/**
 * The pages `npx ladder render` would write for the ladders in `files`: path → bytes. The health
 * page counts the packets, so they are passed too.
 */
export function renderedPages(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const under = (folder: string, ext: string) =>
    [...files]
      .filter(([p]) => p.startsWith(`${folder}/`) && p.endsWith(ext))
      .map(([path, bytes]) => ({ path, bytes }));
  const { model } = validateLadders(under('ladders', '.yml'));
  const encoder = new TextEncoder();
  return new Map(
    renderSite(model, { pagesDir: 'docs/ladders', health: ladderFilesHealth(model) }).files.map(
      (page) => [`docs/ladders/${page.path}`, encoder.encode(page.content)],
    ),
  );
}

/** The base branch: the fixture files plus the pages `npx ladder render` would commit. */
export function baseTree(): Map<string, Uint8Array> {
  const files = readTree(join(FIXTURES, 'base'));
  for (const [path, bytes] of renderedPages(files)) files.set(path, bytes);
  return files;
}

/** One pull request on the stand-in. */
export interface PullRequestFixture {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  readonly mergeSha: string;
  /** The repository as the pull request would leave it. */
  readonly head: ReadonlyMap<string, Uint8Array>;
  readonly base: ReadonlyMap<string, Uint8Array>;
  readonly payload: Record<string, unknown>;
}

/** The stand-in for `acme/ladders` with the Actions token (and a read-only one), not started. */
export function createApi(): ApiStandIn {
  const api = new ApiStandIn('acme', 'ladders');
  api.tokens.set(TOKEN, { user: ACTIONS_BOT, write: true });
  api.tokens.set('ghs_read_only', { user: ACTIONS_BOT, write: false });
  return api;
}

/**
 * The stand-in of `createApi`, listening.
 * @public (part of the scenario API that tests build on)
 */
export async function startApi(): Promise<ApiStandIn> {
  const api = createApi();
  await api.start();
  return api;
}

/** What a pull request changes: files to add or replace (a fixture folder, or bytes) and remove. */
export interface Change {
  readonly fixture?: string;
  readonly files?: ReadonlyMap<string, Uint8Array>;
  readonly remove?: readonly string[];
  /** `owner/repo` of a fork. */
  readonly fork?: string;
  /** Distinguishes the head commits of successive pushes. */
  readonly push?: number;
  /** Files the base branch holds in place of the fixture base's (the head keeps them too). */
  readonly base?: ReadonlyMap<string, Uint8Array>;
}

/** Registers a pull request (its commits and file list) on the stand-in. */
export function openPullRequest(
  api: ApiStandIn,
  number: number,
  change: Change,
): PullRequestFixture {
  const base = baseTree();
  for (const [p, b] of change.base ?? []) base.set(p, b);
  const head = new Map(base);
  const added = new Map(change.files ?? []);
  if (change.fixture)
    for (const [p, b] of readTree(join(FIXTURES, change.fixture))) added.set(p, b);
  const files: PullFile[] = [];
  for (const [path, bytes] of added) {
    files.push({ filename: path, status: base.has(path) ? 'modified' : 'added' });
    head.set(path, bytes);
  }
  for (const path of change.remove ?? []) {
    head.delete(path);
    files.push({ filename: path, status: 'removed' });
  }
  const label = `${number}/${change.push ?? 1}/${change.fixture ?? ''}/${[...added.keys(), ...(change.remove ?? [])].join(',')}`;
  const baseSha = sha(change.base ? `base ${label} ${[...change.base.keys()].join(',')}` : 'base');
  const headSha = sha(`head ${label}`);
  const mergeSha = sha(`merge ${label}`);
  api.setCommit(baseSha, base);
  api.setCommit(headSha, head);
  api.setCommit(mergeSha, head);
  api.parents.set(mergeSha, [baseSha, headSha]);
  api.pulls.set(number, files);
  const payload = pullRequestPayload({
    owner: api.owner,
    repo: api.repo,
    number,
    headSha,
    baseSha,
    ...(change.fork ? { fork: change.fork } : {}),
  });
  return { number, headSha, baseSha, mergeSha, head, base, payload };
}

/** The workspace under `pull_request` after actions/checkout: the merge commit. */
export function mergeWorkspace(pr: PullRequestFixture): string {
  return writeWorkspace(pr.head, pr.mergeSha);
}

/** The workspace under `pull_request_target` after actions/checkout: the base branch only. */
export function baseWorkspace(pr: PullRequestFixture): string {
  return writeWorkspace(pr.base, pr.baseSha);
}
