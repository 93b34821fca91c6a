/**
 * The semantic diff of two ladder models: what changed, in ladder terms, and what each change
 * means for people in flight and for the version of the ladder or ability it belongs to.
 * Plain data only, so `ladder diff --format json` is this shape as it is.
 */
import type { StatementChange, WordChange } from '../model/statement-diff';
import type { Edge } from '../model/types';

/** Which part of a version a change calls for; `none` for changes that need no bump. */
export type Bump = 'major' | 'minor' | 'patch' | 'none';

/** `breaking` for people in flight (a target moved or rose), `editorial` otherwise. */
export type Impact = 'breaking' | 'editorial';

/** What a change is about; ids are the head's, or the base's for something removed. */
export type Subject =
  | { readonly type: 'ladder'; readonly ladder: string }
  | { readonly type: 'level'; readonly ladder: string; readonly level: string }
  | { readonly type: 'dimension'; readonly ladder: string; readonly dimension: string }
  | { readonly type: 'group'; readonly ladder: string; readonly group: string }
  | { readonly type: 'thread'; readonly ladder: string; readonly thread: string }
  | { readonly type: 'ability'; readonly ability: string }
  | { readonly type: 'milestone'; readonly ability: string; readonly milestone: number }
  | { readonly type: 'role'; readonly role: string };

/** The kinds of subject. */
export type SubjectType = Subject['type'];

/** Who holds a requirement: a level, a role, or a whole ladder (its evidence minimum). */
export type Holder = Extract<Subject, { type: 'level' | 'role' | 'ladder' }>;

/**
 * What is required: a milestone of an ability, a number of evidence items per dimension, or a
 * minimum total of points over every ability (a level's or a role's `points.min`).
 */
export type Requirement =
  | { readonly type: 'milestone'; readonly ability: string }
  | { readonly type: 'evidence' }
  | { readonly type: 'points' };

/** Something that carries a version: a ladder or an ability. */
export interface VersionUnit {
  readonly type: 'ladder' | 'ability';
  readonly id: string;
}

/** One change, before it is classified. */
export type ChangeBody =
  | { readonly kind: 'added'; readonly subject: Subject }
  | { readonly kind: 'removed'; readonly subject: Subject }
  /** Same id, new title. */
  | {
      readonly kind: 'renamed';
      readonly subject: Subject;
      readonly before: string;
      readonly after: string;
    }
  /** A new id with the same content as one that went away; `subject` has the new id. */
  | { readonly kind: 'likely-renamed'; readonly subject: Subject; readonly from: string }
  | {
      readonly kind: 'expectation-added' | 'expectation-removed';
      readonly ladder: string;
      readonly level: string;
      readonly dimension: string;
      readonly text: string;
    }
  | {
      readonly kind: 'expectation-reworded';
      readonly ladder: string;
      readonly level: string;
      readonly dimension: string;
      readonly before: string;
      readonly after: string;
      readonly words: readonly WordChange[];
    }
  | {
      readonly kind: 'points-changed';
      readonly ability: string;
      readonly milestone: number;
      readonly before: number;
      readonly after: number;
    }
  /** `before`/`after` absent: the requirement did not exist on that side. */
  | {
      readonly kind: 'requirement-raised' | 'requirement-lowered';
      readonly holder: Holder;
      readonly requirement: Requirement;
      readonly before?: number;
      readonly after?: number;
    }
  /** A role's `points.max`; `before`/`after` absent: no maximum on that side. */
  | {
      readonly kind: 'points-max-changed';
      readonly holder: Extract<Holder, { type: 'role' }>;
      readonly before?: number;
      readonly after?: number;
    }
  /** A level's rank; `before`/`after` absent: ranked by its position on that side. */
  | {
      readonly kind: 'grade-changed';
      readonly ladder: string;
      readonly level: string;
      readonly before?: number;
      readonly after?: number;
    }
  /** A level's track, band or display label; absent on a side that has none. */
  | {
      readonly kind: 'track-changed' | 'band-changed' | 'label-changed';
      readonly ladder: string;
      readonly level: string;
      readonly before?: string;
      readonly after?: string;
    }
  /** How an ability's milestone points count: `added` up to a milestone, or `held` at it. */
  | {
      readonly kind: 'scoring-changed';
      readonly ability: string;
      readonly before: 'added' | 'held';
      readonly after: 'added' | 'held';
    }
  | {
      readonly kind: 'edge-added' | 'edge-removed';
      readonly ladder: string;
      readonly level: string;
      readonly target: Edge;
    }
  | {
      readonly kind: 'required-dimension-added' | 'required-dimension-removed';
      readonly ladder: string;
      readonly level: string;
      readonly dimension: string;
    }
  /** Any other text of a subject (description, prose, theme, thread steps, examples, ...). */
  | {
      readonly kind: 'text-changed';
      readonly subject: Subject;
      readonly field: string;
      /** The statements added, removed or reworded (never `unchanged`). */
      readonly changes: readonly StatementChange[];
    }
  | {
      readonly kind: 'owners-changed';
      readonly subject: Subject;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    };

/** What a change means: its impact, the bump it calls for, and the version it counts against. */
export interface Classification {
  readonly impact: Impact;
  readonly bump: Bump;
  readonly unit: VersionUnit;
}

/** One classified change. */
export type LadderChange = ChangeBody & Classification;

/** How a version moved between the two revisions. */
export type VersionMove = Bump | 'lowered';

/** Whether a ladder's or ability's version was bumped as its changes require. */
export interface VersionCheck {
  readonly unit: VersionUnit;
  readonly title: string;
  readonly before?: string;
  readonly after?: string;
  /** The largest bump any of its changes calls for. */
  readonly required: Bump;
  /** How the version moved; absent when there is nothing to compare. */
  readonly made?: VersionMove;
  /**
   * `ok`: bumped enough; `not-bumped`: bumped less than required, lowered or removed; `new` and
   * `removed`: the unit itself was added or removed; `unversioned`: it carries no version.
   */
  readonly status: 'ok' | 'not-bumped' | 'new' | 'removed' | 'unversioned';
  /** The least version that satisfies the requirement, when `status` is `not-bumped`. */
  readonly expected?: string;
  /** Where to write it: the ladder file, and the line of its `version` (or of the unit). */
  readonly file?: string;
}

/** Everything `diffModels` finds. */
export interface LadderChanges {
  readonly changes: readonly LadderChange[];
  readonly versions: readonly VersionCheck[];
  /** Titles of every subject a change names, by `subjectKey` (head's title, else the base's). */
  readonly titles: Readonly<Record<string, string>>;
}

/** A stable key for a subject, e.g. `level:ops/L3`. */
export function subjectKey(subject: Subject): string {
  switch (subject.type) {
    case 'ladder':
      return `ladder:${subject.ladder}`;
    case 'level':
      return `level:${subject.ladder}/${subject.level}`;
    case 'dimension':
      return `dimension:${subject.ladder}/${subject.dimension}`;
    case 'group':
      return `group:${subject.ladder}/${subject.group}`;
    case 'thread':
      return `thread:${subject.ladder}/${subject.thread}`;
    case 'ability':
      return `ability:${subject.ability}`;
    case 'milestone':
      return `milestone:${subject.ability}/${subject.milestone}`;
    case 'role':
      return `role:${subject.role}`;
  }
}

/** The key of a version unit, e.g. `ladder:ops`. */
export function unitKey(unit: VersionUnit): string {
  return `${unit.type}:${unit.id}`;
}
