/**
 * The one sticky review comment on a pull request.
 *
 * Ours is a comment whose first line is the hidden marker AND whose author is the token's own
 * account (`github-actions[bot]` by default): a human who pastes the marker into a comment is
 * ignored, never edited, and so is a comment of another workflow on the same account that quotes
 * the marker anywhere but on its first line. Comments are listed 100 per page across every page
 * (comment-list.ts; the first page may come with the evidence check's request). The comment is
 * created once, then updated in place; an update with the same body is skipped; an update that
 * finds it deleted (404) creates it again. A create that fails with a 5xx may still have created
 * it, so it is never retried blindly: the comments are listed again and reconciled by marker
 * first. After a create the list is read once more, so that two runs at once (rapid pushes)
 * converge on the oldest copy and delete the others.
 */

import { COMMENT_MARKER } from '../../src/report/pr-comment';
import { type CommentPage, type IssueComment, listComments } from './comment-list';
import type { RepoRef, TokenContext } from './event';
import * as log from './log';
import {
  ActionFailure,
  apiMessage,
  type Client,
  describeRequestError,
  isRateLimited,
  permissionFailure,
  statusOf,
} from './octokit';

/** Where the comment goes and whose comments count as ours. */
export interface CommentTarget {
  readonly client: Client;
  readonly repo: RepoRef;
  readonly number: number;
  readonly token: TokenContext;
  /** Login of our account, e.g. `github-actions[bot]`. */
  readonly author: string;
  /** Milliseconds per backoff step between create attempts. */
  readonly retryBaseMs: number;
}

/** What happened to the comment. */
export type CommentOutcome =
  | {
      readonly action: 'created' | 'updated' | 'unchanged';
      readonly id: number;
      readonly url: string;
      /** Extra copies of our comment that were deleted. */
      readonly removed: number;
    }
  | { readonly action: 'none' };

const CREATE_ATTEMPTS = 3;

/**
 * The comment could not be written because a maintainer locked the conversation: a choice, not
 * a fault, so the run is not failed for it.
 */
export class ConversationLocked extends ActionFailure {}

/** Whether a body's first line is the marker (GitHub may store the line ending as CRLF). */
function startsWithMarker(body: string): boolean {
  const end = body.indexOf('\n');
  const first = end === -1 ? body : body.slice(0, end);
  return first.replace(/\r$/, '') === COMMENT_MARKER;
}

/** Whether a comment is ours: its first line is the marker, written by our own account. */
export function isOurs(comment: IssueComment, author: string): boolean {
  const user = comment.user;
  if (!user || !startsWithMarker(comment.body ?? '')) return false;
  if (user.login.toLowerCase() !== author.toLowerCase()) return false;
  return !author.toLowerCase().endsWith('[bot]') || user.type === 'Bot';
}

function same(a: string | undefined, b: string): boolean {
  const norm = (s: string) => s.replaceAll('\r\n', '\n').trimEnd();
  return a !== undefined && norm(a) === norm(b);
}

/** What an answer with GraphQL `errors` says (its first error's type and message), if it is one. */
function graphqlSaid(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== 'GraphqlResponseError' || !('errors' in error))
    return undefined;
  const [first] = Array.isArray(error.errors) ? (error.errors as unknown[]) : [];
  const { type, message } = (first ?? {}) as { type?: unknown; message?: unknown };
  return [type, message].filter((x) => typeof x === 'string').join(': ');
}

