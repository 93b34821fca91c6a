/**
 * The comments of a pull request, read through GraphQL: 100 a page, oldest first, with the
 * fields the sticky comment needs (id, body, link, author) and nothing else. GraphQL, not REST,
 * so that the first page can ride on the request that verifies the packets' evidence: its
 * fields go into that query (`commentFields`), and `readPage` reads them from its answer. A run
 * with evidence to verify then lists its comments without a request of its own.
 */
import type { ExtraFields } from '../../src/verify/query';
import type { RepoRef } from './event';
import type { Client } from './octokit';

/** A comment as the sticky comment sees it (the REST shape, which create and update return). */
export interface IssueComment {
  readonly id: number;
  readonly body?: string | undefined;
  readonly html_url: string;
  readonly user: { readonly login: string; readonly type: string } | null;
}

/** One page of comments, and the cursor of the next when there is one. */
export interface CommentPage {
  readonly comments: readonly IssueComment[];
  readonly after: string | undefined;
}

/** The alias the comments are asked under, in their own query or beside verification's. */
const ALIAS = 'ladderComments';

const DECLARATIONS = [
  '$ladderOwner: String!',
  '$ladderRepo: String!',
  '$ladderNumber: Int!',
  '$ladderAfter: String',
];

// `fullDatabaseId`, not `databaseId`: comment ids no longer fit GraphQL's 32-bit `Int`.
const FIELD = `  ${ALIAS}: repository(owner: $ladderOwner, name: $ladderRepo) {
    pullRequest(number: $ladderNumber) {
      comments(first: 100, after: $ladderAfter) {
        pageInfo { hasNextPage endCursor }
        nodes { fullDatabaseId body url author { __typename login } }
      }
    }
  }`;

/** The fields that ask for a page of the comments, to go into another query. */
export function commentFields(repo: RepoRef, number: number, after?: string): ExtraFields {
  return {
    declarations: DECLARATIONS,
    fields: [FIELD],
    variables: {
      ladderOwner: repo.owner,
      ladderRepo: repo.repo,
      ladderNumber: number,
      ladderAfter: after ?? null,
    },
  };
}

const QUERY = `query LadderComments(${DECLARATIONS.join(', ')}) {\n${FIELD}\n}\n`;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** GraphQL's author as REST names it: a bot's login ends in `[bot]`, its type is `Bot`. */
function restUser(author: unknown): IssueComment['user'] {
  const a = record(author);
  if (typeof a?.login !== 'string') return null;
  const bot = a.__typename === 'Bot';
  return {
    login: bot && !a.login.endsWith('[bot]') ? `${a.login}[bot]` : a.login,
    type: bot ? 'Bot' : 'User',
  };
}

function comment(node: unknown): IssueComment | undefined {
  const n = record(node);
  const id = Number(n?.fullDatabaseId);
  if (!n || !Number.isSafeInteger(id) || typeof n.url !== 'string') return undefined;
  return {
    id,
    ...(typeof n.body === 'string' ? { body: n.body } : {}),
    html_url: n.url,
    user: restUser(n.author),
  };
}

/** The page in a GraphQL answer's `data`, or undefined when the answer holds none. */
export function readPage(data: unknown): CommentPage | undefined {
  const connection = record(record(record(record(data)?.[ALIAS])?.pullRequest)?.comments);
  const info = record(connection?.pageInfo);
  if (!connection || !info || !Array.isArray(connection.nodes)) return undefined;
  const comments = connection.nodes.map(comment);
  if (comments.some((c) => c === undefined)) return undefined;
  return {
    comments: comments as IssueComment[],
    after:
      info.hasNextPage === true && typeof info.endCursor === 'string' ? info.endCursor : undefined,
  };
}

/**
 * Every comment of the pull request, oldest first, from `first` (a page already read) on, or
 * from the start. Throws the client's error (`@octokit/graphql`'s for an answer with `errors`).
 */
export async function listComments(
  client: Client,
  repo: RepoRef,
  number: number,
  first?: CommentPage,
): Promise<IssueComment[]> {
  const all: IssueComment[] = [];
  let page = first;
  let after: string | undefined;
  for (;;) {
    if (page === undefined) {
      const data = await client.graphql(QUERY, { ...commentFields(repo, number, after).variables });
      page = readPage(data);
      if (page === undefined) throw new Error('GitHub answered the comments query without them.');
    }
    all.push(...page.comments);
    if (page.after === undefined) return all;
    after = page.after;
    page = undefined;
  }
}
