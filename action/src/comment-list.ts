/**
 * The comments of a pull request, read through GraphQL: 100 a page, oldest first, with the
 * fields the sticky comment needs (id, body, link, author) and nothing else. GraphQL, not REST,
 * so that the first page can ride on the request that verifies the packets' evidence: its
 * fields go into that query (`commentFields`), and `readPage` reads them from its answer. A run
 * with evidence to verify then lists its comments without a request of its own. A GitHub
 * Enterprise Server whose schema lacks `IssueComment.fullDatabaseId` gets them through REST.
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
  /** Hidden by someone ("minimize" in GitHub's menu); only GraphQL tells. */
  readonly minimized?: boolean;
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
        nodes { fullDatabaseId body url isMinimized author { __typename login } }
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
    ...(n.isMinimized === true ? { minimized: true } : {}),
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

/** Clients whose server's schema has no `IssueComment.fullDatabaseId`: they list through REST. */
const withoutFullIds = new WeakSet<Client>();

/** Whether GitHub refused a query because its schema has no `fullDatabaseId` (older GHES). */
function lacksFullIds(error: unknown): boolean {
  if (!(error instanceof Error) || !('errors' in error) || !Array.isArray(error.errors))
    return false;
  return error.errors.some((e: unknown) => {
    const x = record(record(e)?.extensions);
    return x?.code === 'undefinedField' && x.fieldName === 'fullDatabaseId';
  });
}

/** The comments through REST, 100 a page, as the sticky comment sees them. */
async function listThroughRest(client: Client, repo: RepoRef, number: number) {
  const comments = await client.paginate(client.rest.issues.listComments, {
    ...repo,
    issue_number: number,
    per_page: 100,
  });
  return comments.map(
    (c): IssueComment => ({
      id: c.id,
      ...(typeof c.body === 'string' ? { body: c.body } : {}),
      html_url: c.html_url,
      user: c.user ? { login: c.user.login, type: c.user.type } : null,
    }),
  );
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
  if (withoutFullIds.has(client)) return listThroughRest(client, repo, number);
  try {
    return await listThroughGraphql(client, repo, number, first);
  } catch (error) {
    if (!lacksFullIds(error)) throw error;
    withoutFullIds.add(client);
    return listThroughRest(client, repo, number);
  }
}

async function listThroughGraphql(
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