/** An answer with GraphQL `errors` (the pull request not found, a protected organisation). */
function graphqlFailure(error: unknown): ActionFailure | undefined {
  const said = graphqlSaid(error);
  if (said === undefined) return undefined;
  return new ActionFailure(
    `GitHub did not list the comments of the pull request${said ? ` (${said})` : ''}; re-run the job, and check that the token may read the pull request (\`pull-requests: read\`).`,
  );
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Finds the login of the token's account through GraphQL `viewer` (REST `GET /user` is 403). */
export async function discoverAuthor(client: Client): Promise<string> {
  let result: { viewer: { login: string; __typename: string } };
  try {
    result = await client.graphql('query { viewer { login __typename } }');
  } catch (error) {
    const said = graphqlSaid(error);
    const why =
      said === undefined
        ? describeRequestError(error)
        : `GitHub answered ${said || 'with errors'}.`;
    if (why === undefined) throw error;
    throw new ActionFailure(
      `The action could not ask which account the token comments as (\`comment-author: auto\`): ${why} Set \`comment-author\` to the account's login instead.`,
    );
  }
  const { login, __typename } = result.viewer;
  // GraphQL says `github-actions` where REST says `github-actions[bot]`.
  return __typename === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
}

class StickyComment {
  readonly #t: CommentTarget;

  constructor(target: CommentTarget) {
    this.#t = target;
  }

  /**
   * A failed request as a failure of the comment alone (`writeComment` reports it beside the
   * review): a locked conversation, a missing permission, or any other answer GitHub gave.
   */
  #fail(error: unknown, what: string): unknown {
    const status = statusOf(error);
    if (status === 403 && /\blocked\b/i.test(apiMessage(error)))
      return new ConversationLocked(
        `GitHub refused to ${what}: the conversation of the pull request is locked (403: ${apiMessage(error)}). The review is in the job summary and the annotations; unlock the conversation to get the comment again.`,
      );
    const denied = permissionFailure(error, 'write-comment', what, this.#t.token);
    if (denied !== undefined || status === undefined) return denied ?? error;
    if (status < 500 && !isRateLimited(error))
      return new ActionFailure(
        `GitHub refused to ${what} (${status}: ${apiMessage(error)}). The review is in the job summary and the annotations.`,
      );
    return new ActionFailure(describeRequestError(error) ?? apiMessage(error));
  }

  /** Our comments, oldest first (hidden ones last); from `first` on when the first page was read already. */
  async ours(first?: CommentPage): Promise<IssueComment[]> {
    const { client, repo, number, author } = this.#t;
    try {
      const all = await listComments(client, repo, number, first);
      // Visible ones first: a copy someone hid is never the one kept when another is in sight.
      return all
        .filter((c) => isOurs(c, author))
        .sort((a, b) => Number(a.minimized === true) - Number(b.minimized === true) || a.id - b.id);
    } catch (error) {
      throw graphqlFailure(error) ?? this.#fail(error, 'read the comments of the pull request');
    }
  }

  /** Creates the comment; on a 5xx, lists again and adopts a copy that did get created. */
  async create(body: string): Promise<IssueComment> {
    const { client, repo, number, retryBaseMs } = this.#t;
    let lastStatus: number | undefined;
    for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt += 1) {
      try {
        const { data } = await client.rest.issues.createComment({
          ...repo,
          issue_number: number,
          body,
          // The retry plugin would repeat a create that may have succeeded; we reconcile instead.
          request: { retries: 0 },
        });
        return data;
      } catch (error) {
        const status = statusOf(error);
        if (status !== undefined && status < 500)
          throw this.#fail(error, 'comment on the pull request');
        lastStatus = status;
        log.info(
          `Creating the comment failed (${status ?? 'no answer'}); checking whether it was created anyway.`,
        );
        await sleep(retryBaseMs * attempt * attempt);
        const found = await this.ours();
        const match = found.find((c) => same(c.body, body)) ?? found[0];
        if (match) return match;
      }
    }
    throw new ActionFailure(
      `GitHub failed to create the review comment ${CREATE_ATTEMPTS} times (last answer: ${lastStatus ?? 'none'}); re-run the job.`,
    );
  }

  /** Updates a comment; resolves to undefined when it was deleted meanwhile. */
  async update(id: number, body: string): Promise<IssueComment | undefined> {
    const { client, repo } = this.#t;
    try {
      const { data } = await client.rest.issues.updateComment({ ...repo, comment_id: id, body });
      return data;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.#fail(error, 'update its comment on the pull request');
    }
  }

  /** Deletes a comment; one already gone counts as deleted. */
  async remove(id: number): Promise<void> {
    const { client, repo } = this.#t;
    try {
      await client.rest.issues.deleteComment({ ...repo, comment_id: id });
    } catch (error) {
      if (statusOf(error) !== 404) throw this.#fail(error, 'delete a duplicate of its comment');
    }
  }

  /** Keeps the oldest of `ours` with `body` and deletes the rest. */
  async settle(
    ours: readonly IssueComment[],
    body: string,
    action: 'created' | 'updated' | 'unchanged',
    fallback: IssueComment,
    depth = 0,
  ): Promise<CommentOutcome> {
    const [keep = fallback, ...extras] = ours;
    for (const extra of extras) await this.remove(extra.id);
    let kept = keep;
    let outcome = action;
    if (!same(keep.body, body)) {
      const updated = await this.update(keep.id, body);
      if (updated) {
        kept = updated;
        outcome = action === 'unchanged' ? 'updated' : action;
      } else if (depth < 2) {
        // Deleted between our list and our update: post it again.
        return this.createAndSettle(body, depth + 1);
      } else {
        throw new ActionFailure(
          'The review comment kept disappearing while it was updated; re-run the job.',
        );
      }
    }
    if (extras.length > 0)
      log.info(
        `Deleted ${extras.length} extra cop${extras.length === 1 ? 'y' : 'ies'} of the comment.`,
      );
    return { action: outcome, id: kept.id, url: kept.html_url, removed: extras.length };
  }

  /** Creates the comment, then converges with any copy another run made at the same time. */
  async createAndSettle(body: string, depth = 0): Promise<CommentOutcome> {
    const created = await this.create(body);
    const poster = created.user?.login;
    // A wrong `comment-author` hides our own comment from the next run, which posts another.
    if (poster !== undefined && !isOurs(created, this.#t.author))
      log.warning(
        `The review comment was posted as \`${poster}\`, but the \`comment-author\` input says \`${this.#t.author}\`, so the next run will not find it and will post another. Set \`comment-author: ${poster}\` (or \`auto\`).`,
      );
    // Another run may have created its copy at the same time: converge on the oldest.
    const ours = await this.ours();
    if (ours.length <= 1 && (ours[0] === undefined || ours[0].id === created.id))
      return { action: 'created', id: created.id, url: created.html_url, removed: 0 };
    return this.settle(ours, body, 'created', created, depth);
  }
}

/**
 * Makes the pull request carry exactly one comment of ours with `body`. With `create` false
 * (nothing to report), an existing comment is updated but none is created. `firstPage`: the first
 * page of comments, when it came with another request.
 */
export async function syncComment(
  target: CommentTarget,
  body: string,
  create: boolean,
  firstPage?: CommentPage,
): Promise<CommentOutcome> {
  const sticky = new StickyComment(target);
  const ours = await sticky.ours(firstPage);
  const [oldest] = ours;
  if (oldest === undefined) return create ? sticky.createAndSettle(body) : { action: 'none' };
  // Updating a comment someone hid would keep the new review out of sight: post it anew, and the
  // hidden copy goes (settle keeps the visible one).
  if (oldest.minimized && create && !same(oldest.body, body)) return sticky.createAndSettle(body);
  return sticky.settle(ours, body, 'unchanged', oldest);
}
