/**
 * A stand-in for the GitHub REST API, served over HTTP on 127.0.0.1, for the end-to-end tests
 * of the action. It keeps state between runs (comments with ids and authors, pull request
 * files, repository contents per commit), paginates with `Link: <...>; rel="next"` as GitHub
 * does, logs every request, and plays scripted faults: a 502 once, a 403, a secondary rate limit
 * with `retry-after`, a create that answers 502 after creating, a comment deleted between the
 * list and the update, requests held until several runs have made them.
 *
 * It also keeps the review requests of each pull request (`POST .../requested_reviewers`, with
 * the `review_requested` events GitHub records for them) and answers the commits API's "latest
 * commit touching this path" from dates a test sets.
 *
 * Only the endpoints the action uses are served; anything else answers 404 and is logged with
 * `unexpected: true`, so a test can assert that the action stayed on its path.
 *
 * Its answers have the shapes of GitHub's REST description (api-shapes.ts), and with `contract`
 * set (the action's suite sets it) every REST request and the stand-in's own answer to it are
 * held against that description (openapi-contract.ts); what departs from it is logged on the
 * request as `violations`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { GraphqlStandIn, type Home } from './graphql-stand-in';
import type { Exchange } from './openapi-contract';

/** An account as the REST API shows it. */
export interface ApiUser {
  readonly login: string;
  readonly id: number;
  readonly type: 'Bot' | 'User';
}

/** The Actions token's account. */
export const ACTIONS_BOT: ApiUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
/** A person. */
export const HUMAN: ApiUser = { login: 'octocat', id: 583231, type: 'User' };

/** What a token may do. */
export interface TokenGrant {
  readonly user: ApiUser;
  /** Whether it may write comments and contents (a fork's `pull_request` token may not). */
  readonly write: boolean;
}

/** A stored issue comment. */
export interface StoredComment {
  readonly id: number;
  readonly issue: number;
  body: string;
  readonly user: ApiUser;
  readonly createdAt: string;
  updatedAt: string;
}

/** A file of a pull request, as `pulls.listFiles` returns it. */
export interface PullFile {
  readonly filename: string;
  readonly status: 'added' | 'removed' | 'modified' | 'renamed';
  readonly previous_filename?: string;
}

/** One logged request. */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly status: number;
  /** When the answer was sent (ms since the epoch). */
  readonly at: number;
  readonly userAgent: string;
  readonly unexpected?: boolean;
  /** A GraphQL request's operation name (`LadderVerify`, `LadderComments`). */
  readonly operation?: string;
  /** Where the request, or the stand-in's answer, departs from GitHub's REST description. */
  readonly violations?: readonly string[];
}

/** A scripted misbehaviour for requests matching `method` and `path`. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  /** For GraphQL: only requests of this operation. */
  readonly operation?: string;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Answer with this status instead of the real answer. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Do the real work first (e.g. create the comment), then answer with `status`. */
  readonly afterEffect?: boolean;
  /** Runs before the request is handled (e.g. deletes a comment). */
  readonly before?: (api: ApiStandIn) => void;
  /** Holds matching requests until this many have arrived, then lets them all go. */
  readonly gate?: number;
}

/** The operation name of a GraphQL request's body (`query LadderVerify(...)`), if it has one. */
function operationName(raw: string): string | undefined {
  try {
    const { query } = JSON.parse(raw) as { query?: unknown };
    return typeof query === 'string'
      ? /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1]
      : undefined;
  } catch {
    return undefined;
  }
}

/** The message GitHub sends with a secondary rate limit. */
export const SECONDARY_RATE_LIMIT =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

/** GitHub's answer to a read-only token that tries to write. */
export const NOT_ACCESSIBLE = 'Resource not accessible by integration';

