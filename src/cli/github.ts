/**
 * The CLI's only contact with the network: GitHub's GraphQL API for `ladder review --verify`,
 * with the token from `GITHUB_TOKEN` or `GH_TOKEN`. What to ask and how to read the answers is
 * src/verify/'s, shared with the action; this file only sends, with one retry on a 5xx answer
 * or a timeout, and reports a rate limit as such.
 */
import { execFileSync } from 'node:child_process';
import { queryText } from '../verify/query';
import type { Send } from '../verify/run';
import type { TargetScope } from '../verify/types';

/** How long one request may take. */
const TIMEOUT_MS = 30_000;

/** The variables the CLI reads. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The token for verification, and which variable gave it. */
export function verifyToken(env: Env): { token: string; from: string } | undefined {
  for (const name of ['GITHUB_TOKEN', 'GH_TOKEN']) {
    const token = env[name]?.trim();
    if (token) return { token, from: name };
  }
  return undefined;
}

/** GraphQL's address: `GITHUB_GRAPHQL_URL`, else beside `GITHUB_API_URL`, else github.com's. */
export function graphqlUrl(env: Env): string {
  if (env.GITHUB_GRAPHQL_URL) return env.GITHUB_GRAPHQL_URL;
  if (env.GITHUB_API_URL) return `${env.GITHUB_API_URL.replace(/\/+$/, '')}/graphql`;
  return 'https://api.github.com/graphql';
}

/** `owner/name` from a GitHub remote URL (https or ssh), if it is one. */
export function repositoryOfRemote(url: string): { owner: string; name: string } | undefined {
  const m = /[/:]([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100}?)(?:\.git)?\/?$/.exec(
    url.trim(),
  );
  return m?.[1] && m[2] ? { owner: m[1], name: m[2] } : undefined;
}

/**
 * Where `#123` points and which links are GitHub's: `GITHUB_REPOSITORY` and `GITHUB_SERVER_URL`
 * when set (as in a workflow), else the `origin` remote of the checkout.
 */
export function cliScope(env: Env, root: string): TargetScope {
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (owner && name) return { serverUrl, repository: { owner, name } };
  let remote = '';
  try {
    remote = execFileSync('git', ['config', '--get', 'remote.origin.url'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString('utf8')
      .trim();
  } catch {
    // Not a git checkout, or no origin: `#123` is not resolved.
  }
  const repository = remote === '' ? undefined : repositoryOfRemote(remote);
  return repository ? { serverUrl, repository } : { serverUrl };
}

/** Sends verification queries with `token`; `retryMs` is the wait before the one retry. */
export function graphqlSender(token: string, url: string, retryMs = 1000): Send {
  const once = async (body: string): Promise<Response | undefined> => {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `bearer ${token}`,
          'content-type': 'application/json',
          'user-agent': 'ladder-as-code',
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      return undefined;
    }
  };
  return async (batch) => {
    const body = JSON.stringify({ query: queryText(batch.parts), variables: batch.variables });
    let response = await once(body);
    if (response === undefined || response.status >= 500) {
      await new Promise((done) => setTimeout(done, retryMs));
      response = await once(body);
    }
    if (response === undefined || response.status >= 500)
      return { ok: false, reason: 'unavailable' };
    if (response.status === 401) return { ok: false, reason: 'token-refused' };
    if (
      response.status === 429 ||
      (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0')
    )
      return { ok: false, reason: 'rate-limited' };
    try {
      const json = (await response.json()) as unknown;
      return response.ok ? { ok: true, body: json } : { ok: false, reason: 'unavailable' };
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
  };
}
