/**
 * The data of evidence verification: what a packet's links point at on GitHub (targets), what
 * GitHub said about each (fetched), and what that means for the review (checks). Pure data; the
 * requests themselves are made at the edges (the action, `ladder review --verify`).
 */

/** What kind of GitHub object a link names. `issue-or-pull-request`: a `#123` reference. */
export type TargetKind =
  | 'pull-request'
  | 'issue'
  | 'issue-or-pull-request'
  | 'commit'
  | 'discussion'
  | 'release';

/** One GitHub object an evidence item names, by URL or by `#123` / `org/repo#123`. */
export interface Target {
  /** The same for every way of naming the object: `owner/repo#12`, `owner/repo@<sha>`, ... (lower case). */
  readonly key: string;
  readonly owner: string;
  readonly name: string;
  readonly kind: TargetKind;
  /** The canonical URL (links only); resolved with GraphQL `resource(url:)`, but discussions by number. */
  readonly url?: string;
  /** The issue, pull request or discussion number. */
  readonly number?: number;
}

/** Where links are resolved: the GitHub hosts and the repository `#123` belongs to. */
export interface TargetScope {
  /** The web address of the GitHub server (`https://github.com`, or an Enterprise Server's). */
  readonly serverUrl: string;
  /** The repository of the pull request (or of the checkout), for `#123`; unknown: not resolved. */
  readonly repository?: { readonly owner: string; readonly name: string };
}

/** The kinds of object GitHub can return for a target. */
export type ItemKind = 'pull-request' | 'issue' | 'commit' | 'discussion' | 'release';

/** What GitHub holds about one object: states, dates (ISO 8601) and logins, never any text. */
export type Item =
  | {
      readonly kind: 'pull-request';
      readonly state: 'open' | 'closed' | 'merged';
      readonly draft: boolean;
      readonly createdAt: string;
      readonly mergedAt?: string;
      readonly closedAt?: string;
      readonly author?: string;
      readonly assignees: readonly string[];
      readonly participants: readonly string[];
      /** Whether the candidate reviewed it; absent when the candidate's login is unknown. */
      readonly reviewedByCandidate?: boolean;
    }
  | {
      readonly kind: 'issue';
      readonly state: 'open' | 'closed';
      /** Why it was closed: `completed`, `not-planned`, `duplicate`. */
      readonly reason?: string;
      readonly createdAt: string;
      readonly closedAt?: string;
      readonly author?: string;
      readonly assignees: readonly string[];
      readonly participants: readonly string[];
    }
  | {
      readonly kind: 'commit';
      readonly committedAt: string;
      /** Logins of the author and the co-authors, the author first. */
      readonly authors: readonly string[];
      readonly committer?: string;
    }
  | {
      readonly kind: 'discussion';
      readonly createdAt: string;
      readonly closedAt?: string;
      readonly author?: string;
      /** Logins of those who commented or wrote the answer. */
      readonly commenters: readonly string[];
    }
  | {
      readonly kind: 'release';
      readonly draft: boolean;
      readonly prerelease: boolean;
      readonly createdAt: string;
      readonly publishedAt?: string;
      readonly author?: string;
    };

/** Why a target was not checked. */
export type UncheckedReason = 'over-limit' | 'rate-limited' | 'unavailable' | 'token-refused';

/** What GitHub answered for one target. */
export type Fetched =
  | { readonly status: 'found'; readonly item: Item }
  /** The token cannot read it: a private repository, or `FORBIDDEN`. Not an accusation. */
  | { readonly status: 'not-visible' }
  /** The repository is visible and the object is not in it. */
  | { readonly status: 'not-found' }
  | { readonly status: 'unchecked'; readonly reason: UncheckedReason };

/** The candidate's part in an object, strongest first. */
export type Part = 'author' | 'co-author' | 'reviewer' | 'assignee' | 'commenter' | 'none';

/** The state of an object, as the review words it. */
export type ItemState =
  | 'merged'
  | 'open'
  | 'draft'
  | 'closed'
  | 'closed-unmerged'
  | 'closed-not-planned'
  | 'committed'
  | 'published'
  | 'prerelease';

/** Which date counts for an object. */
export type DateKind = 'merged' | 'closed' | 'committed' | 'published' | 'opened' | 'created';

/** Something a committee should look at. */
export type LinkWarning = 'not-found' | 'closed-unmerged' | 'no-part' | 'outside-cycle';

/** One evidence link as verified: what GitHub confirms, and what it does not. */
export interface LinkCheck {
  /** The target's key (`owner/repo#12`): where the link points, never any text of it. */
  readonly key: string;
  readonly status: Fetched['status'];
  readonly reason?: UncheckedReason;
  readonly kind?: ItemKind;
  readonly state?: ItemState;
  /** The candidate's part; absent when the packet gives no `github:` login. */
  readonly part?: Part;
  /** The author's login (shown as code, never as a mention). */
  readonly author?: string;
  /** The day that counts (YYYY-MM-DD) and what happened on it. */
  readonly date?: string;
  readonly dateKind?: DateKind;
  /** Whether the day falls in the packet's cycle; absent when the cycle has no dates. */
  readonly inCycle?: boolean;
  /** Whether the link confirms the item: found, delivered, the candidate's, in the cycle. */
  readonly verified: boolean;
  readonly warnings: readonly LinkWarning[];
}

/** Verification results handed to the review, and how it should use them. */
export interface VerificationData {
  /** `report`: statuses and warnings; `require`: also, a dimension needs a verified item. */
  readonly mode: 'report' | 'require';
  readonly scope: TargetScope;
  /** What GitHub answered, by target key; a target that is absent was not checked. */
  readonly results: ReadonlyMap<string, Fetched>;
  /** The configured cycles, by id. */
  readonly cycles: Readonly<Record<string, { readonly from: string; readonly to: string }>>;
  /** The most links verified per run (for the "over the limit" note). */
  readonly limit: number;
}
