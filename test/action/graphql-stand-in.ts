/**
 * GitHub's GraphQL API for the stand-in: the action's queries (evidence verification, the
 * comments of the pull request, `viewer`) are executed against GitHub's published schema
 * (`@octokit/graphql-schema`), so a field that does not exist fails as it would on GitHub, over
 * objects built from a fixture file of repositories, pull requests, issues, commits, discussions
 * and releases, and from the REST stand-in's own repository (its comments). Errors come back the
 * way GitHub sends them: per alias, with `type` (`NOT_FOUND`, `FORBIDDEN`) and `path`; a field
 * the schema lacks as GitHub's `undefinedField`, with no data. `without` takes fields out of the
 * schema, as an older GitHub Enterprise Server's lacks them.
 */
import { readFileSync } from 'node:fs';
import { schema as githubSchema } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  graphqlSync,
  type IntrospectionQuery,
  Kind,
  parse,
} from 'graphql';

type Json = Record<string, unknown>;

/** An object of the fixture, in short: logins as strings, dates as ISO text. */
export interface FixtureObject {
  readonly type: 'PullRequest' | 'Issue' | 'Commit' | 'Discussion' | 'Release';
  readonly state?: string;
  readonly stateReason?: string;
  readonly draft?: boolean;
  readonly prerelease?: boolean;
  readonly createdAt?: string;
  readonly mergedAt?: string;
  readonly closedAt?: string;
  readonly committedDate?: string;
  readonly publishedAt?: string;
  readonly author?: string;
  readonly coAuthors?: readonly string[];
  readonly committer?: string;
  readonly reviewers?: readonly string[];
  readonly assignees?: readonly string[];
  readonly participants?: readonly string[];
  readonly commenters?: readonly string[];
}

/** A repository of the fixture: `visible: false` for one the token cannot read. */
export interface FixtureRepository {
  readonly visible?: boolean;
  /** Protected (SAML, IP allow list): every request for it is `FORBIDDEN`. */
  readonly forbidden?: boolean;
  /** By number, `commit:<sha>` or `tag:<name>`. */
  readonly items?: Readonly<Record<string, FixtureObject>>;
}

const built = new Map<string, GraphQLSchema>();
/**
 * GitHub's schema without the fields `without` names (`Type.field`), built once per test file
 * for each such list (it takes a second).
 */
function schema(without: readonly string[] = []): GraphQLSchema {
  const key = without.join(',');
  let made = built.get(key);
  if (!made) {
    const introspection = githubSchema.json as unknown as IntrospectionQuery;
    const types = introspection.__schema.types.map((type) => {
      const gone = without
        .filter((w) => w.startsWith(`${type.name}.`))
        .map((w) => w.slice(type.name.length + 1));
      return gone.length === 0 || !('fields' in type) || !type.fields
        ? type
        : { ...type, fields: type.fields.filter((f) => !gone.includes(f.name)) };
    });
    made = buildClientSchema({ __schema: { ...introspection.__schema, types } });
    built.set(key, made);
  }
  return made;
}

/** graphql-js's word for a field the schema lacks, and GitHub's answer for it. */
const UNDEFINED_FIELD = /^Cannot query field "(\w+)" on type "(\w+)"\./;

function user(login: string | undefined): Json | null {
  return login === undefined ? null : { __typename: 'User', login };
}

function users(logins: readonly string[] | undefined): Json {
  return { nodes: (logins ?? []).map(user) };
}

/** The fixture object as GitHub's schema shapes it. */
function shaped(number: string, o: FixtureObject): Json {
  const created = o.createdAt ?? '2026-07-01T00:00:00Z';
  switch (o.type) {
    case 'PullRequest':
      return {
        __typename: 'PullRequest',
        number: Number(number),
        state: o.state ?? 'OPEN',
        isDraft: o.draft ?? false,
        createdAt: created,
        mergedAt: o.mergedAt ?? null,
        closedAt: o.closedAt ?? o.mergedAt ?? null,
        author: user(o.author),
        assignees: users(o.assignees),
        participants: users(o.participants),
        reviews: ({ author }: { author?: string | null }) => ({
          totalCount: (o.reviewers ?? []).filter(
            (r) => author == null || r.toLowerCase() === author.toLowerCase(),
          ).length,
        }),
      };
    case 'Issue':
      return {
        __typename: 'Issue',
        number: Number(number),
        state: o.state ?? 'OPEN',
        stateReason: o.stateReason ?? null,
        createdAt: created,
        closedAt: o.closedAt ?? null,
        author: user(o.author),
        assignees: users(o.assignees),
        participants: users(o.participants),
      };
    case 'Commit':
      return {
        __typename: 'Commit',
        oid: number.replace(/^commit:/, ''),
        committedDate: o.committedDate ?? created,
        author: { user: user(o.author) },
        authors: {
          nodes: [o.author, ...(o.coAuthors ?? [])].map((l) => ({ user: user(l) })),
        },
        committer: { user: user(o.committer) },
      };
    case 'Discussion':
      return {
        __typename: 'Discussion',
        number: Number(number),
        createdAt: created,
        closed: o.closedAt !== undefined,
        closedAt: o.closedAt ?? null,
        author: user(o.author),
        answer: null,
        comments: { nodes: (o.commenters ?? []).map((l) => ({ author: user(l) })) },
      };
    case 'Release':
      return {
        __typename: 'Release',
        tagName: number.replace(/^tag:/, ''),
        isDraft: o.draft ?? false,
        isPrerelease: o.prerelease ?? false,
        createdAt: created,
        publishedAt: o.publishedAt ?? null,
        author: user(o.author),
      };
  }
}

