/**
 * The routes of the API stand-in (api-stand-in.ts): what it answers to each REST request it
 * serves, and to GraphQL. Each route reads and changes the stand-in's state; anything not
 * served answers undefined, which the stand-in turns into a 404 logged as unexpected.
 */
import { createHash } from 'node:crypto';
import {
  blob,
  contentEntry,
  diffEntry,
  gitCommit,
  gitRef,
  gitTree,
  issueComment,
  listedCommit,
  pullRequest,
  reviewRequestedEvent,
} from './api-shapes';
import type { ApiStandIn, TokenGrant } from './api-stand-in';
import type { Home } from './graphql-stand-in';

/** GitHub's answer to a read-only token that tries to write. */
export const NOT_ACCESSIBLE = 'Resource not accessible by integration';

/** GitHub's answer to a comment over 65536 characters (`operation`: the docs' anchor). */
export function tooLong(operation: string): Answer {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
      documentation_url: `https://docs.github.com/rest/issues/comments#${operation}`,
    },
  };
}

/** The sha the stand-in gives a pull request's file entries (it keeps no head commit per file). */
const ZERO_SHA = '0000000000000000000000000000000000000000';

/** The Git blob id of some bytes, as GitHub computes it. */
export function blobSha(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** What a route answers. */
export interface Answer {
  readonly status: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as it is (a raw media type), instead of `body`. */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Json = Record<string, unknown>;

/** A request as the routes see it: the path already decoded, the body parsed. */
export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly url: URL;
  readonly body: Json;
  readonly grant: TokenGrant;
  readonly accept: string;
}

const READ_ONLY: Answer = {
  status: 403,
  body: {
    message: NOT_ACCESSIBLE,
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  },
};

/** The stand-in's answer to a request, or undefined when it serves no such endpoint. */
export function route(api: ApiStandIn, request: RouteRequest): Answer | undefined {
  const { method, path, body } = request;
  if (method === 'POST' && path === '/graphql')
    return {
      status: 200,
      // `viewer` is answered as GitHub does, not as the schema says: `User!`, yet a `Bot`.
      body:
        typeof body.query === 'string' && /^\s*query\s+Ladder\w+\b/.test(body.query)
          ? api.graphql.answer(body, home(api))
          : { data: { viewer: api.viewer } },
    };
  const repoPrefix = `/repos/${api.owner}/${api.repo}`;
  if (!path.startsWith(`${repoPrefix}/`)) return undefined;
  const rest = path.slice(repoPrefix.length);
  return (
    issueRoutes(api, request, rest) ??
    contentRoutes(api, request, rest) ??
    gitWriteRoutes(api, request, rest)
  );
}

/** Pull request files, issue comments, review requests and issue events. */
function issueRoutes(
  api: ApiStandIn,
  { method, url, body, grant }: RouteRequest,
  rest: string,
): Answer | undefined {
  let m: RegExpExecArray | null = /^\/pulls\/(\d+)\/files$/.exec(rest);
  if (m && method === 'GET') {
    const files = api.pulls.get(Number(m[1]));
    if (!files) return { status: 404, body: { message: 'Not Found' } };
    return paged(
      api,
      url,
      files.map((f) => diffEntry(api, ZERO_SHA, f)),
    );
  }
  m = /^\/issues\/(\d+)\/comments$/.exec(rest);
  if (m && method === 'GET')
    return paged(
      api,
      url,
      api.commentsOn(Number(m[1])).map((c) => issueComment(api, c)),
    );
  if (m && method === 'POST') {
    if (!grant.write) return READ_ONLY;
    const text = typeof body.body === 'string' ? body.body : '';
    if (text.length > 65536) return tooLong('create-an-issue-comment');
    return { status: 201, body: issueComment(api, api.addComment(Number(m[1]), text, grant.user)) };
  }
  m = /^\/issues\/comments\/(\d+)$/.exec(rest);
  if (m) {
    const comment = api.comments.find((c) => c.id === Number(m?.[1]));
    if (method === 'GET')
      return comment
        ? { status: 200, body: issueComment(api, comment) }
        : { status: 404, body: { message: 'Not Found' } };
    if (method === 'PATCH' || method === 'DELETE') {
      if (!grant.write) return READ_ONLY;
      if (!comment) return { status: 404, body: { message: 'Not Found' } };
      if (method === 'DELETE') {
        api.deleteComment(comment.id);
        return { status: 204 };
      }
      const text = typeof body.body === 'string' ? body.body : '';
      if (text.length > 65536) return tooLong('update-an-issue-comment');
      comment.body = text;
      comment.updatedAt = new Date().toISOString();
      return { status: 200, body: issueComment(api, comment) };
    }
  }
  m = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(rest);
  if (m && method === 'POST') {
    if (!grant.write) return READ_ONLY;
    const number = Number(m[1]);
    const strings = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    const users = strings(body.reviewers);
    const teams = strings(body.team_reviewers);
    api.reviewRequests.set(number, [...(api.reviewRequests.get(number) ?? []), { users, teams }]);
    const events = api.issueEvents.get(number) ?? [];
    for (const user of users)
      events.push(reviewRequestedEvent(api, api.nextId(), grant.user, { user }));
    for (const team of teams)
      events.push(reviewRequestedEvent(api, api.nextId(), grant.user, { team }));
    api.issueEvents.set(number, events);
    const asked = api.reviewRequests.get(number) ?? [];
    return {
      status: 201,
      body: pullRequest(
        api,
        number,
        [...new Set(asked.flatMap((r) => r.users))],
        [...new Set(asked.flatMap((r) => r.teams))],
      ),
    };
  }
  m = /^\/issues\/(\d+)\/events$/.exec(rest);
  if (m && method === 'GET') return paged(api, url, api.issueEvents.get(Number(m[1])) ?? []);
  return undefined;
}

/** Reading the repository: latest commits per path, contents, blobs and trees. */
function contentRoutes(
  api: ApiStandIn,
  { method, url, accept }: RouteRequest,
  rest: string,
): Answer | undefined {
  let m: RegExpExecArray | null;
  if (rest === '/commits' && method === 'GET') {
    const path = url.searchParams.get('path') ?? '';
    const files = api.commits.get(url.searchParams.get('sha') ?? '');
    const date = api.fileDates.get(path);
    if (!files?.has(path) || date === undefined) return paged(api, url, []);
    const id = createHash('sha1').update(`${path} ${date}`).digest('hex');
    return paged(api, url, [listedCommit(api, id, date)]);
  }
  m = /^\/contents\/(.+)$/s.exec(rest);
  if (m && method === 'GET') {
    const filePath = m[1] ?? '';
    const ref = url.searchParams.get('ref') ?? '';
    const files = api.commits.get(ref);
    const bytes = files?.get(filePath);
    if (!files || !bytes) {
      const listing = files ? folderListing(api, files, filePath, ref) : [];
      if (listing.length > 0) return { status: 200, body: listing };
      return { status: 404, body: { message: 'Not Found' } };
    }
    const entry = { path: filePath, size: bytes.length, sha: blobSha(bytes) };
    if (api.links.has(filePath))
      return {
        status: 200,
        body: {
          ...contentEntry(api, ref, { type: 'symlink', ...entry }),
          target: new TextDecoder().decode(bytes),
        },
      };
    if (accept.includes('raw'))
      return {
        status: 200,
        text: new TextDecoder().decode(bytes),
        headers: { 'content-type': 'application/vnd.github.raw+json; charset=utf-8' },
      };
    const large = bytes.length > 1024 * 1024;
    return {
      status: 200,
      body: {
        ...contentEntry(api, ref, { type: 'file', ...entry }),
        encoding: large ? 'none' : 'base64',
        content: large ? '' : Buffer.from(bytes).toString('base64'),
      },
    };
  }
  m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest);
  if (m && method === 'GET') {
    const bytes = blobBytes(api, m[1] ?? '');
    if (!bytes) return { status: 404, body: { message: 'Not Found' } };
    return { status: 200, body: blob(api, m[1] ?? '', bytes) };
  }
  m = /^\/git\/trees\/([0-9a-f]{40})$/.exec(rest);
  if (m && method === 'GET') {
    const files = api.commits.get(m[1] ?? '');
    if (!files) return { status: 404, body: { message: 'Not Found' } };
    return { status: 200, body: tree(api, m[1] ?? '', files) };
  }
  return undefined;
}

