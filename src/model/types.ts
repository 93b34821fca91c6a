/**
 * The resolved ladder model: what `validate` hands to render, review, diff and health.
 * Defaults are filled in (required dimensions, advancement edges) and every reference is
 * known to resolve. Plain data only, so it serialises to JSON as the documented export.
 */

/** Where something was written: repository-relative file and 1-based line. */
export interface Origin {
  readonly file: string;
  readonly line: number;
}

/** The whole organisation: every ladder, ability and role, in a stable order. */
export interface Model {
  readonly ladders: readonly Ladder[];
  readonly abilities: readonly Ability[];
  readonly roles: readonly Role[];
}

/** Where a document the ladder was written from came from. */
export interface Provenance {
  readonly title: string;
  readonly url?: string;
  readonly note?: string;
}

/** One career track. */
export interface Ladder {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly description?: string;
  readonly origin: Origin;
  readonly source: readonly Provenance[];
  readonly owners: readonly string[];
  /** Evidence items per required dimension, when the ladder sets it; else the config default. */
  readonly evidenceMinimum?: number;
  readonly groups: readonly Group[];
  readonly dimensions: readonly Dimension[];
  readonly levels: readonly Level[];
  readonly threads: readonly Thread[];
  readonly signals: readonly SignalSet[];
  readonly questions: readonly Question[];
  readonly areas: readonly Area[];
  readonly sections: readonly Section[];
}

/** A group of dimensions (Skill, Engagement, Coachability). */
export interface Group {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly owners: readonly string[];
}

/** Something people are assessed on (Mastery, Judgment, ...). */
export interface Dimension {
  readonly id: string;
  readonly title: string;
  /** Id of its group, if the ladder groups its dimensions. */
  readonly group?: string;
  readonly description?: string;
  readonly owners: readonly string[];
  /** Other names a packet heading may use for it (`Judgement` for `Judgment`). */
  readonly aliases: readonly string[];
}

/** The statements a level expects in one dimension. */
export interface Expectation {
  readonly dimension: string;
  readonly statements: readonly string[];
}

/** A minimum milestone of an ability. */
export interface MilestoneRequirement {
  readonly ability: string;
  /** 1-based milestone number. */
  readonly milestone: number;
}

/** Where someone can advance to from a level. */
export type Edge =
  | { readonly kind: 'level'; readonly ladder: string; readonly level: string }
  | { readonly kind: 'planned'; readonly title: string };

/** One level of a ladder. */
export interface Level {
  readonly id: string;
  readonly title: string;
  readonly origin: Origin;
  readonly formerly: readonly string[];
  readonly theme?: string;
  readonly focus: readonly string[];
  readonly summary?: string;
  readonly prose: readonly string[];
  readonly transition?: string;
  readonly impact?: string;
  readonly influence?: string;
  /** In the ladder's dimension order; only dimensions with statements at this level. */
  readonly expectations: readonly Expectation[];
  /** Dimension ids a packet for this level must evidence, in dimension order. */
  readonly requires: readonly string[];
  /** Whether `requires` was written out, rather than derived from the expectations. */
  readonly requiresExplicit: boolean;
  readonly abilities: readonly MilestoneRequirement[];
  readonly next: readonly Edge[];
}

/** A cross-cutting theme with one line per level. */
export interface Thread {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly summary?: string;
  /** In level order. */
  readonly steps: readonly { readonly level: string; readonly text: string }[];
}

/** Signals to watch for (stagnation, growth). */
export interface SignalSet {
  readonly id: string;
  readonly title: string;
  readonly tone: 'warning' | 'growth';
  readonly items: readonly string[];
}

/** A self-assessment question. */
export interface Question {
  readonly text: string;
  readonly focus?: string;
}

/** An area of work the track covers. */
export interface Area {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
}

/** Further prose about the track. */
export interface Section {
  readonly title: string;
  readonly subtitle?: string;
  readonly paragraphs: readonly string[];
  readonly items: readonly string[];
  /** A line after the list. */
  readonly closing?: string;
}

/** One milestone of an ability; `number` is 1-based. */
export interface Milestone {
  readonly number: number;
  readonly points: number;
  readonly examples: readonly string[];
}

/** An ability scored by milestones. */
export interface Ability {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly description?: string;
  readonly owners: readonly string[];
  /** The ladder whose file declares it. */
  readonly ladder: string;
  readonly origin: Origin;
  readonly milestones: readonly Milestone[];
}

/** A role or position and the milestones it requires. */
export interface Role {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly ladder: string;
  readonly origin: Origin;
  readonly requires: readonly MilestoneRequirement[];
}
