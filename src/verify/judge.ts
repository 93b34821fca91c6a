/**
 * Judging what GitHub said about one link: its kind and state, the candidate's part, the date
 * that counts and whether it falls in the cycle, and whether the link confirms the evidence.
 * Then the same in a few plain words for the comment ("merged PR, authored by the candidate, in
 * the cycle"): no title, no text of the linked object, logins only as code.
 */
import type {
  DateKind,
  Fetched,
  Item,
  ItemState,
  LinkCheck,
  LinkWarning,
  Part,
  Target,
} from './types';

/** Who the candidate is on GitHub, and when the packet's cycle ran. */
export interface JudgeContext {
  /** The candidate's GitHub login (front matter `github:`), when given. */
  readonly login?: string;
  /** The packet's cycle, when the config gives its days. */
  readonly cycle?: { readonly from: string; readonly to: string };
}

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function has(list: readonly string[], login: string): boolean {
  return list.some((l) => same(l, login));
}

/** The candidate's strongest part in an object. */
export function partOf(item: Item, login: string): Part {
  switch (item.kind) {
    case 'pull-request':
      if (same(item.author, login)) return 'author';
      if (item.reviewedByCandidate) return 'reviewer';
      if (has(item.assignees, login)) return 'assignee';
      return has(item.participants, login) ? 'commenter' : 'none';
    case 'issue':
      if (same(item.author, login)) return 'author';
      if (has(item.assignees, login)) return 'assignee';
      return has(item.participants, login) ? 'commenter' : 'none';
    case 'commit':
      if (same(item.authors[0], login)) return 'author';
      if (has(item.authors, login)) return 'co-author';
      return same(item.committer, login) ? 'author' : 'none';
    case 'discussion':
      if (same(item.author, login)) return 'author';
      return has(item.commenters, login) ? 'commenter' : 'none';
    case 'release':
      return same(item.author, login) ? 'author' : 'none';
  }
}

/** The state, the date that counts (ISO 8601) and what happened on it. */
export function stateOf(item: Item): { state: ItemState; date: string; dateKind: DateKind } {
  switch (item.kind) {
    case 'pull-request':
      if (item.state === 'merged')
        return { state: 'merged', date: item.mergedAt ?? item.createdAt, dateKind: 'merged' };
      if (item.state === 'closed')
        return {
          state: 'closed-unmerged',
          date: item.closedAt ?? item.createdAt,
          dateKind: 'closed',
        };
      return { state: item.draft ? 'draft' : 'open', date: item.createdAt, dateKind: 'opened' };
    case 'issue':
      if (item.state === 'closed')
        return {
          state: item.reason === 'not-planned' ? 'closed-not-planned' : 'closed',
          date: item.closedAt ?? item.createdAt,
          dateKind: 'closed',
        };
      return { state: 'open', date: item.createdAt, dateKind: 'opened' };
    case 'commit':
      return { state: 'committed', date: item.committedAt, dateKind: 'committed' };
    case 'discussion':
      return item.closedAt !== undefined
        ? { state: 'closed', date: item.closedAt, dateKind: 'closed' }
        : { state: 'open', date: item.createdAt, dateKind: 'opened' };
    case 'release':
      if (item.draft) return { state: 'draft', date: item.createdAt, dateKind: 'created' };
      return {
        state: item.prerelease ? 'prerelease' : 'published',
        date: item.publishedAt ?? item.createdAt,
        dateKind: 'published',
      };
  }
}

function authorOf(item: Item): string | undefined {
  return item.kind === 'commit' ? item.authors[0] : item.author;
}

