/**
 * The REST client: `@octokit/rest` (REST methods, pagination) with the retry and throttling
 * plugins, set up as `@actions/github`'s `getOctokit` would (the runner's proxy settings, the
 * orchestration id in the user agent). Transient 5xx answers are retried with backoff; primary
 * and secondary rate limits wait as long as GitHub says (`retry-after`). Writes that are not
 * idempotent (creating a comment) opt out of the automatic retry and reconcile instead.
 *
 * Not through `getOctokit`, for the action's start-up time: importing `@actions/github`
 * evaluates undici, its proxy-aware fetch, whether a proxy is set or not. Here, without a proxy,
 * requests go through Node's own fetch (undici too, built into Node); with one,
 * `@actions/github`'s proxy fetch is loaded at the first request, so proxied runs work as before.
 */

import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import type { TokenContext } from './event';
import * as log from './log';

/** The authenticated client: REST methods, pagination, retries, throttling. */
export type Client = InstanceType<ReturnType<typeof clientClass>>;

/** Counts every HTTP request the client sends, retries included. */
export interface RequestCounter {
  count: number;
}

/** How often a rate-limited request is tried again before giving up. */
const MAX_RATE_LIMIT_RETRIES = 3;

/**
 * The longest rate-limit wait, in seconds, the action sits out. A primary limit can take up to an
 * hour to reset, far past the job's timeout: the run stops at once instead, and says why.
 */
const MAX_RATE_LIMIT_WAIT = 120;

/**
 * Milliseconds per "second" of backoff, `retry-after` and the throttling plugin's spacing of
 * writes. Only the end-to-end tests lower it (`LADDER_ACTION_RETRY_BASE_MS`), so that a
 * scripted 502, a rate limit or a second write does not cost them seconds.
 */
export function retryBaseMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.LADDER_ACTION_RETRY_BASE_MS);
  return Number.isFinite(value) && value >= 0 && value <= 1000 ? value : 1000;
}

/** How long one request may take before it is abandoned (and retried, like a 5xx). */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Milliseconds one request may take: 30 s, or `LADDER_ACTION_REQUEST_TIMEOUT_MS`, which only
 * the end-to-end tests set, so that an API that never answers costs them a second, not minutes.
 */
export function requestTimeoutMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.LADDER_ACTION_REQUEST_TIMEOUT_MS);
  return Number.isFinite(value) && value >= 100 && value <= REQUEST_TIMEOUT_MS
    ? value
    : REQUEST_TIMEOUT_MS;
}

/** The REST API's root: GitHub Enterprise Server's from the runner, github.com's otherwise. */
function apiBaseUrl(env: NodeJS.ProcessEnv): string {
  return env.GITHUB_API_URL || 'https://api.github.com';
}

/**
 * The user agent's prefix, as `@actions/github` sets it: the run's orchestration id, when the
 * runner gives one (octokit appends its own name and Node's version).
 */
function userAgentPrefix(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}

/**
 * The fetch for requests to `baseUrl`: undefined (octokit then uses Node's fetch) unless the
 * runner's proxy variables apply to it (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, decided by
 * `@actions/http-client` as before). Then it is `@actions/github`'s fetch through an undici
 * proxy agent, loaded on the first request.
 */
function proxyFetch(baseUrl: string): typeof fetch | undefined {
  if (!getProxyUrl(new URL(baseUrl))?.hostname) return undefined;
  let loaded: Promise<typeof fetch> | undefined;
  return async (input, init) => {
    loaded ??= import('@actions/github/lib/utils').then(
      ({ defaults }) => defaults.request?.fetch as typeof fetch,
    );
    return (await loaded)(input, init);
  };
}

/** The client's class: the given plugins (innermost first), retries, throttling. */
function clientClass(...plugins: ((octokit: Pick<Octokit, 'hook'>) => void)[]) {
  return Octokit.plugin(...plugins, retry, throttling);
}

/**
 * The throttling plugin's spacing of requests (writes and GraphQL queries 1 s apart,
 * notification-triggering writes 3 s, searches 2 s), scaled like the retry waits; the plugin's
 * own groups when nothing is scaled.
 */
function spacing(base: number) {
  if (base === 1000) return {};
  const group = (id: string, seconds: number) =>
    new Bottleneck.Group({ id, maxConcurrent: 1, minTime: seconds * base });
  return {
    write: group('ladder-write', 1),
    notifications: group('ladder-notifications', 3),
    search: group('ladder-search', 2),
  };
}

/** Creates the client; `counter.count` grows with every request sent. */
export function createClient(
  token: string,
  counter: RequestCounter,
  env: NodeJS.ProcessEnv,
): Client {
  const base = retryBaseMs(env);
  const timeout = requestTimeoutMs(env);
  const baseUrl = apiBaseUrl(env);
  const fetch = proxyFetch(baseUrl);
  const userAgent = userAgentPrefix(env);
  // Registered first, so it sits innermost and sees each attempt the retry plugins make. Each
  // attempt gets its own deadline: without one, an API that accepts the connection and never
  // answers would hold the job until the runner's own timeout (hours). The hooks share one
  // options object (each is bound to it; what one passes on is ignored), and a retry runs them
  // again with it, so the deadline is set on that object, afresh on every attempt.
  const countRequests = (octokit: Pick<Octokit, 'hook'>) => {
    octokit.hook.wrap('request', (request, options) => {
      counter.count += 1;
      options.request = { ...options.request, signal: AbortSignal.timeout(timeout) };
      return request(options);
    });
  };
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method: string; url: string },
      _o: unknown,
      retries: number,
    ) => {
      if (retries >= MAX_RATE_LIMIT_RETRIES) return false;
      if (retryAfter > MAX_RATE_LIMIT_WAIT) {
        log.info(
          `GitHub ${kind} rate limit on ${options.method} ${options.url}: it lifts in about ${Math.round(retryAfter / 60)} minutes, longer than the action waits (${MAX_RATE_LIMIT_WAIT / 60} minutes).`,
        );
        return false;
      }
      log.info(
        `GitHub ${kind} rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s.`,
      );
      return true;
    };
  const GitHub = clientClass(countRequests);
  return new GitHub({
    baseUrl,
    auth: `token ${token}`,
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(fetch === undefined ? {} : { request: { fetch } }),
    retry: { retryAfterBaseValue: base },
    throttle: {
      ...spacing(base),
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
    },
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log.info(message),
      error: (message: string) => log.info(message),
    },
  });
}

