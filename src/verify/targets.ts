/**
 * Finding the GitHub objects an evidence item names: links to pull requests, issues, commits,
 * discussions and releases on github.com or on the server the action runs against, and `#123`,
 * `GH-123` and `org/repo#123` references, resolved against the pull request's repository. Other
 * links (files, folders, searches, other sites) name nothing that can be verified.
 */
import type { Target, TargetScope } from './types';

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const NUMBER = /^[1-9][0-9]{0,8}$/;
const SHA = /^[0-9a-f]{7,40}$/i;
/** `#123`, `GH-123`, `org/repo#123`, as the packet reader finds them. */
const REFERENCE = /^(?:([A-Za-z0-9][\w.-]{0,38})\/([\w.-]{1,100}))?(?:#|GH-)([1-9][0-9]{0,8})$/;

/** The hosts whose links are GitHub's: github.com, and the server's own. */
function gitHubHosts(scope: TargetScope): Set<string> {
  const hosts = new Set(['github.com', 'www.github.com']);
  try {
    hosts.add(new URL(scope.serverUrl).host.toLowerCase());
  } catch {
    // A server URL that does not parse adds nothing.
  }
  return hosts;
}

/** The web address objects on `host` are resolved with (github.com's own for its hosts). */
function origin(host: string, scope: TargetScope): string {
  if (host === 'github.com' || host === 'www.github.com') return 'https://github.com';
  return new URL(scope.serverUrl).origin;
}

function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

/** The target a URL names, or undefined when it names nothing verifiable. */
export function urlTarget(url: string, scope: TargetScope): Target | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const host = parsed.host.toLowerCase();
  if (!/^https?:$/.test(parsed.protocol) || !gitHubHosts(scope).has(host)) return undefined;
  let segments: string[];
  try {
    segments = parsed.pathname
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [owner = '', name = '', type, id = '', ...rest] = segments;
  if (!OWNER.test(owner) || !REPO.test(name) || name === '.' || name === '..') return undefined;
  const base = `${origin(host, scope)}/${owner}/${name}`;
  const repo = repoKey(owner, name);
  const numbered = (kind: Target['kind'], path: string): Target | undefined =>
    NUMBER.test(id)
      ? {
          key: `${repo}#${Number(id)}`,
          owner,
          name,
          kind,
          url: `${base}/${path}/${Number(id)}`,
          number: Number(id),
        }
      : undefined;
  const commit = (sha: string): Target | undefined =>
    SHA.test(sha)
      ? {
          key: `${repo}@${sha.toLowerCase()}`,
          owner,
          name,
          kind: 'commit',
          url: `${base}/commit/${sha.toLowerCase()}`,
        }
      : undefined;
  switch (type) {
    case 'pull':
      // A commit seen inside a pull request is the commit.
      if (rest[0] === 'commits' && rest[1] !== undefined) return commit(rest[1]);
      return numbered('pull-request', 'pull');
    case 'issues':
      return numbered('issue', 'issues');
    case 'discussions':
      return numbered('discussion', 'discussions');
    case 'commit':
      return commit(id);
    case 'releases': {
      if (id !== 'tag' || rest.length === 0) return undefined;
      const tag = rest.join('/');
      if (tag.length > 255) return undefined;
      return {
        key: `${repo}@tag:${tag}`,
        owner,
        name,
        kind: 'release',
        url: `${base}/releases/tag/${rest.map(encodeURIComponent).join('/')}`,
      };
    }
    default:
      return undefined;
  }
}

/** The target of a `#123`, `GH-123` or `org/repo#123` reference, or undefined. */
export function referenceTarget(reference: string, scope: TargetScope): Target | undefined {
  const m = REFERENCE.exec(reference.trim());
  if (!m) return undefined;
  const [, owner, name, digits = ''] = m;
  const repo = owner !== undefined && name !== undefined ? { owner, name } : scope.repository;
  if (!repo || !OWNER.test(repo.owner) || !REPO.test(repo.name)) return undefined;
  const number = Number(digits);
  return {
    key: `${repoKey(repo.owner, repo.name)}#${number}`,
    owner: repo.owner,
    name: repo.name,
    kind: 'issue-or-pull-request',
    number,
  };
}

/** The targets of one evidence item's links and references, in order, each once. */
export function itemTargets(
  links: readonly string[],
  references: readonly string[],
  scope: TargetScope,
): Target[] {
  const out = new Map<string, Target>();
  for (const url of links) {
    const t = urlTarget(url, scope);
    if (t && !out.has(t.key)) out.set(t.key, t);
  }
  for (const reference of references) {
    const t = referenceTarget(reference, scope);
    if (t && !out.has(t.key)) out.set(t.key, t);
  }
  return [...out.values()];
}

/**
 * Every target of many items, each once: a URL wins over a reference to the same object (it can
 * name a discussion too).
 */
export function uniqueTargets(targets: Iterable<Target>): Target[] {
  const out = new Map<string, Target>();
  for (const t of targets) {
    const seen = out.get(t.key);
    if (!seen || (seen.url === undefined && t.url !== undefined)) out.set(t.key, t);
  }
  return [...out.values()];
}
