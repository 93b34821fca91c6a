/**
 * The GraphQL requests that verify targets: up to 100 targets a request, each under its own
 * alias (`resource(url:)` for links, `repository { issueOrPullRequest(number:) }` for
 * references), plus one `repository` alias per repository that links point into, which tells
 * "not visible to this token" from "not found". Every value goes in as a variable, never into
 * the query text. The fields ask for states, dates and logins only: never a title or a body.
 */
import type { Target } from './types';

/** Targets per request. */
export const BATCH_SIZE = 100;

/** One alias of a request and what it resolves. */
export type Alias =
  | { readonly alias: string; readonly role: 'item'; readonly target: Target }
  | { readonly alias: string; readonly role: 'repository'; readonly repository: string };

/**
 * One GraphQL request: the parts its query is written from (`queryText`), its variables, and
 * what each alias stands for. The text is written when sent, so that it cannot differ from
 * the parts `withFields` adds to.
 */
export interface QueryBatch {
  readonly parts: QueryParts;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly aliases: readonly Alias[];
}

/** Variable declarations (`$u0: URI!`), root fields, and fragment definitions. */
interface QueryParts {
  readonly declarations: readonly string[];
  readonly fields: readonly string[];
  readonly fragments: readonly string[];
}

/**
 * Root fields an edge asks in the same request as verification, under aliases of its own (the
 * action lists the pull request's comments this way, a request fewer per run). The verifying
 * code never reads them: `readAnswer` reads only the aliases of `Alias`.
 */
export interface ExtraFields extends Omit<QueryParts, 'fragments'> {
  readonly variables: Readonly<Record<string, unknown>>;
}

/** The text of a batch's query, written from its parts. */
export function queryText({ declarations, fields, fragments }: QueryParts): string {
  return `query LadderVerify(${declarations.join(', ')}) {\n${fields.join('\n')}\n}\n\n${fragments.join('\n\n')}\n`;
}

/** The batch with `extra`'s fields asked beside its own. */
export function withFields(batch: QueryBatch, extra: ExtraFields): QueryBatch {
  const parts = {
    declarations: [...batch.parts.declarations, ...extra.declarations],
    fields: [...batch.parts.fields, ...extra.fields],
    fragments: batch.parts.fragments,
  };
  return {
    variables: { ...batch.variables, ...extra.variables },
    aliases: batch.aliases,
    parts,
  };
}

const FRAGMENTS = {
  PullRequest: `fragment VerifiedPullRequest on PullRequest {
  number
  pullRequestState: state
  isDraft
  createdAt
  mergedAt
  closedAt
  author { login }
  assignees(first: 20) @include(if: $withLogin) { nodes { login } }
  participants(first: 100) @include(if: $withLogin) { nodes { login } }
  reviews(first: 1, author: $login) @include(if: $withLogin) { totalCount }
}`,
  Issue: `fragment VerifiedIssue on Issue {
  number
  issueState: state
  stateReason
  createdAt
  closedAt
  author { login }
  assignees(first: 20) @include(if: $withLogin) { nodes { login } }
  participants(first: 100) @include(if: $withLogin) { nodes { login } }
}`,
  Commit: `fragment VerifiedCommit on Commit {
  oid
  committedDate
  author { user { login } }
  authors(first: 10) @include(if: $withLogin) { nodes { user { login } } }
  committer { user { login } }
}`,
  Discussion: `fragment VerifiedDiscussion on Discussion {
  number
  createdAt
  closed
  closedAt
  author { login }
  answer @include(if: $withLogin) { author { login } }
  comments(first: 100) @include(if: $withLogin) { nodes { author { login } } }
}`,
  Release: `fragment VerifiedRelease on Release {
  tagName
  isDraft
  isPrerelease
  createdAt
  publishedAt
  author { login }
}`,
} as const;

type FragmentName = keyof typeof FRAGMENTS;

/** What each way of asking can return (`resource` cannot return a discussion). */
const RESOURCE_KINDS: readonly FragmentName[] = ['PullRequest', 'Issue', 'Commit', 'Release'];
const ISSUE_KINDS: readonly FragmentName[] = ['PullRequest', 'Issue'];

function selection(kinds: readonly FragmentName[], used: Set<FragmentName>): string {
  for (const k of kinds) used.add(k);
  return `__typename ${kinds.map((k) => `...Verified${k}`).join(' ')}`;
}

/** Splits targets into requests of up to BATCH_SIZE. `login`: the candidate's, when known. */
export function buildBatches(targets: readonly Target[], login: string | undefined): QueryBatch[] {
  const out: QueryBatch[] = [];
  for (let i = 0; i < targets.length; i += BATCH_SIZE)
    out.push(buildBatch(targets.slice(i, i + BATCH_SIZE), login));
  return out;
}

/** One request for up to BATCH_SIZE targets. */
export function buildBatch(targets: readonly Target[], login: string | undefined): QueryBatch {
  const declarations = ['$withLogin: Boolean!'];
  const variables: Record<string, unknown> = { withLogin: login !== undefined };
  const fields: string[] = [];
  const aliases: Alias[] = [];
  const repositories = new Map<string, string>();
  const used = new Set<FragmentName>();
  targets.forEach((target, i) => {
    const alias = `t${i}`;
    aliases.push({ alias, role: 'item', target });
    if (target.url !== undefined && target.kind !== 'discussion') {
      declarations.push(`$u${i}: URI!`);
      variables[`u${i}`] = target.url;
      fields.push(`  ${alias}: resource(url: $u${i}) { ${selection(RESOURCE_KINDS, used)} }`);
      const repo = `${target.owner}/${target.name}`.toLowerCase();
      if (!repositories.has(repo)) repositories.set(repo, `${target.owner}/${target.name}`);
      return;
    }
    declarations.push(`$o${i}: String!`, `$n${i}: String!`, `$i${i}: Int!`);
    Object.assign(variables, {
      [`o${i}`]: target.owner,
      [`n${i}`]: target.name,
      [`i${i}`]: target.number,
    });
    const inner =
      target.kind === 'discussion'
        ? `discussion(number: $i${i}) { ${selection(['Discussion'], used)} }`
        : `issueOrPullRequest(number: $i${i}) { ${selection(ISSUE_KINDS, used)} }`;
    fields.push(`  ${alias}: repository(owner: $o${i}, name: $n${i}) { ${inner} }`);
  });
  [...repositories].forEach(([key, written], j) => {
    const alias = `r${j}`;
    const [owner = '', name = ''] = written.split('/');
    declarations.push(`$ro${j}: String!`, `$rn${j}: String!`);
    Object.assign(variables, { [`ro${j}`]: owner, [`rn${j}`]: name });
    fields.push(`  ${alias}: repository(owner: $ro${j}, name: $rn${j}) { id }`);
    aliases.push({ alias, role: 'repository', repository: key });
  });
  // `$login` only where a fragment uses it: GraphQL refuses a variable that is declared and unused.
  if (used.has('PullRequest')) {
    declarations.unshift('$login: String');
    variables.login = login ?? null;
  }
  const fragments = (Object.keys(FRAGMENTS) as FragmentName[])
    .filter((k) => used.has(k))
    .map((k) => FRAGMENTS[k]);
  const parts = { declarations, fields, fragments };
  return { variables, aliases, parts };
}
