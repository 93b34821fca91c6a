/**
 * A pull request run (`pull_request`, `pull_request_target`): list the changed files, read them
 * without running anything, review the packets and validate the ladders, annotate, and keep the
 * one review comment up to date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { DEFAULT_CONFIG } from '../../src/config/config';
import { composeComment } from '../../src/report/pr-comment';
import {
  type PacketInput,
  type PacketReview,
  type ReviewReport,
  reviewDiagnostics,
  reviewPackets,
  unreadablePacket,
} from '../../src/review/index';
import { type CommentOutcome, discoverAuthor, syncComment } from './comment';
import type { PullRequestRoute, RunnerEnv } from './event';
import {
  ApiFiles,
  ApiTreeSnapshot,
  type ChangedFile,
  hasCheckout,
  inFolder,
  LIST_FILES_LIMIT,
  listChangedFiles,
  OverlaySnapshot,
  type Snapshot,
  WorkspaceSnapshot,
} from './files';
import type { ActionInputs } from './inputs';
import { isLadderFile, isPacket, load } from './load';
import { ActionFailure, type Client, retryBaseMs } from './octokit';
import { checkPages } from './pages';
import { allDiagnostics, annotate, plural, type RunReport } from './publish';
import type { Context, Outcome } from './run';

/** The commit the workspace has checked out, from `.git/HEAD` (no git process is run). */
export function checkedOutCommit(root: string): string | undefined {
  try {
    const head = readFileSync(join(root, '.git', 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/i.test(head)) return head.toLowerCase();
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.split('/').includes('..')) return undefined;
    try {
      return readFileSync(join(root, '.git', ...ref.split('/')), 'utf8')
        .trim()
        .toLowerCase();
    } catch {
      const packed = readFileSync(join(root, '.git', 'packed-refs'), 'utf8');
      return packed
        .split('\n')
        .find((l) => l.endsWith(` ${ref}`))
        ?.slice(0, 40)
        .toLowerCase();
    }
  } catch {
    return undefined;
  }
}

/**
 * Where a pull request's files come from. Under `pull_request` a checkout of the merge (or
 * head) commit is read as is. Otherwise, and always under `pull_request_target`, the checkout is
 * only trusted for files the pull request does not change; changed files are read at the head
 * commit through the API. With no checkout at all, everything comes through the API.
 */
function pullRequestSnapshot(
  route: PullRequestRoute,
  env: RunnerEnv,
  inputs: ActionInputs,
  client: Client,
  changed: readonly ChangedFile[],
): Snapshot {
  const workspace = new WorkspaceSnapshot(env.workspace);
  const head = route.headSha.slice(0, 7);
  if (!hasCheckout(env.workspace, [inputs.ladders ?? DEFAULT_CONFIG.ladders]))
    return new ApiTreeSnapshot(
      client,
      route.repo,
      route.headSha,
      route.token,
      `head commit ${head} through the API (no checkout)`,
    );
  const at = checkedOutCommit(env.workspace);
  if (
    route.event === 'pull_request' &&
    at !== undefined &&
    (at === env.sha || at === route.headSha)
  )
    return workspace;
  return new OverlaySnapshot(
    workspace,
    changed,
    new ApiFiles(client, route.repo, route.headSha, route.token),
    `the base checkout, with the changed files read at ${head} through the API`,
  );
}

/** A short footer: which commit was reviewed (so a re-run of the same commit changes nothing). */
function footer(route: PullRequestRoute): string {
  return `<sub>Checked at commit ${route.headSha.slice(0, 7)}.</sub>`;
}

/** A line for a ladder change without problems (problems get their own section). */
function laddersValid(count: number): string {
  return `**Ladders:** ✅ ${plural(count, 'ladder file')} checked, no problems.`;
}

