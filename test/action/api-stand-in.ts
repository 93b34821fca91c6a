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
 * Only the endpoints the action uses are served (api-routes.ts answers each); anything else
 * answers 404 and is logged with `unexpected: true`, so a test can assert that the action stayed
 * on its path.
 *
 * Its answers have the shapes of GitHub's REST description (api-shapes.ts), and with `contract`
 * set (the action's suite sets it) every REST request and the stand-in's own answer to it are
 * held against that description (openapi-contract.ts); what departs from it is logged on the
 * request as `violations`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Answer, type Json, route } from './api-routes';
import { GraphqlStandIn } from './graphql-stand-in';
import type { Exchange } from './openapi-contract';

export { blobSha, NOT_ACCESSIBLE } from './api-routes';

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
  /** Hidden by someone (GitHub's "minimize"): only GraphQL shows it. */
  minimized?: boolean;
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
  /** Drops the connection without answering (a network error mid-run). */
  readonly reset?: boolean;
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
  /** Commit SHA → its parents' SHAs (a pull request's merge commit: the base, then the head). */
  readonly parents = new Map<string, readonly string[]>();
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
  #lastId = 999;
  #server: Server | undefined;
  readonly #waiting = new Map<Fault, (() => void)[]>();

  /** A stand-in for `owner/repo`. */
  constructor(owner = 'acme', repo = 'ladders') {
    this.owner = owner;
    this.repo = repo;
  }

  /** A new id for a comment, an event or an object, unique in this stand-in. */
  nextId(): number {
    this.#lastId += 1;
    return this.#lastId;
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
      id: this.nextId(),
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
      if (fault.reset) {
        this.requests.push({
          method,
          path,
          query: url.search,
          status: 0,
          at: Date.now(),
          userAgent: req.headers['user-agent'] ?? '',
          ...(operation === undefined ? {} : { operation }),
        });
        req.socket.destroy();
        return;
      }
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
      routed = route(this, { method, path, url, body, grant, accept: req.headers.accept ?? '' });
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
}