function githubError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/** Whether a request holds a mutation or a subscription (the action only ever reads). */
function writes(query: string): boolean {
  try {
    return parse(query).definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query',
    );
  } catch {
    return false; // a syntax error: graphqlSync reports it as GitHub would
  }
}

/** A repository's node id, as stable as GitHub's. */
function repositoryId(owner: string, name: string): string {
  return `R_${Buffer.from(`${owner}/${name}`).toString('base64url')}`;
}

/** A comment of the REST stand-in's repository, as GraphQL shapes it. */
export interface HomeComment {
  readonly id: number;
  readonly body: string;
  readonly url: string;
  /** The REST login and type (`github-actions[bot]`, `Bot`). */
  readonly user: { readonly login: string; readonly type: 'Bot' | 'User' };
  /** Hidden by someone (GitHub's "minimize"). */
  readonly minimized?: boolean;
}

/** The REST stand-in's side of a request: its repository and the comments of its pull requests. */
export interface Home {
  readonly owner: string;
  readonly name: string;
  /** The comments of a pull request, oldest first; undefined when there is no such pull request. */
  readonly comments: (number: number) => readonly HomeComment[] | undefined;
}

/** A comment as GraphQL gives it: a bot's login without `[bot]`, ids as BigInt text. */
function graphqlComment(c: HomeComment): Json {
  const bot = c.user.type === 'Bot';
  return {
    fullDatabaseId: String(c.id),
    body: c.body,
    url: c.url,
    isMinimized: c.minimized === true,
    author: {
      __typename: bot ? 'Bot' : 'User',
      login: bot ? c.user.login.replace(/\[bot\]$/, '') : c.user.login,
    },
  };
}

/** A connection's page: `first` from the one after the `after` cursor (an index, in base64). */
function connection(items: readonly Json[], first: number, after: string | null | undefined): Json {
  const start = after ? Number(Buffer.from(after, 'base64').toString('utf8')) + 1 : 0;
  const nodes = items.slice(start, start + first);
  const end = start + nodes.length - 1;
  return {
    nodes,
    pageInfo: {
      hasNextPage: start + first < items.length,
      endCursor: nodes.length > 0 ? Buffer.from(String(end)).toString('base64') : null,
    },
  };
}

/** The repositories and objects GraphQL answers about. */
export class GraphqlStandIn {
  readonly repositories = new Map<string, FixtureRepository>();
  /** Fields (`IssueComment.fullDatabaseId`) this server's schema lacks. */
  readonly #without: readonly string[];

  constructor(options: { readonly without?: readonly string[] } = {}) {
    this.#without = options.without ?? [];
  }

  /** Every query received, for validation against the schema. */
  readonly queries: string[] = [];

  /** Loads `{ "repositories": { "owner/name": { ... } } }`. */
  load(path: string): this {
    const data = JSON.parse(readFileSync(path, 'utf8')) as {
      repositories: Record<string, FixtureRepository>;
    };
    for (const [name, repo] of Object.entries(data.repositories))
      this.repositories.set(name.toLowerCase(), repo);
    return this;
  }

  /** Adds `count` merged pull requests by `author`, numbered from 1, to `repository`. */
  addPullRequests(repository: string, count: number, author: string, mergedAt: string): void {
    const items: Record<string, FixtureObject> = {};
    for (let i = 1; i <= count; i += 1)
      items[String(i)] = { type: 'PullRequest', state: 'MERGED', mergedAt, author };
    this.repositories.set(repository.toLowerCase(), { items });
  }

