/**
 * A pull request run (`pull_request`, `pull_request_target`): list the changed files, read them
 * without running anything, review the packets and validate the ladders, annotate, and keep the
 * one review comment up to date.
 */
import { type Config, DEFAULT_CONFIG } from '../../src/config/config';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic';
import type { Comparison } from '../../src/diff/compare';
import { type Reviewers, reviewersFor } from '../../src/diff/owners';
import { CachedSnapshot, inFolder, type Snapshot, unreadDiagnostic } from '../../src/load/snapshot';
import { WorkingTree } from '../../src/load/working-tree';
import { plural } from '../../src/markdown/plural';
import { packetTooLarge, parsePacket } from '../../src/packet/parse';
import { ladderChangesSection, ladderChangesUnavailable } from '../../src/report/ladder-changes';
import { composeComment } from '../../src/report/pr-comment';
import { baseLadderMarkdown } from '../../src/report/review-basis';
import {
  type PacketInput,
  type PacketReview,
  type ReviewReport,
  reviewDiagnostics,
  reviewParsedPacket,
  unreadablePacket,
} from '../../src/review/index';
import { type InputFile, validateLadders } from '../../src/validate/index';
import {
  isLadderFile,
  isPacket,
  ladderLimits,
  loadWorkspace,
  readPackets,
  type Workspace,
} from '../../src/workspace/index';
import { ApiFiles, ApiTreeSnapshot, OverlaySnapshot } from './api-files';
import type { ChangedFile, ChangedFiles } from './changed-files';
import { type CommentOutcome, ConversationLocked, discoverAuthor, syncComment } from './comment';
import { type CommentPage, commentFields, readPage } from './comment-list';
import type { Context, Outcome } from './context';
import type { PullRequestRoute, RunnerEnv } from './event';
import { checkedOutCommit, hasCheckout } from './files';
import { type ActionInputs, workspaceOptions } from './inputs';
import {
  type BaseLadders,
  type BaseReader,
  compareRevisions,
  readBaseLadders,
} from './ladder-changes';
import * as log from './log';
import { ActionFailure, type Client, describeRequestError, retryBaseMs } from './octokit';
import { checkPages } from './pages';
import { allDiagnostics, annotate, type RunReport } from './publish';
import { configBasis, ladderIdsIn, withUnlistedLadders } from './review-basis';
import { requestReviews } from './reviewers';
import { verifyPackets } from './verify';

/** Where the head side of a pull request comes from, and where its base files are read. */
interface Revisions {
  readonly head: Snapshot;
  readonly base: BaseReader;
}

/**
 * Where a pull request's files come from. Under `pull_request` a checkout of the merge (or
 * head) commit is read as is. Otherwise, and always under `pull_request_target`, the checkout is
 * only trusted for files the pull request does not change; changed files are read at the head
 * commit through the API. With no checkout at all, everything comes through the API.
 *
 * The base side (for the ladder diff) is the base checkout itself when the head is an overlay on
 * it; otherwise the few files it needs are read at `pull_request.base.sha` through the API.
 */
function pullRequestRevisions(
  route: PullRequestRoute,
  env: RunnerEnv,
  inputs: ActionInputs,
  client: Client,
  changed: readonly ChangedFile[],
): Revisions {
  const workspace = new WorkingTree(env.workspace, 'the checked-out workspace');
  const head = route.headSha.slice(0, 7);
  const base = route.baseSha.slice(0, 7);
  const baseThroughApi: BaseReader = {
    description: `base commit ${base} through the API`,
    read: (path, maxBytes) =>
      new ApiFiles(client, route.repo, route.baseSha, route.token, 'the base commit').read(
        path,
        maxBytes,
      ),
  };
  if (!hasCheckout(env.workspace, [inputs.ladders ?? DEFAULT_CONFIG.ladders]))
    return {
      head: new ApiTreeSnapshot(
        client,
        route.repo,
        route.headSha,
        route.token,
        `head commit ${head} through the API (no checkout)`,
      ),
      base: baseThroughApi,
    };
  const at = checkedOutCommit(env.workspace);
  if (
    route.event === 'pull_request' &&
    at !== undefined &&
    (at === env.sha || at === route.headSha)
  )
    return { head: workspace, base: baseThroughApi };
  return {
    head: new OverlaySnapshot(
      workspace,
      changed,
      new ApiFiles(client, route.repo, route.headSha, route.token),
      `the base checkout, with the changed files read at ${head} through the API`,
    ),
    base: { description: 'the base checkout', read: (p, max) => workspace.read(p, max) },
  };
}