/** Reviews a pull request. */
export async function runPullRequest(route: PullRequestRoute, ctx: Context): Promise<Outcome> {
  const { env, inputs, client, counter } = ctx;
  const changed = await listChangedFiles(client, route.repo, route.number, route.token);
  if (changed.length >= LIST_FILES_LIMIT)
    core.warning(
      `This pull request changes ${LIST_FILES_LIMIT} files or more; GitHub lists only the first ${LIST_FILES_LIMIT}, so some packets may not be reviewed.`,
    );
  const snapshot = pullRequestSnapshot(route, env, inputs, client, changed);
  core.info(`Pull request #${route.number}: reading ${snapshot.description}.`);
  const loaded = await load(snapshot, inputs);
  const { config, model } = loaded;
  const diagnostics = [...loaded.diagnostics];

  const packetPaths = changed
    .filter((c) => c.status !== 'removed' && isPacket(c.path, config))
    .map((c) => c.path);
  const ladderChanged = changed.some(
    (c) =>
      isLadderFile(c.path, config) ||
      (c.previousPath !== undefined && isLadderFile(c.previousPath, config)) ||
      c.path === inputs.config,
  );
  const packets: PacketInput[] = [];
  const unreadable = new Map<string, PacketReview>();
  const reads = await Promise.all(packetPaths.map((p) => snapshot.read(p, config.maxPacketBytes)));
  packetPaths.forEach((path, i) => {
    const r = reads[i];
    if (r?.kind === 'file') packets.push({ path, bytes: r.bytes });
    // Too large, or a link out of the repository: reviewed as invalid, never read.
    else if (r?.kind === 'problem') unreadable.set(path, unreadablePacket(path, [r.diagnostic]));
  });
  const reviewed = reviewPackets(model, packets, {
    evidenceMinimum: config.evidenceMinimum,
    maxPacketBytes: config.maxPacketBytes,
  }).packets;
  const byPath = new Map([...reviewed.map((p) => [p.path, p] as const), ...unreadable]);
  const review: ReviewReport | undefined =
    byPath.size > 0 ? { packets: packetPaths.flatMap((p) => byPath.get(p) ?? []) } : undefined;
  const pagesChanged = changed.some((c) => inFolder(c.path, config.pages));
  if ((ladderChanged || pagesChanged) && !diagnostics.some((d) => d.severity === 'error')) {
    const pages = await checkPages(snapshot, model, config);
    diagnostics.push(...pages.diagnostics);
  }
  core.info(
    `${plural(changed.length, 'file')} changed: ${plural(packetPaths.length, 'packet')} to review${ladderChanged ? ', ladder files changed' : ''}.`,
  );
  for (const p of review?.packets ?? []) core.info(`  ${p.path}: ${p.verdict}`);

  let report: RunReport = {
    subject: `Pull request #${route.number}`,
    diagnostics,
    ...(review === undefined
      ? {}
      : {
          review,
          packetDiagnostics: review.packets.flatMap((p) => reviewDiagnostics(p, config.failOn)),
        }),
    requests: counter.count,
  };
  annotate(allDiagnostics(report));

  if (!inputs.comment) return { report, config };
  // A changed packet that could not be read (too large, a link out) is still worth a comment.
  const relevant = packetPaths.length > 0 || ladderChanged;
  const body = relevant
    ? composeComment({
        ...(review === undefined ? {} : { review }),
        ladderDiagnostics: diagnostics,
        blobBase: `${env.serverUrl}/${route.repo.owner}/${route.repo.repo}/blob/${route.headSha}/`,
        extraSections: [
          ...(ladderChanged && diagnostics.length === 0 ? [laddersValid(loaded.ladderFiles)] : []),
          footer(route),
        ],
      })
    : composeComment({});
  let comment: CommentOutcome;
  try {
    const author =
      inputs.commentAuthor.toLowerCase() === 'auto'
        ? await discoverAuthor(client)
        : inputs.commentAuthor;
    comment = await syncComment(
      {
        client,
        repo: route.repo,
        number: route.number,
        token: route.token,
        author,
        retryBaseMs: retryBaseMs(ctx.processEnv),
      },
      body,
      relevant,
    );
  } catch (error) {
    if (!(error instanceof ActionFailure)) throw error;
    report = { ...report, commentProblem: error.message, commentBody: body };
    // A fork's `pull_request` token is read-only: the review stands, only the comment is lost.
    if (route.token === 'fork-pull-request') {
      core.warning(error.message);
      return { report, config };
    }
    return { report, config, failure: error.message };
  }
  if (comment.action !== 'none') core.info(`Review comment ${comment.action}: ${comment.url}`);
  return { report: { ...report, comment, commentBody: body }, config };
}