  #repository(owner: string, name: string): Json {
    const repo = this.repositories.get(`${owner}/${name}`.toLowerCase());
    if (repo?.forbidden)
      throw githubError(
        'FORBIDDEN',
        'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
      );
    if (!repo || repo.visible === false)
      throw githubError(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      );
    const item = (key: string) => {
      const found = repo.items?.[key];
      return found ? shaped(key, found) : undefined;
    };
    return {
      id: repositoryId(owner, name),
      item,
      issueOrPullRequest: ({ number }: { number: number }) => {
        const found = item(String(number));
        if (!found || (found.__typename !== 'Issue' && found.__typename !== 'PullRequest'))
          throw githubError(
            'NOT_FOUND',
            `Could not resolve to an issue or pull request with the number of ${number}.`,
          );
        return found;
      },
      discussion: ({ number }: { number: number }) => {
        const found = item(String(number));
        if (found?.__typename !== 'Discussion')
          throw githubError(
            'NOT_FOUND',
            `Could not resolve to a Discussion with the number of ${number}.`,
          );
        return found;
      },
    };
  }

  #resource(url: string): Json | null {
    const m =
      /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/(?:(?:pull|issues)\/(\d+)|commit\/([0-9a-f]+)|releases\/tag\/(.+))$/.exec(
        url,
      );
    if (!m) return null;
    const [, owner = '', name = '', number, sha, tag] = m;
    let repo: Json;
    try {
      repo = this.#repository(owner, name);
    } catch (error) {
      // A repository the token cannot read resolves to nothing, without an error.
      if (error instanceof GraphQLError && error.extensions.type === 'FORBIDDEN') throw error;
      return null;
    }
    const item = repo.item as (key: string) => Json | undefined;
    if (number !== undefined) return item(number) ?? null;
    if (sha !== undefined) {
      const key = Object.keys(
        this.repositories.get(`${owner}/${name}`.toLowerCase())?.items ?? {},
      ).find((k) => k.startsWith(`commit:${sha}`));
      return key ? (item(key) ?? null) : null;
    }
    return item(`tag:${decodeURIComponent(tag ?? '')}`) ?? null;
  }

  /** The REST stand-in's repository: the fixture's, if any, with its pull requests' comments. */
  #home(home: Home): Json {
    let repo: Json;
    try {
      repo = this.#repository(home.owner, home.name);
    } catch {
      repo = {
        id: repositoryId(home.owner, home.name),
        issueOrPullRequest: ({ number }: { number: number }) => {
          throw githubError(
            'NOT_FOUND',
            `Could not resolve to an issue or pull request with the number of ${number}.`,
          );
        },
      };
    }
    return {
      ...repo,
      pullRequest: ({ number }: { number: number }) => {
        const comments = home.comments(number);
        if (comments === undefined)
          throw githubError(
            'NOT_FOUND',
            `Could not resolve to a PullRequest with the number of ${number}.`,
          );
        return {
          comments: ({ first, after }: { first?: number; after?: string | null }) =>
            connection(comments.map(graphqlComment), first ?? 100, after),
        };
      },
    };
  }

  /** Executes one request (`{ query, variables }`) and answers as GitHub does. */
  answer(body: Json, home?: Home): Json {
    const query = typeof body.query === 'string' ? body.query : '';
    this.queries.push(query);
    if (writes(query))
      return { errors: [{ message: 'The stand-in answers queries only: no mutation, ever.' }] };
    const result: ExecutionResult = graphqlSync({
      schema: schema(this.#without),
      source: query,
      variableValues: (body.variables as Json | undefined) ?? {},
      rootValue: {
        resource: ({ url }: { url: string }) => this.#resource(url),
        repository: ({ owner, name }: { owner: string; name: string }) =>
          home && `${owner}/${name}`.toLowerCase() === `${home.owner}/${home.name}`.toLowerCase()
            ? this.#home(home)
            : this.#repository(owner, name),
      },
    });
    const errors = (result.errors ?? []).map((e) => {
      const undefinedField = UNDEFINED_FIELD.exec(e.message);
      if (undefinedField) {
        const [, fieldName, typeName] = undefinedField;
        return {
          extensions: { code: 'undefinedField', typeName, fieldName },
          locations: e.locations,
          message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
        };
      }
      return {
        type: typeof e.extensions.type === 'string' ? e.extensions.type : undefined,
        path: e.path,
        locations: e.locations,
        message: e.message,
      };
    });
    return {
      ...(result.data === undefined ? {} : { data: result.data }),
      ...(errors.length > 0 ? { errors } : {}),
    };
  }
}