/** A short footer: which commit was reviewed (so a re-run of the same commit changes nothing). */
function footer(route: PullRequestRoute): string {
  return `<sub>Checked at commit ${route.headSha.slice(0, 7)}.</sub>`;
}

/** A line for a ladder change without problems (problems get their own section). */
function laddersValid(count: number): string {
  return `**Ladders:** ✅ ${plural(count, 'ladder file')} checked, no problems.`;
}

/** The ladder change of the pull request, ready for the comment, the summary and the checks. */
interface LadderChangeReport {
  /** Undefined when the head's ladders do not validate (nothing was compared). */
  readonly comparison: Comparison | undefined;
  /** The "Ladder changes" section (and the owners line) for the comment and the summary. */
  readonly sections: readonly string[];
  /** The owners to ask for review, as the base revision names them. */
  readonly owners: Reviewers;
}

const NOBODY: Reviewers = { users: [], teams: [] };

/** Diffs the ladders and writes the section. */
async function ladderChange(
  ctx: Context,
  route: PullRequestRoute,
  revisions: Revisions,
  loaded: Workspace,
  baseLadders: () => Promise<BaseLadders>,
  packets: () => Promise<readonly InputFile[]>,
): Promise<LadderChangeReport> {
  const { config } = loaded;
  // The problems are in the comment already; the base is not worth a request until they are fixed.
  if (loaded.diagnostics.some((d) => d.severity === 'error' && isLadderFile(d.file, config))) {
    log.info('Ladder changes: not compared until the ladders of the pull request validate.');
    return {
      comparison: undefined,
      sections: [ladderChangesUnavailable(['head'], { depth: 3 })],
      owners: NOBODY,
    };
  }
  log.info(`Ladder changes: base files from ${revisions.base.description}.`);
  const comparison = compareRevisions({
    config,
    headFiles: loaded.files,
    headProblems: loaded.readProblems,
    baseLadders: await baseLadders(),
    packets: await packets(),
    ...(route.author === undefined ? {} : { author: route.author }),
  });
  if (!comparison.ok) {
    const sides = comparison.broken.map((b) => b.side);
    log.info(`Ladder changes: not compared, the ${sides.join(' and ')} does not validate.`);
    return {
      comparison,
      sections: [ladderChangesUnavailable(sides, { depth: 3 })],
      owners: NOBODY,
    };
  }
  const { result, impact, reviewers } = comparison;
  const breaking = result.changes.filter((c) => c.impact === 'breaking').length;
  log.info(
    `Ladder changes: ${plural(result.changes.length, 'change')} (${breaking} breaking), ${plural(impact.length, 'packet')} affected.`,
  );
  return {
    comparison,
    sections: ladderChangesSection(result, impact, reviewers, {
      depth: 3,
      requested: ctx.inputs.requestReviews,
    }),
    // Owners as the base names them: a pull request cannot choose its own reviewers.
    owners: reviewersFor(result.changes, comparison.base, {
      ...(route.author === undefined ? {} : { exclude: [route.author] }),
    }),
  };
}