/** Writing the repository: a tree, a commit, and moving a branch to it. */
function gitWriteRoutes(
  api: ApiStandIn,
  { method, body, grant }: RouteRequest,
  rest: string,
): Answer | undefined {
  let m: RegExpExecArray | null;
  if (method === 'POST' && rest === '/git/trees') {
    if (!grant.write) return READ_ONLY;
    const base = api.commits.get(String(body.base_tree)) ?? new Map<string, Uint8Array>();
    const files = new Map(base);
    for (const entry of (body.tree as Json[] | undefined) ?? []) {
      const p = String(entry.path);
      if (entry.sha === null) files.delete(p);
      else files.set(p, new TextEncoder().encode(String(entry.content ?? '')));
    }
    const sha = createHash('sha1').update(`tree ${api.nextId()}`).digest('hex');
    api.commits.set(sha, files);
    return { status: 201, body: tree(api, sha, files) };
  }
  if (method === 'POST' && rest === '/git/commits') {
    if (!grant.write) return READ_ONLY;
    const files = api.commits.get(String(body.tree));
    if (!files)
      return {
        status: 422,
        body: {
          message: 'Tree SHA does not exist',
          documentation_url: 'https://docs.github.com/rest/git/commits#create-a-commit',
        },
      };
    const sha = createHash('sha1').update(`commit ${api.nextId()}`).digest('hex');
    api.commits.set(sha, files);
    const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
    return {
      status: 201,
      body: gitCommit(api, {
        sha,
        tree: String(body.tree),
        message: String(body.message),
        parents,
      }),
    };
  }
  m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest);
  if (m && method === 'GET') {
    const sha = m[1] ?? '';
    if (!api.commits.has(sha)) return { status: 404, body: { message: 'Not Found' } };
    // The stand-in's trees are named by their commits.
    const parents = api.parents.get(sha) ?? [];
    return { status: 200, body: gitCommit(api, { sha, tree: sha, message: 'Merge', parents }) };
  }
  m = /^\/git\/refs\/heads\/(.+)$/.exec(rest);
  if (m && method === 'PATCH') {
    if (!grant.write) return READ_ONLY;
    const branch = m[1] ?? '';
    api.branches.set(branch, String(body.sha));
    return { status: 200, body: gitRef(api, branch, String(body.sha)) };
  }
  return undefined;
}