/** GitHub's answer to a comment over 65536 characters (`operation`: the docs' anchor). */
function tooLong(operation: string): Answer {
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

interface Answer {
  readonly status: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as it is (a raw media type), instead of `body`. */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;

/** The API stand-in. `start()` it, point `GITHUB_API_URL` at `url`, `stop()` it. */
export class ApiStandIn {
  readonly owner: string;
  readonly repo: string;
  url = '';
  readonly tokens = new Map<string, TokenGrant>();
  readonly comments: StoredComment[] = [];
  readonly pulls = new Map<number, PullFile[]>();
  /** Commit SHA → path → bytes. */
  readonly commits = new Map<string, Map<string, Uint8Array>>();
  /** Branch → commit SHA (for the page commit). */
  readonly branches = new Map<string, string>();
  /** Pull request number → the review requests made, in order (users, and team slugs). */
  readonly reviewRequests = new Map<number, { users: string[]; teams: string[] }[]>();
  /** Issue or pull request number → its timeline events (`review_requested`, ...). */
  readonly issueEvents = new Map<number, Json[]>();
  /** Repository path → ISO date of the latest commit touching it (`GET /commits?path=`). */
  readonly fileDates = new Map<string, string>();
  /**
   * Repository paths that are symbolic links in every commit; their bytes are the link's target,
   * as Git stores it. Trees give them mode 120000, and the contents API describes the link
   * (`type: symlink`), as GitHub does for a link whose target is not a file of the repository.
   */
  readonly links = new Set<string>();
  readonly requests: LoggedRequest[] = [];
  readonly faults: Fault[] = [];
  /** What GraphQL answers about linked pull requests, issues, commits (evidence verification). */
  graphql = new GraphqlStandIn();
  /** GraphQL `viewer` as GitHub gives it for the Actions token. */
  viewer = { login: 'github-actions', __typename: 'Bot' };
  /**
   * Holds each REST request, and the stand-in's own answer to it, against GitHub's description
   * (openapi-contract.ts); what it returns is logged as the request's `violations`. The action's
   * test suite sets it; GraphQL requests are held against GitHub's schema by `graphql`.
   */
  contract: ((exchange: Exchange) => readonly string[]) | undefined;
  #nextId = 1000;
  #server: Server | undefined;
  readonly #waiting = new Map<Fault, (() => void)[]>();

  /** A stand-in for `owner/repo`. */
  constructor(owner = 'acme', repo = 'ladders') {
    this.owner = owner;
    this.repo = repo;
  }

  /** Listens on 127.0.0.1 on a free port. */
  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Adds a comment as if `user` had written it. */
  addComment(issue: number, body: string, user: ApiUser): StoredComment {
    const now = new Date().toISOString();
    const comment: StoredComment = {
      id: this.#nextId++,
      issue,
      body,
      user,
      createdAt: now,
      updatedAt: now,
    };
    this.comments.push(comment);
    return comment;
  }

  /** The comments on an issue or pull request, oldest first. */
  commentsOn(issue: number): StoredComment[] {
    return this.comments.filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
  }

  /** Deletes a comment (as a person would in the UI). */
  deleteComment(id: number): void {
    const index = this.comments.findIndex((c) => c.id === id);
    if (index >= 0) this.comments.splice(index, 1);
  }

  /** Stores a commit's full tree. */
  setCommit(sha: string, files: ReadonlyMap<string, Uint8Array>): void {
    this.commits.set(sha, new Map(files));
  }

  /** Requests logged since `from` (an earlier `requests.length`). */
  since(from: number): LoggedRequest[] {
    return this.requests.slice(from);
  }

  #comment(c: StoredComment): Json {
    return issueComment(this, c);
  }

  /** This repository as GraphQL sees it: the comments of its pull requests. */
  #home(): Home {
    return {
      owner: this.owner,
      name: this.repo,
      comments: (number) =>
        this.pulls.has(number)
          ? this.commentsOn(number).map((c) => ({
              id: c.id,
              body: c.body,
              url: String(this.#comment(c).html_url),
              user: c.user,
            }))
          : undefined,
    };
  }

  /** One page of `items`, with GitHub's `Link` header. */
  #page(url: URL, items: readonly unknown[]): Answer {
    const perPage = Math.min(
      Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1),
      100,
    );
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number) => {
      const next = new URL(url.pathname, this.url);
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

  #files(sha: string): Map<string, Uint8Array> | undefined {
    return this.commits.get(sha);
  }

  /** A commit's tree as the trees API gives it; links have mode 120000. */
  #tree(sha: string, files: ReadonlyMap<string, Uint8Array>): Json {
    return gitTree(
      this,
      sha,
      [...files].map(([path, bytes]) => ({
        path,
        mode: this.links.has(path) ? '120000' : '100644',
        size: bytes.length,
        sha: blobSha(bytes),
      })),
    );
  }

  /** The contents API's listing of a folder: its files and its folders, one level deep. */
  #folder(files: ReadonlyMap<string, Uint8Array>, folder: string, ref: string): Json[] {
    const prefix = `${folder}/`;
    const entries = new Map<string, Json>();
    for (const [path, bytes] of files) {
      if (!path.startsWith(prefix)) continue;
      const slash = path.indexOf('/', prefix.length);
      if (slash < 0)
        entries.set(
          path,
          contentEntry(this, ref, { type: 'file', path, size: bytes.length, sha: blobSha(bytes) }),
        );
      else {
        const dir = path.slice(0, slash);
        const sha = createHash('sha1').update(`tree ${ref} ${dir}`).digest('hex');
        if (!entries.has(dir))
          entries.set(dir, contentEntry(this, ref, { type: 'dir', path: dir, size: 0, sha }));
      }
    }
    return [...entries.values()];
  }

  #blob(sha: string): Uint8Array | undefined {
    for (const files of this.commits.values())
      for (const bytes of files.values()) if (blobSha(bytes) === sha) return bytes;
    return undefined;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    // GitHub decodes the path (a file name may hold a line break: routes match with `s`): octokit sends `heads%2Fmain` for a `ref` of `heads/main`.
    let path = url.pathname;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // Left as sent; no route matches it.
    }
    const operation = path === '/graphql' ? operationName(raw) : undefined;
    const fault = this.faults.find(
      (f) =>
        f.method === method &&
        f.path.test(path) &&
        (f.operation === undefined || f.operation === operation) &&
        (f.times ?? 1) > 0,
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      fault.before?.(this);
      if (fault.gate !== undefined) await this.#hold(fault);
    }
    let answer: Answer;
    let routed: Answer | undefined;
    let unexpected = false;
    const grant = this.tokens.get(
      (req.headers.authorization ?? '').replace(/^(token|bearer) /i, ''),
    );
    if (fault?.status !== undefined && !fault.afterEffect) answer = { status: fault.status };
    else if (!grant) answer = { status: 401, body: { message: 'Bad credentials' } };
    else {
      let body: Json = {};
      try {
        body = raw === '' ? {} : (JSON.parse(raw) as Json);
      } catch {
        body = {};
      }
      routed = this.#route(method, path, url, body, grant, req.headers.accept ?? '');
      unexpected = routed === undefined;
      answer = routed ?? { status: 404, body: { message: 'Not Found' } };
    }
    if (fault?.status !== undefined)
      answer = {
        status: fault.status,
        body: fault.body ?? { message: `Scripted ${fault.status}` },
        headers: fault.headers ?? {},
      };
    const violations = this.#violations(method, path, url, raw, req.headers.accept ?? '', routed);
    this.requests.push({
      method,
      path,
      query: url.search,
      status: answer.status,
      at: Date.now(),
      userAgent: req.headers['user-agent'] ?? '',
      ...(unexpected ? { unexpected } : {}),
      ...(operation === undefined ? {} : { operation }),
      ...(violations.length > 0 ? { violations } : {}),
    });
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      ...answer.headers,
    };
    if (answer.text !== undefined) {
      res.writeHead(answer.status, headers);
      res.end(answer.text);
    } else if (answer.body === undefined) {
      res.writeHead(answer.status, headers);
      res.end();
    } else {
      res.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
      });
      res.end(JSON.stringify(answer.body));
    }
  }

  /** What `contract` finds wrong with a REST request and the stand-in's own answer to it. */
  #violations(
    method: string,
    path: string,
    url: URL,
    body: string,
    accept: string,
    routed: Answer | undefined,
  ): readonly string[] {
    if (!this.contract || path === '/graphql') return [];
    try {
      return this.contract({
        method,
        rawPath: url.pathname,
        query: url.searchParams,
        body,
        accept,
        ...(routed && routed.text === undefined
          ? { response: { status: routed.status, body: routed.body } }
          : {}),
      });
    } catch (error) {
      return [`${method} ${url.pathname}: the contract check failed: ${String(error)}`];
    }
  }

  #hold(fault: Fault): Promise<void> {
    const waiting = this.#waiting.get(fault) ?? [];
    this.#waiting.set(fault, waiting);
    return new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length >= (fault.gate ?? 1)) for (const release of waiting.splice(0)) release();
    });
  }

  #route(
    method: string,
    path: string,
    url: URL,
    body: Json,
    grant: TokenGrant,
    accept: string,
  ): Answer | undefined {
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    if (method === 'POST' && path === '/graphql')
      return {
        status: 200,
        // `viewer` is answered as GitHub does, not as the schema says: `User!`, yet a `Bot`.
        body:
          typeof body.query === 'string' && /^\s*query\s+Ladder\w+\b/.test(body.query)
            ? this.graphql.answer(body, this.#home())
            : { data: { viewer: this.viewer } },
      };
    if (!path.startsWith(`${repoPrefix}/`)) return undefined;
    const rest = path.slice(repoPrefix.length);
    const readOnly: Answer = {
      status: 403,
      body: {
        message: NOT_ACCESSIBLE,
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      },
    };
    let m = /^\/pulls\/(\d+)\/files$/.exec(rest);
    if (m && method === 'GET') {
      const files = this.pulls.get(Number(m[1]));
      if (!files) return { status: 404, body: { message: 'Not Found' } };
      return this.#page(
        url,
        files.map((f) => diffEntry(this, ZERO_SHA, f)),
      );
    }
    m = /^\/issues\/(\d+)\/comments$/.exec(rest);
    if (m && method === 'GET')
      return this.#page(
        url,
        this.commentsOn(Number(m[1])).map((c) => this.#comment(c)),
      );
    if (m && method === 'POST') {
      if (!grant.write) return readOnly;
      const text = typeof body.body === 'string' ? body.body : '';
      if (text.length > 65536) return tooLong('create-an-issue-comment');
      return { status: 201, body: this.#comment(this.addComment(Number(m[1]), text, grant.user)) };
    }
    m = /^\/issues\/comments\/(\d+)$/.exec(rest);
    if (m) {
      const comment = this.comments.find((c) => c.id === Number(m?.[1]));
      if (method === 'GET')
        return comment
          ? { status: 200, body: this.#comment(comment) }
          : { status: 404, body: { message: 'Not Found' } };
      if (method === 'PATCH' || method === 'DELETE') {
        if (!grant.write) return readOnly;
        if (!comment) return { status: 404, body: { message: 'Not Found' } };
        if (method === 'DELETE') {
          this.deleteComment(comment.id);
          return { status: 204 };
        }
        const text = typeof body.body === 'string' ? body.body : '';
        if (text.length > 65536) return tooLong('update-an-issue-comment');
        comment.body = text;
        comment.updatedAt = new Date().toISOString();
        return { status: 200, body: this.#comment(comment) };
      }
    }
    m = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(rest);
    if (m && method === 'POST') {
      if (!grant.write) return readOnly;
      const number = Number(m[1]);
      const strings = (v: unknown) =>
        Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      const users = strings(body.reviewers);
      const teams = strings(body.team_reviewers);
      this.reviewRequests.set(number, [
        ...(this.reviewRequests.get(number) ?? []),
        { users, teams },
      ]);
      const events = this.issueEvents.get(number) ?? [];
      for (const user of users)
        events.push(reviewRequestedEvent(this, this.#nextId++, grant.user, { user }));
      for (const team of teams)
        events.push(reviewRequestedEvent(this, this.#nextId++, grant.user, { team }));
      this.issueEvents.set(number, events);
      const asked = this.reviewRequests.get(number) ?? [];
      return {
        status: 201,
        body: pullRequest(
          this,
          number,
          [...new Set(asked.flatMap((r) => r.users))],
          [...new Set(asked.flatMap((r) => r.teams))],
        ),
      };
    }
    m = /^\/issues\/(\d+)\/events$/.exec(rest);
    if (m && method === 'GET') return this.#page(url, this.issueEvents.get(Number(m[1])) ?? []);
    if (rest === '/commits' && method === 'GET') {
      const path = url.searchParams.get('path') ?? '';
      const files = this.#files(url.searchParams.get('sha') ?? '');
      const date = this.fileDates.get(path);
      if (!files?.has(path) || date === undefined) return this.#page(url, []);
      const id = createHash('sha1').update(`${path} ${date}`).digest('hex');
      return this.#page(url, [listedCommit(this, id, date)]);
    }
    m = /^\/contents\/(.+)$/s.exec(rest);
    if (m && method === 'GET') {
      const filePath = m[1] ?? '';
      const ref = url.searchParams.get('ref') ?? '';
      const files = this.#files(ref);
      const bytes = files?.get(filePath);
      if (!files || !bytes) {
        const listing = files ? this.#folder(files, filePath, ref) : [];
        if (listing.length > 0) return { status: 200, body: listing };
        return { status: 404, body: { message: 'Not Found' } };
      }
      const entry = { path: filePath, size: bytes.length, sha: blobSha(bytes) };
      if (this.links.has(filePath))
        return {
          status: 200,
          body: {
            ...contentEntry(this, ref, { type: 'symlink', ...entry }),
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
          ...contentEntry(this, ref, { type: 'file', ...entry }),
          encoding: large ? 'none' : 'base64',
          content: large ? '' : Buffer.from(bytes).toString('base64'),
        },
      };
    }
    m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest);
    if (m && method === 'GET') {
      const bytes = this.#blob(m[1] ?? '');
      if (!bytes) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: blob(this, m[1] ?? '', bytes) };
    }
    m = /^\/git\/trees\/([0-9a-f]{40})$/.exec(rest);
    if (m && method === 'GET') {
      const files = this.#files(m[1] ?? '');
      if (!files) return { status: 404, body: { message: 'Not Found' } };
      return { status: 200, body: this.#tree(m[1] ?? '', files) };
    }
    if (method === 'POST' && rest === '/git/trees') {
      if (!grant.write) return readOnly;
      const base = this.#files(String(body.base_tree)) ?? new Map<string, Uint8Array>();
      const files = new Map(base);
      for (const entry of (body.tree as Json[] | undefined) ?? []) {
        const p = String(entry.path);
        if (entry.sha === null) files.delete(p);
        else files.set(p, new TextEncoder().encode(String(entry.content ?? '')));
      }
      const sha = createHash('sha1')
        .update(`tree ${this.#nextId++}`)
        .digest('hex');
      this.commits.set(sha, files);
      return { status: 201, body: this.#tree(sha, files) };
    }
    if (method === 'POST' && rest === '/git/commits') {
      if (!grant.write) return readOnly;
      const files = this.#files(String(body.tree));
      if (!files)
        return {
          status: 422,
          body: {
            message: 'Tree SHA does not exist',
            documentation_url: 'https://docs.github.com/rest/git/commits#create-a-commit',
          },
        };
      const sha = createHash('sha1')
        .update(`commit ${this.#nextId++}`)
        .digest('hex');
      this.commits.set(sha, files);
      const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
      return {
        status: 201,
        body: gitCommit(this, {
          sha,
          tree: String(body.tree),
          message: String(body.message),
          parents,
        }),
      };
    }
    m = /^\/git\/refs\/heads\/(.+)$/.exec(rest);
    if (m && method === 'PATCH') {
      if (!grant.write) return readOnly;
      const branch = m[1] ?? '';
      this.branches.set(branch, String(body.sha));
      return { status: 200, body: gitRef(this, branch, String(body.sha)) };
    }
    return undefined;
  }
}