/** Reviews a pull request, given its changed files (`complete`: all of them). */
export async function runPullRequest(
  route: PullRequestRoute,
  ctx: Context,
  changedFiles: ChangedFiles,
): Promise<Outcome> {
  const { files: changed, complete } = changedFiles;
  const { env, inputs, client, counter } = ctx;
  const revisions = pullRequestRevisions(route, env, inputs, client, changed);
  // The review, the ladder diff and the page check may all read the same packets: read once.
  const snapshot = new CachedSnapshot(revisions.head);
  log.info(`Pull request #${route.number}: reading ${snapshot.description}.`);
  const basis = await configBasis(route, inputs, snapshot, revisions.base, changed, complete);
  const loaded = await loadWorkspace(snapshot, { ...workspaceOptions(inputs), config: basis.read });
  const { config, model } = loaded;
  const ladderChanges = await withUnlistedLadders(changed, complete, loaded, revisions.base);
  const diagnostics = [...loaded.diagnostics];
  let repoPackets: Promise<readonly InputFile[]> | undefined;
  const packetsAtHead = () => {
    repoPackets ??= loaded.packets().then((paths) => readPackets(snapshot, config, paths));
    return repoPackets;
  };
  let baseSide: Promise<BaseLadders> | undefined;
  const baseLadders = () => {
    baseSide ??= readBaseLadders(config, ladderChanges, loaded.files, revisions.base);
    return baseSide;
  };

  const packetPaths = changed
    .filter((c) => c.status !== 'removed' && isPacket(c.path, config))
    .map((c) => c.path);
  const changedLadderFiles = ladderChanges.flatMap((c) =>
    [c.path, c.previousPath ?? ''].filter((p) => isLadderFile(p, config)),
  );
  const ladderChanged = changedLadderFiles.length > 0 || basis.changed;
  const packets: PacketInput[] = [];
  const unreadable = new Map<string, PacketReview>();
  const reads = await Promise.all(packetPaths.map((p) => snapshot.read(p, config.maxPacketBytes)));
  packetPaths.forEach((path, i) => {
    const r = reads[i];
    if (r?.kind === 'file') packets.push({ path, bytes: r.bytes });
    // Too large (`packet-too-large`, as the CLI says), or a link out of the repository: reviewed
    // as invalid, never read.
    else if (r !== undefined && r.kind !== 'missing')
      unreadable.set(path, unreadablePacket(path, [unreadDiagnostic(path, r, packetTooLarge)]));
  });
  // Packets are measured against the base's ladders: a change to a ladder cannot lower the bar
  // of a packet in the same pull request.
  const reviewModel =
    changedLadderFiles.length > 0 && packets.length > 0
      ? validateLadders((await baseLadders()).files, {
          limits: ladderLimits(config),
          severities: config.severities,
        }).model
      : model;
  // Relative links in packets count only when they lead to a file of the head commit.
  const files =
    packets.length > 0
      ? new Set(await snapshot.list('.', [''], { hidden: true, followedOnly: true }))
      : undefined;
  const parsed = packets.map((p) =>
    parsePacket(p.path, p.bytes, { maxBytes: config.maxPacketBytes }),
  );
  // The packets' GitHub links are verified before the review, which reports what GitHub says.
  // The first page of comments rides on that request when it goes with the workflow token.
  const listing =
    inputs.comment && ctx.verifyClient === undefined
      ? commentFields(route.repo, route.number)
      : undefined;
  const verified = await verifyPackets(
    parsed,
    config,
    { serverUrl: env.serverUrl, repository: { owner: route.repo.owner, name: route.repo.repo } },
    ctx.verifyClient ?? client,
    {
      evidenceMinimum: config.evidenceMinimum,
      maxPacketBytes: config.maxPacketBytes,
      trackers: config.trackers,
      ...(files ? { files } : {}),
    },
    listing,
  );
  const reviewed = parsed.map((p) => reviewParsedPacket(reviewModel, p, verified.options));
  const changedLadders = ladderIdsIn(new Set(changedLadderFiles), [model, reviewModel]);
  const onBase = reviewed.flatMap((p) =>
    p.ladder !== undefined && changedLadders.has(p.ladder)
      ? [{ path: p.path, ladder: p.ladder }]
      : [],
  );
  const byPath = new Map([...reviewed.map((p) => [p.path, p] as const), ...unreadable]);
  const review: ReviewReport | undefined =
    byPath.size > 0 ? { packets: packetPaths.flatMap((p) => byPath.get(p) ?? []) } : undefined;
  const pagesChanged = changed.some((c) => inFolder(c.path, config.pages));
  if ((ladderChanged || pagesChanged) && !diagnostics.some((d) => d.severity === 'error')) {
    const pages = await checkPages(snapshot, model, config);
    diagnostics.push(...pages.diagnostics);
  }
  const ladders = ladderChanged
    ? await ladderChange(ctx, route, revisions, loaded, baseLadders, packetsAtHead)
    : undefined;
  if (ladders?.comparison?.ok) diagnostics.push(...ladders.comparison.diagnostics);
  diagnostics.sort(compareDiagnostics);
  log.info(
    `${plural(changed.length, 'file')} changed: ${plural(packetPaths.length, 'packet')} to review${ladderChanged ? ', ladder files changed' : ''}.`,
  );
  for (const p of review?.packets ?? []) log.info(`  ${p.path}: ${p.verdict}`);

  const report: RunReport = {
    subject: `Pull request #${route.number}`,
    diagnostics,
    ...(review === undefined
      ? {}
      : {
          review,
          packetDiagnostics: review.packets.flatMap((p) => reviewDiagnostics(p, config.failOn)),
        }),
    ...(ladders === undefined ? {} : { ladderChanges: ladders.sections.join('\n') }),
    requests: counter.count,
  };
  annotate(allDiagnostics(report));
  const outcome = await writeComment(ctx, route, report, config, {
    firstPage: readPage(verified.extraData),
    relevant: packetPaths.length > 0 || ladderChanged,
    body: () =>
      composeComment({
        ...(review === undefined ? {} : { review }),
        ladderDiagnostics: diagnostics,
        blobBase: `${env.serverUrl}/${route.repo.owner}/${route.repo.repo}/blob/${route.headSha}/`,
        extraSections: [
          basis.section,
          baseLadderMarkdown(onBase),
          ...(ladderChanged && diagnostics.length === 0 ? [laddersValid(loaded.files.length)] : []),
          ...(ladders?.sections ?? []),
          footer(route),
        ],
      }),
  });
  if (ladders === undefined) return outcome;
  // After the comment: GitHub spaces out requests that notify people by seconds, and the
  // comment is what the author is waiting for.
  const reviewRequests = await requestReviews(
    client,
    route,
    ladders.owners,
    inputs.requestReviews && ladders.comparison?.ok === true,
  );
  return { ...outcome, report: { ...outcome.report, reviewRequests } };
}