/** This repository as GraphQL sees it: the comments of its pull requests. */
function home(api: ApiStandIn): Home {
  return {
    owner: api.owner,
    name: api.repo,
    comments: (number) =>
      api.pulls.has(number)
        ? api.commentsOn(number).map((c) => ({
            id: c.id,
            body: c.body,
            url: String(issueComment(api, c).html_url),
            user: c.user,
            ...(c.minimized ? { minimized: true } : {}),
          }))
        : undefined,
  };
}

/** One page of `items`, with GitHub's `Link` header. */
function paged(api: ApiStandIn, url: URL, items: readonly unknown[]): Answer {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number) => {
    const next = new URL(url.pathname, api.url);
    next.searchParams.set('per_page', String(perPage));
    next.searchParams.set('page', String(p));
    return next.toString();
  };
  const links: string[] = [];
  if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** A commit's tree as the trees API gives it; links have mode 120000. */
function tree(api: ApiStandIn, sha: string, files: ReadonlyMap<string, Uint8Array>): Json {
  return gitTree(
    api,
    sha,
    [...files].map(([path, bytes]) => ({
      path,
      mode: api.links.has(path) ? '120000' : '100644',
      size: bytes.length,
      sha: blobSha(bytes),
    })),
  );
}

/** The contents API's listing of a folder: its files and its folders, one level deep. */
function folderListing(
  api: ApiStandIn,
  files: ReadonlyMap<string, Uint8Array>,
  folder: string,
  ref: string,
): Json[] {
  const prefix = `${folder}/`;
  const entries = new Map<string, Json>();
  for (const [path, bytes] of files) {
    if (!path.startsWith(prefix)) continue;
    const slash = path.indexOf('/', prefix.length);
    if (slash < 0)
      entries.set(
        path,
        contentEntry(api, ref, { type: 'file', path, size: bytes.length, sha: blobSha(bytes) }),
      );
    else {
      const dir = path.slice(0, slash);
      const sha = createHash('sha1').update(`tree ${ref} ${dir}`).digest('hex');
      if (!entries.has(dir))
        entries.set(dir, contentEntry(api, ref, { type: 'dir', path: dir, size: 0, sha }));
    }
  }
  return [...entries.values()];
}

/** The bytes of a blob, from any commit. */
function blobBytes(api: ApiStandIn, sha: string): Uint8Array | undefined {
  for (const files of api.commits.values())
    for (const bytes of files.values()) if (blobSha(bytes) === sha) return bytes;
  return undefined;
}
