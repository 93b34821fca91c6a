/**
 * The objects of the API stand-in in the shapes GitHub's REST API documents: every field its
 * OpenAPI description requires (`@octokit/openapi`, checked after every run of the action's
 * tests by openapi-contract.ts), with URLs that point at the stand-in, so that what the action
 * reads from the stand-in is what it would read from GitHub.
 */
import { createRequire } from 'node:module';

type Json = Record<string, unknown>;

/** Where the stand-in serves and which repository it stands for. */
export interface Site {
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
}

/** An account: login, id and kind. */
export interface Account {
  readonly login: string;
  readonly id: number;
  readonly type: 'Bot' | 'User';
}

/** A person or bot as GitHub's `simple-user` (logins only are made from the name). */
export function simpleUser(site: Site, user: Account): Json {
  const api = `${site.url}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: `U_${user.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

/** A user known only by login (a reviewer named in a file), with an id made from the login. */
export function namedUser(site: Site, login: string): Json {
  let id = 7;
  for (const c of login) id = (id * 31 + (c.codePointAt(0) ?? 0)) % 2_000_000_000;
  return simpleUser(site, { login, id, type: 'User' });
}

/** A team of the repository's owner, as GitHub's `team`. */
export function team(site: Site, slug: string): Json {
  const api = `${site.url}/orgs/${site.owner}/teams/${slug}`;
  return {
    id: slug.length * 1000 + 1,
    node_id: `T_${slug}`,
    url: api,
    html_url: `https://github.com/orgs/${site.owner}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: 'organization',
    parent: null,
  };
}

function repoApi(site: Site): string {
  return `${site.url}/repos/${site.owner}/${site.repo}`;
}

function repoWeb(site: Site): string {
  return `https://github.com/${site.owner}/${site.repo}`;
}

/** An issue comment (`issue-comment`). */
export function issueComment(
  site: Site,
  c: {
    readonly id: number;
    readonly issue: number;
    readonly body: string;
    readonly user: Account;
    readonly createdAt: string;
    readonly updatedAt: string;
  },
): Json {
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${repoApi(site)}/issues/comments/${c.id}`,
    html_url: `${repoWeb(site)}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${repoApi(site)}/issues/${c.issue}`,
    body: c.body,
    user: simpleUser(site, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'OWNER',
  };
}

/** A file of a pull request (`diff-entry`). */
export function diffEntry(
  site: Site,
  headSha: string,
  f: { readonly filename: string; readonly status: string; readonly previous_filename?: string },
): Json {
  const path = encodeURI(f.filename);
  return {
    sha: '0000000000000000000000000000000000000000',
    filename: f.filename,
    status: f.status,
    additions: f.status === 'removed' ? 0 : 1,
    deletions: f.status === 'added' ? 0 : 1,
    changes: f.status === 'modified' ? 2 : 1,
    blob_url: `${repoWeb(site)}/blob/${headSha}/${path}`,
    raw_url: `${repoWeb(site)}/raw/${headSha}/${path}`,
    contents_url: `${repoApi(site)}/contents/${path}?ref=${headSha}`,
    ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
  };
}

/** The fields every entry of the contents API has (`content-file`, `-symlink`, `-directory`). */
export function contentEntry(
  site: Site,
  ref: string,
  entry: {
    readonly type: 'file' | 'dir' | 'symlink';
    readonly path: string;
    readonly size: number;
    readonly sha: string;
  },
): Json {
  const path = encodeURI(entry.path);
  const self = `${repoApi(site)}/contents/${path}?ref=${ref}`;
  const kind = entry.type === 'dir' ? 'trees' : 'blobs';
  const git = `${repoApi(site)}/git/${kind}/${entry.sha}`;
  const html = `${repoWeb(site)}/${entry.type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
  return {
    type: entry.type,
    name: entry.path.slice(entry.path.lastIndexOf('/') + 1),
    path: entry.path,
    size: entry.size,
    sha: entry.sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url:
      entry.type === 'dir'
        ? null
        : `https://raw.githubusercontent.com/${site.owner}/${site.repo}/${ref}/${path}`,
    _links: { self, git, html },
  };
}

/** A blob (`blob`). */
export function blob(site: Site, sha: string, bytes: Uint8Array): Json {
  return {
    sha,
    node_id: `B_${sha}`,
    url: `${repoApi(site)}/git/blobs/${sha}`,
    size: bytes.length,
    encoding: 'base64',
    content: Buffer.from(bytes).toString('base64'),
  };
}

/** A tree (`git-tree`) of blob entries. */
export function gitTree(
  site: Site,
  sha: string,
  entries: readonly {
    readonly path: string;
    readonly mode: string;
    readonly size: number;
    readonly sha: string;
  }[],
): Json {
  return {
    sha,
    url: `${repoApi(site)}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: 'blob',
      size: e.size,
      sha: e.sha,
      url: `${repoApi(site)}/git/blobs/${e.sha}`,
    })),
  };
}

/** Name, email and date of the stand-in's commits. */
function signature(date: string): Json {
  return {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
    date,
  };
}

/** A created commit (`git-commit`). */
export function gitCommit(
  site: Site,
  c: {
    readonly sha: string;
    readonly tree: string;
    readonly message: string;
    readonly parents: readonly string[];
  },
): Json {
  const date = new Date().toISOString();
  return {
    sha: c.sha,
    node_id: `C_${c.sha}`,
    url: `${repoApi(site)}/git/commits/${c.sha}`,
    html_url: `${repoWeb(site)}/commit/${c.sha}`,
    author: signature(date),
    committer: signature(date),
    tree: { sha: c.tree, url: `${repoApi(site)}/git/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${repoApi(site)}/git/commits/${p}`,
      html_url: `${repoWeb(site)}/commit/${p}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

/** A branch reference (`git-ref`). */
export function gitRef(site: Site, branch: string, sha: string): Json {
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${branch}`,
    url: `${repoApi(site)}/git/refs/heads/${branch}`,
    object: { type: 'commit', sha, url: `${repoApi(site)}/git/commits/${sha}` },
  };
}

/** A commit as the commits API lists it (`commit`); its author has no GitHub account. */
export function listedCommit(site: Site, sha: string, date: string): Json {
  const person = { name: 'Octo Cat', email: 'octocat@example.com', date };
  return {
    sha,
    node_id: `C_${sha}`,
    url: `${repoApi(site)}/commits/${sha}`,
    html_url: `${repoWeb(site)}/commit/${sha}`,
    comments_url: `${repoApi(site)}/commits/${sha}/comments`,
    commit: {
      url: `${repoApi(site)}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: 'Edit the ladder',
      comment_count: 0,
      tree: { sha, url: `${repoApi(site)}/git/trees/${sha}` },
    },
    author: null,
    committer: null,
    parents: [],
  };
}

/** A `review_requested` event of the issue events API, made by `requester`. */
export function reviewRequestedEvent(
  site: Site,
  id: number,
  requester: Account,
  to: { readonly user: string } | { readonly team: string },
): Json {
  return {
    id,
    node_id: `RRE_${id}`,
    url: `${repoApi(site)}/issues/events/${id}`,
    actor: simpleUser(site, requester),
    event: 'review_requested',
    commit_id: null,
    commit_url: null,
    created_at: new Date().toISOString(),
    performed_via_github_app: null,
    review_requester: simpleUser(site, requester),
    ...('user' in to
      ? { requested_reviewer: namedUser(site, to.user) }
      : { requested_team: team(site, to.team) }),
  };
}

const require = createRequire(import.meta.url);

/**
 * A pull request (`pull-request-simple`, what `requested_reviewers` answers): the `synchronize`
 * example of `@octokit/webhooks-examples`, numbered and with the reviewers asked.
 */
export function pullRequest(
  site: Site,
  number: number,
  reviewers: readonly string[],
  teams: readonly string[],
): Json {
  const all = require('@octokit/webhooks-examples/api.github.com/index.json') as {
    name: string;
    examples: Json[];
  }[];
  const example = all
    .find((e) => e.name === 'pull_request')
    ?.examples.find((e) => e.action === 'synchronize')?.pull_request as Json | undefined;
  if (!example)
    throw new Error('No pull_request/synchronize example in @octokit/webhooks-examples');
  const api = `${repoApi(site)}/pulls/${number}`;
  return {
    ...structuredClone(example),
    number,
    url: api,
    html_url: `${repoWeb(site)}/pull/${number}`,
    issue_url: `${repoApi(site)}/issues/${number}`,
    requested_reviewers: reviewers.map((login) => namedUser(site, login)),
    requested_teams: teams.map((slug) => team(site, slug)),
  };
}