/** Keeps the one comment up to date; a failure to write it is reported, not thrown. */
async function writeComment(
  ctx: Context,
  route: PullRequestRoute,
  report: RunReport,
  config: Config,
  content: {
    /** The first page of comments, when it came with the evidence check's request. */
    readonly firstPage: CommentPage | undefined;
    readonly relevant: boolean;
    readonly body: () => string;
  },
): Promise<Outcome> {
  const { inputs, client } = ctx;
  if (!inputs.comment) return { report, config };
  const body = content.relevant ? content.body() : composeComment({});
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
      content.relevant,
      content.firstPage,
    );
  } catch (error) {
    // Whatever stopped the comment, the review is still published (summary, outputs).
    const message = error instanceof ActionFailure ? error.message : describeRequestError(error);
    if (message === undefined) throw error;
    const failed = { ...report, commentProblem: message, commentBody: body };
    // A fork's `pull_request` token is read-only, and a locked conversation takes no comment:
    // the review stands, only the comment is lost.
    if (route.token === 'fork-pull-request' || error instanceof ConversationLocked) {
      log.warning(message);
      return { report: failed, config };
    }
    return { report: failed, config, failure: message };
  }
  if (comment.action !== 'none') log.info(`Review comment ${comment.action}: ${comment.url}`);
  return { report: { ...report, comment, commentBody: body }, config };
}
