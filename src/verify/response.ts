/**
 * Reading a GraphQL answer into what GitHub said about each target. GitHub answers per alias: a
 * repository the token cannot read is null with a `NOT_FOUND` error (GitHub does not say whether
 * it exists), a forbidden one has a `FORBIDDEN` error, and a missing object in a repository the
 * token can read is null (with a `NOT_FOUND` error one level deeper for numbers). Anything that
 * is not the expected shape is "not checked", never "not found".
 */
import { type JsonObject, jsonObject, jsonText } from '../util/json';
import type { QueryBatch } from './query';
import type { Fetched, Item, Target, UncheckedReason } from './types';

type Json = JsonObject;

/** One entry of the answer's `errors`, as GitHub sends it. */
interface GraphqlError {
  readonly type?: string;
  readonly path?: readonly (string | number)[];
}

const object = jsonObject;
const text = jsonText;

function login(value: unknown): string | undefined {
  return text(object(value)?.login);
}

function logins(connection: unknown, pick: (node: Json) => unknown = (n) => n.login): string[] {
  const nodes = object(connection)?.nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((n) => {
    const node = object(n);
    const value = node ? text(pick(node)) : undefined;
    return value === undefined ? [] : [value];
  });
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** The object an alias resolved to, as data; undefined when it is not one we asked for. */
export function readItem(node: Json): Item | undefined {
  switch (node.__typename) {
    case 'PullRequest': {
      const state = node.pullRequestState;
      const createdAt = text(node.createdAt);
      if (createdAt === undefined || (state !== 'OPEN' && state !== 'CLOSED' && state !== 'MERGED'))
        return undefined;
      const reviews = object(node.reviews)?.totalCount;
      return {
        kind: 'pull-request',
        state: state === 'OPEN' ? 'open' : state === 'MERGED' ? 'merged' : 'closed',
        draft: node.isDraft === true,
        createdAt,
        ...optional('mergedAt', text(node.mergedAt)),
        ...optional('closedAt', text(node.closedAt)),
        ...optional('author', login(node.author)),
        assignees: logins(node.assignees),
        participants: logins(node.participants),
        ...(typeof reviews === 'number' ? { reviewedByCandidate: reviews > 0 } : {}),
      };
    }
    case 'Issue': {
      const state = node.issueState;
      const createdAt = text(node.createdAt);
      if (createdAt === undefined || (state !== 'OPEN' && state !== 'CLOSED')) return undefined;
      const reason = text(node.stateReason)?.toLowerCase().replaceAll('_', '-');
      return {
        kind: 'issue',
        state: state === 'OPEN' ? 'open' : 'closed',
        ...optional('reason', reason),
        createdAt,
        ...optional('closedAt', text(node.closedAt)),
        ...optional('author', login(node.author)),
        assignees: logins(node.assignees),
        participants: logins(node.participants),
      };
    }
    case 'Commit': {
      const committedAt = text(node.committedDate);
      if (committedAt === undefined) return undefined;
      const author = login(object(node.author)?.user);
      const coAuthors = logins(node.authors, (n) => object(n.user)?.login);
      return {
        kind: 'commit',
        committedAt,
        authors: [...new Set([...(author ? [author] : []), ...coAuthors])],
        ...optional('committer', login(object(node.committer)?.user)),
      };
    }
    case 'Discussion': {
      const createdAt = text(node.createdAt);
      if (createdAt === undefined) return undefined;
      const answer = login(object(node.answer)?.author);
      return {
        kind: 'discussion',
        createdAt,
        ...optional('closedAt', node.closed === true ? text(node.closedAt) : undefined),
        ...optional('author', login(node.author)),
        commenters: [
          ...new Set([
            ...(answer ? [answer] : []),
            ...logins(node.comments, (n) => login(n.author)),
          ]),
        ],
      };
    }
    case 'Release': {
      const createdAt = text(node.createdAt);
      if (createdAt === undefined) return undefined;
      return {
        kind: 'release',
        draft: node.isDraft === true,
        prerelease: node.isPrerelease === true,
        createdAt,
        ...optional('publishedAt', text(node.publishedAt)),
        ...optional('author', login(node.author)),
      };
    }
    default:
      return undefined;
  }
}

/** What one request's answer says about each of its targets, by target key. */
export function readAnswer(batch: QueryBatch, body: unknown): Map<string, Fetched> {
  const out = new Map<string, Fetched>();
  const answer = object(body);
  const data = object(answer?.data);
  const errors: GraphqlError[] = Array.isArray(answer?.errors)
    ? answer.errors.flatMap((e) => {
        const error = object(e);
        return error ? [error as GraphqlError] : [];
      })
    : [];
  const errorsAt = (alias: string) => errors.filter((e) => e.path?.[0] === alias);
  const visibleRepositories = new Map<string, boolean>();
  for (const a of batch.aliases)
    if (a.role === 'repository')
      visibleRepositories.set(a.repository, object(data?.[a.alias]) !== undefined);
  const unchecked = (reason: UncheckedReason): Fetched => ({ status: 'unchecked', reason });
  // A rate limit for the whole request comes without a path, and without data.
  const limited = errors.some((e) => e.type === 'RATE_LIMITED' && e.path === undefined);
  if (data === undefined) {
    for (const a of batch.aliases)
      if (a.role === 'item')
        out.set(a.target.key, unchecked(limited ? 'rate-limited' : 'unavailable'));
    return out;
  }
  for (const a of batch.aliases) {
    if (a.role !== 'item') continue;
    out.set(
      a.target.key,
      readAlias(a.target, data, errorsAt(a.alias), a.alias, visibleRepositories, unchecked),
    );
  }
  return out;
}

function readAlias(
  target: Target,
  data: Json | undefined,
  errors: readonly GraphqlError[],
  alias: string,
  visibleRepositories: ReadonlyMap<string, boolean>,
  unchecked: (reason: UncheckedReason) => Fetched,
): Fetched {
  if (errors.some((e) => e.type === 'FORBIDDEN')) return { status: 'not-visible' };
  if (errors.some((e) => e.type === 'RATE_LIMITED')) return unchecked('rate-limited');
  if (data === undefined || !Object.hasOwn(data, alias)) return unchecked('unavailable');
  const value = data[alias];
  const notFoundHere = errors.some((e) => e.type === 'NOT_FOUND' && e.path?.length === 1);
  const otherError = errors.some((e) => e.type !== 'NOT_FOUND');
  if (target.url !== undefined && target.kind !== 'discussion') {
    // `resource(url:)`: the object itself, or null for a missing or invisible one.
    const node = object(value);
    if (node) {
      const item = readItem(node);
      return item ? { status: 'found', item } : unchecked('unavailable');
    }
    if (otherError) return unchecked('unavailable');
    const visible = visibleRepositories.get(`${target.owner}/${target.name}`.toLowerCase());
    return visible === false || notFoundHere ? { status: 'not-visible' } : { status: 'not-found' };
  }
  // `repository { issueOrPullRequest | discussion }`: null repository = not visible to the token.
  const repository = object(value);
  if (!repository)
    return otherError && !notFoundHere ? unchecked('unavailable') : { status: 'not-visible' };
  const inner = object(
    repository[target.kind === 'discussion' ? 'discussion' : 'issueOrPullRequest'],
  );
  if (!inner) return otherError ? unchecked('unavailable') : { status: 'not-found' };
  const item = readItem(inner);
  return item ? { status: 'found', item } : unchecked('unavailable');
}