/** Judges one link from what GitHub said about it (undefined: it was not asked). */
export function judge(
  target: Target,
  fetched: Fetched | undefined,
  context: JudgeContext,
): LinkCheck {
  const answer = fetched ?? { status: 'unchecked', reason: 'over-limit' };
  if (answer.status === 'not-found')
    return { key: target.key, status: 'not-found', verified: false, warnings: ['not-found'] };
  if (answer.status !== 'found')
    return {
      key: target.key,
      status: answer.status,
      ...(answer.status === 'unchecked' ? { reason: answer.reason } : {}),
      verified: false,
      warnings: [],
    };
  const { item } = answer;
  const { state, date, dateKind } = stateOf(item);
  const day = date.slice(0, 10);
  const part = context.login === undefined ? undefined : partOf(item, context.login);
  const inCycle =
    context.cycle === undefined ? undefined : day >= context.cycle.from && day <= context.cycle.to;
  const warnings: LinkWarning[] = [];
  if (state === 'closed-unmerged') warnings.push('closed-unmerged');
  if (part === 'none') warnings.push('no-part');
  if (inCycle === false) warnings.push('outside-cycle');
  const author = authorOf(item);
  return {
    key: target.key,
    status: 'found',
    kind: item.kind,
    state,
    ...(part === undefined ? {} : { part }),
    ...(author === undefined ? {} : { author }),
    date: day,
    dateKind,
    ...(inCycle === undefined ? {} : { inCycle }),
    verified: warnings.length === 0,
    warnings,
  };
}

const KIND_WORD = {
  'pull-request': 'PR',
  issue: 'issue',
  commit: 'commit',
  discussion: 'discussion',
  release: 'release',
} as const;

const PART_WORDS: Readonly<Record<Exclude<Part, 'none'>, string>> = {
  author: 'authored by the candidate',
  'co-author': 'co-authored by the candidate',
  reviewer: 'reviewed by the candidate',
  assignee: 'assigned to the candidate',
  commenter: 'commented on by the candidate',
};

/** "merged PR", "PR closed without merging", "open issue", "commit", "published release". */
function what(check: LinkCheck): string {
  const kind = KIND_WORD[check.kind ?? 'pull-request'];
  switch (check.state) {
    case 'closed-unmerged':
      return 'PR closed without merging';
    case 'closed-not-planned':
      return `${kind} closed as not planned`;
    case 'committed':
      return 'commit';
    case 'prerelease':
      return 'pre-release';
    case undefined:
      return kind;
    default:
      return `${check.state} ${kind}`;
  }
}

/** A piece of a status: plain words, or a login to show as code. */
export type StatusPart = { readonly text: string } | { readonly login: string };

/** The note for links that were not checked, by reason. */
export function uncheckedWords(check: LinkCheck, limit: number): string {
  switch (check.reason) {
    case 'over-limit':
      return `not checked: over the limit of ${limit} links verified per run`;
    case 'rate-limited':
      return 'not checked: GitHub’s rate limit was reached';
    case 'token-refused':
      return 'not checked: GitHub refused the token';
    default:
      return 'not checked: GitHub did not answer';
  }
}

/**
 * A link's status in plain words, in parts so that logins can be set as code: "merged PR,
 * authored by the candidate, in the cycle"; "open PR by `bob`, the candidate had no part".
 */
export function describeCheck(check: LinkCheck, limit: number): StatusPart[] {
  if (check.status === 'not-visible') return [{ text: 'not verifiable with this token' }];
  if (check.status === 'not-found') return [{ text: 'not found on GitHub' }];
  if (check.status === 'unchecked') return [{ text: uncheckedWords(check, limit) }];
  const parts: StatusPart[] = [{ text: what(check) }];
  if (check.part !== undefined && check.part !== 'none')
    parts.push({ text: `, ${PART_WORDS[check.part]}` });
  else if (check.author !== undefined) parts.push({ text: ' by ' }, { login: check.author });
  if (check.part === 'none') parts.push({ text: ', the candidate had no part' });
  const when = `${check.dateKind} ${check.date}`;
  if (check.inCycle === true) parts.push({ text: ', in the cycle' });
  else if (check.inCycle === false) parts.push({ text: `, ${when}, outside the cycle` });
  else parts.push({ text: `, ${when}` });
  return parts;
}

/** `describeCheck` as one line of text, logins in backticks. */
export function describeCheckText(check: LinkCheck, limit: number): string {
  return describeCheck(check, limit)
    .map((p) => ('login' in p ? `\`${p.login}\`` : p.text))
    .join('');
}
