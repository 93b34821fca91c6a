/**
 * Routing by `GITHUB_EVENT_NAME`: what to do on this run, from the runner's environment and the
 * event payload. Only the few payload fields we use are read, each checked for its type.
 */
import { readFileSync } from 'node:fs';
import { type JsonObject, jsonObject, jsonText } from '../../src/util/json';

/** The repository the workflow runs in. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/** A pull request to review: its number and the commits to read. */
export interface PullRequestRoute {
  readonly kind: 'pull-request';
  readonly event: 'pull_request' | 'pull_request_target';
  readonly repo: RepoRef;
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  /** The merge commit GitHub made for the pull request, when there is one (none on a conflict). */
  readonly mergeSha?: string;
  /** Whether the head branch lives in another repository (a fork). */
  readonly fork: boolean;
  /** Whether anyone may read the repository, and so the comment (not known private: public). */
  readonly public: boolean;
  /** The pull request's author, never asked to review it. */
  readonly author?: string;
  /** Draft pull requests get no review requests until they are ready, as with CODEOWNERS. */
  readonly draft: boolean;
  /** Users and team slugs whose review is already requested (from the payload). */
  readonly requested: { readonly users: readonly string[]; readonly teams: readonly string[] };
  /** What the token can be expected to do, for messages about a 403. */
  readonly token: TokenContext;
}

/**
 * `fork-pull-request`: a fork under `pull_request`, whose token is read-only whatever the
 * workflow asks for; `pull-request`: `pull_request` from the same repository; `other`.
 */
export type TokenContext = 'fork-pull-request' | 'pull-request' | 'other';

/** A push, schedule or manual run: check the ladders and pages of the checked-out commit. */
export interface RepositoryRoute {
  readonly kind: 'repository';
  readonly event: string;
  readonly repo: RepoRef;
  readonly sha: string;
  /** The branch the run is for (`main`), when it is a branch. */
  readonly branch?: string;
  readonly defaultBranch?: string;
}

/** An event the action does nothing on, and why. */
export interface SkipRoute {
  readonly kind: 'skip';
  readonly event: string;
  readonly reason: string;
}

/** What this run does. */
export type Route = PullRequestRoute | RepositoryRoute | SkipRoute;

/** The runner's environment that the action reads. */
export interface RunnerEnv {
  readonly eventName: string;
  readonly eventPath: string;
  readonly repository: string;
  readonly workspace: string;
  readonly sha: string;
  readonly ref: string;
  readonly serverUrl: string;
}

/** Reads the runner's variables; a missing one is an empty string. */
export function runnerEnv(env: NodeJS.ProcessEnv): RunnerEnv {
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
  };
}

/** An event payload or its environment is not what the runner gives: a setup problem. */
export class EventError extends Error {}

type Json = JsonObject;
const object = jsonObject;
const text = jsonText;

/** The `key` of every object in a payload array (e.g. each requested reviewer's `login`). */
function names(value: unknown, key: string): string[] {
  return Array.isArray(value) ? value.flatMap((v) => text(object(v)?.[key]) ?? []) : [];
}

function readPayload(path: string): Json {
  if (path === '')
    throw new EventError('GITHUB_EVENT_PATH is not set; run this as a GitHub Action.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new EventError(`The event payload at GITHUB_EVENT_PATH could not be read as JSON.`);
  }
  const payload = object(parsed);
  if (!payload) throw new EventError('The event payload is not a JSON object.');
  return payload;
}

function repoRef(repository: string, payload: Json): RepoRef {
  const [owner, repo, ...rest] = repository.split('/');
  if (owner && repo && rest.length === 0) return { owner, repo };
  const repoObject = object(payload.repository);
  const fromPayload = text(repoObject?.full_name)?.split('/');
  if (fromPayload?.[0] && fromPayload[1]) return { owner: fromPayload[0], repo: fromPayload[1] };
  throw new EventError('GITHUB_REPOSITORY is not set to owner/name.');
}

const PR_ACTIONS = new Set([
  'opened',
  'synchronize',
  'reopened',
  'edited',
  'ready_for_review',
  'converted_to_draft',
  'labeled',
  'unlabeled',
]);

const REPOSITORY_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch']);

/** Decides what this run does from the event name and payload. */
export function routeEvent(env: RunnerEnv): Route {
  const event = env.eventName;
  if (event === 'pull_request' || event === 'pull_request_target') {
    const payload = readPayload(env.eventPath);
    const pr = object(payload.pull_request);
    const head = object(pr?.head);
    const base = object(pr?.base);
    const number = pr?.number;
    const headSha = text(head?.sha);
    const baseSha = text(base?.sha);
    if (!pr || typeof number !== 'number' || !headSha || !baseSha)
      throw new EventError(`The ${event} payload has no pull request number or head commit.`);
    const action = text(payload.action) ?? 'opened';
    if (!PR_ACTIONS.has(action))
      return {
        kind: 'skip',
        event,
        reason: `The pull request was ${action.replaceAll('_', ' ')}; there is nothing to review.`,
      };
    const repo = repoRef(env.repository, payload);
    // A head repository the payload does not name (`head.repo: null` once a fork is deleted)
    // counts as a fork: only a pull request known to come from this repository is trusted.
    const headRepo = text(object(head?.repo)?.full_name)?.toLowerCase();
    const fork = headRepo !== `${repo.owner}/${repo.repo}`.toLowerCase();
    const author = text(object(pr.user)?.login);
    // Under `pull_request` the run's commit is the merge commit GitHub made for this event; the
    // payload's may still be an earlier head's.
    const mergeSha = event === 'pull_request' ? env.sha : text(pr.merge_commit_sha);
    return {
      kind: 'pull-request',
      event,
      repo,
      number,
      headSha,
      baseSha,
      ...(mergeSha ? { mergeSha } : {}),
      fork,
      public: object(payload.repository)?.private !== true,
      ...(author === undefined ? {} : { author }),
      draft: pr.draft === true,
      requested: {
        users: names(pr.requested_reviewers, 'login'),
        teams: names(pr.requested_teams, 'slug'),
      },
      token: event !== 'pull_request' ? 'other' : fork ? 'fork-pull-request' : 'pull-request',
    };
  }
  if (REPOSITORY_EVENTS.has(event)) {
    const payload = env.eventPath === '' ? {} : readPayload(env.eventPath);
    const branch = env.ref.startsWith('refs/heads/') ? env.ref.slice('refs/heads/'.length) : '';
    const defaultBranch = text(object(payload.repository)?.default_branch);
    return {
      kind: 'repository',
      event,
      repo: repoRef(env.repository, payload),
      sha: env.sha,
      ...(branch === '' ? {} : { branch }),
      ...(defaultBranch === undefined ? {} : { defaultBranch }),
    };
  }
  return {
    kind: 'skip',
    event: event || '(none)',
    reason:
      'Ladder as Code reviews promotion packets and ladder changes on `pull_request` and ' +
      '`pull_request_target`, and checks ladders and rendered pages on `push`, `schedule` and ' +
      '`workflow_dispatch`. It does nothing on this event.',
  };
}