/** The HTTP status of a failed request, if it was one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}

/** The messages of a validation error's `errors` (a 422 says "Validation Failed" and no more). */
function errorDetails(data: object): string[] {
  const errors = 'errors' in data && Array.isArray(data.errors) ? (data.errors as unknown[]) : [];
  return errors.flatMap((e) =>
    typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string'
      ? [e.message]
      : [],
  );
}

/**
 * GitHub's own message on a failed request (e.g. "Resource not accessible by integration"), with
 * the details of a validation error ("Validation Failed: body is too long ...").
 */
export function apiMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  if ('response' in error && typeof error.response === 'object' && error.response !== null) {
    const data = 'data' in error.response ? error.response.data : undefined;
    if (typeof data === 'object' && data !== null && 'message' in data)
      return [String(data.message), ...errorDetails(data)].join(': ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Whether GitHub refused a request for a rate limit (429, or a 403 that says so). */
export function isRateLimited(error: unknown): boolean {
  return statusOf(error) === 429 || /rate limit/i.test(apiMessage(error));
}

/** A failure the user can act on; its message is shown as is. */
export class ActionFailure extends Error {}

/** What the token needs for each kind of call, for 403 messages. */
export type Need = 'read-pr' | 'read-contents' | 'write-comment' | 'write-contents';

const NEEDS: Readonly<Record<Need, string>> = {
  'read-pr': '`pull-requests: read`',
  'read-contents': '`contents: read`',
  'write-comment': '`pull-requests: write` (or `issues: write`)',
  'write-contents': '`contents: write`',
};

/** Turns a 401/403/404 answer into a message that names the missing permission. */
export function permissionFailure(
  error: unknown,
  need: Need,
  what: string,
  token: TokenContext,
): ActionFailure | undefined {
  const status = statusOf(error);
  if (status !== 401 && status !== 403) return undefined;
  const message = apiMessage(error);
  if (/rate limit/i.test(message))
    return new ActionFailure(
      `GitHub's rate limit stopped the attempt to ${what} (${status}: ${message}). Re-run the job once it lifts (the log says when).`,
    );
  const forkHint =
    token === 'fork-pull-request'
      ? ' This pull request comes from a fork: under `pull_request` its token is read-only whatever the workflow asks for. Use the `pull_request_target` workflow from the README (safe here: the action reads YAML and Markdown through the API and never runs code from the pull request).'
      : token === 'pull-request'
        ? ' For pull requests from forks, whose `pull_request` token is always read-only, use the `pull_request_target` workflow from the README.'
        : '';
  return new ActionFailure(
    `The token may not ${what} (${status}: ${message}). Give the job ${NEEDS[need]} in its \`permissions:\`.${forkHint}`,
  );
}

/** Whether a failed request was abandoned at its deadline (no answer at all). */
export function isTimeout(error: unknown): boolean {
  const cause =
    typeof error === 'object' && error !== null && 'cause' in error ? error.cause : error;
  return (
    typeof cause === 'object' && cause !== null && 'name' in cause && cause.name === 'TimeoutError'
  );
}

/** A failed API request in one line (method, path, status, GitHub's message), or undefined. */
export function describeRequestError(error: unknown): string | undefined {
  const status = statusOf(error);
  if (status === undefined || typeof error !== 'object' || error === null) return undefined;
  const request = 'request' in error ? (error.request as { method?: unknown; url?: unknown }) : {};
  const path =
    typeof request.method === 'string' && typeof request.url === 'string'
      ? `${request.method} ${new URL(request.url).pathname}`
      : undefined;
  if (isTimeout(error))
    return `GitHub's API did not answer${path ? ` ${path}` : ''} in time, also after retries. Re-run the job; if it keeps failing, check https://www.githubstatus.com.`;
  // octokit reports a request that got no answer at all (a dropped connection) as a 500.
  if (!('response' in error) || error.response === undefined)
    return `GitHub's API could not be reached${path ? ` for ${path}` : ''} (${apiMessage(error)}), also after retries. Re-run the job; if it keeps failing, check the runner's network and https://www.githubstatus.com.`;
  const where = path ? ` to ${path}` : '';
  if (isRateLimited(error))
    return `GitHub's rate limit stopped the request${where} (${status}: ${apiMessage(error)}). Re-run the job once it lifts (the log says when).`;
  if (status < 500)
    return `GitHub's API answered ${status}${where} (${apiMessage(error)}). Check that the repository and the pull request exist and that the token may read them (\`contents: read\`, \`pull-requests: read\`).`;
  return `GitHub's API answered ${status}${where} (${apiMessage(error)}), also after retries. Re-run the job; if it keeps failing, check https://www.githubstatus.com.`;
}
