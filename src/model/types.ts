/**
 * The resolved ladder model: what `validate` hands to render, review, diff and health.
 * Defaults are filled in (required dimensions, advancement edges) and every reference is
 * known to resolve. Plain data only, so it serialises to JSON as the documented export.
 */
import type { PartName } from './raw';

export type { PartName } from './raw';

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
  /** Id the parts and sections use to name this document, when it has one. */
  readonly id?: string;
  readonly title: string;
  readonly url?: string;
  readonly note?: string;
  /** What the document says about itself, label → text, in the order written. */
  readonly details: readonly { readonly label: string; readonly text: string }[];
}

/** How the pages title and attribute one part of a ladder (see `Ladder.parts`). */
export interface Part {
  /** The heading the source document gives the part. */
  readonly title?: string;
  /** A line the source document puts before the part. */
  readonly intro?: string;
  /** Id of the document the part comes from (a `Provenance.id` of the ladder). */
  readonly source?: string;
}

/** One career track. */
export interface Ladder {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly description?: string;
  /** Whether a level also expects what the levels before it expect; unset when not declared. */
  readonly cumulative?: boolean;
  readonly origin: Origin;
  readonly source: readonly Provenance[];
  /** How the pages title and attribute each part; a part not declared is `{}`. */
  readonly parts: { readonly [K in PartName]: Part };
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
  /** Tracks that run side by side (individual contributor, manager), in reading order. */
  readonly tracks: readonly Named[];
  /** Bands that group levels, in reading order. */
  readonly bands: readonly Named[];
  /** The rating scale, from the lowest rating to the highest. */
  readonly ratings: readonly Named[];
}

/** A track, band or rating: an id, a title and what it means. */
export interface Named {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
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
  /** Where the ladder defines it; absent for the sections a review makes of abilities. */
  readonly origin?: Origin;
  /** Id of the first level that expects it: the levels ranked below state nothing in it. */
  readonly from?: string;
  /** Ids of the tracks whose levels it applies to; unset: every level. */
  readonly tracks?: readonly string[];
}

/** A link to further reading. */
export interface Link {
  readonly url: string;
  readonly title?: string;
}

/**
 * One expectation. `id` is the one written, or derived from the text (statement-id.ts); it is
 * unique within the level, and packets address the statement by it.
 */
export interface Statement {
  readonly id: string;
  readonly text: string;
  /** Id of the rating expected (one of the ladder's `ratings`). */
  readonly rating?: string;
  readonly examples: readonly string[];
  readonly signals: readonly string[];
  readonly links: readonly Link[];
}

/** The statements a level expects in one dimension. */
export interface Expectation {
  readonly dimension: string;
  readonly statements: readonly Statement[];
}

/** A minimum milestone of an ability. */
export interface MilestoneRequirement {
  /** The ladder that declares the ability. */
  readonly ladder: string;
  readonly ability: string;
  /** Milestone number (1 = the first, or 0 on abilities that start at milestone 0). */
  readonly milestone: number;
}

/** A range of point totals over every ability; either bound may be absent. */
export interface PointRange {
  readonly min?: number;
  readonly max?: number;
}

/** Where someone can advance to from a level. */
export type Edge =
  | { readonly kind: 'level'; readonly ladder: string; readonly level: string }
  | { readonly kind: 'planned'; readonly title: string; readonly track?: string };

/** One level of a ladder. */
export interface Level {
  readonly id: string;
  readonly title: string;
  /** How pages show the level when it differs from the id (`1.1`). */
  readonly label?: string;
  /** The rank as written: peers on other tracks share it. See `rankOf` in lookup.ts. */
  readonly grade?: number;
  /** Id of the level's track, one of the ladder's `tracks`. */
  readonly track?: string;
  /** Id of the level's band, one of the ladder's `bands`. */
  readonly band?: string;
  readonly origin: Origin;
  readonly formerly: readonly string[];
  /** Other titles of the level that are not former ones (e.g. another document's). */
  readonly aliases: readonly string[];
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
  /** The total points over every ability a packet for this level must claim. */
  readonly points?: { readonly min: number };
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

/** An item of a section's list: a statement (`title` unset), or a titled text. */
export interface SectionItem {
  readonly title?: string;
  readonly text: string;
}

/** Further prose about the track. */
export interface Section {
  readonly title: string;
  readonly subtitle?: string;
  /** Id of the document it comes from (a `Provenance.id` of the ladder). */
  readonly source?: string;
  readonly paragraphs: readonly string[];
  readonly items: readonly SectionItem[];
  /** A line after the list. */
  readonly closing?: string;
}

/** One milestone of an ability; `number` counts from the ability's first milestone (1 or 0). */
export interface Milestone {
  readonly number: number;
  /** The points as written: added to the earlier milestones', or held (see `Ability.scoring`). */
  readonly points: number;
  /** What the milestone is worth in its document's words (`adds 3 miles to your journey`). */
  readonly label?: string;
  readonly summary?: string;
  readonly examples: readonly string[];
  readonly signals: readonly string[];
}

/** An ability scored by milestones. */
export interface Ability {
  readonly id: string;
  readonly title: string;
  /** Id of its group, one of its ladder's `groups`. */
  readonly group?: string;
  readonly version?: string;
  readonly description?: string;
  readonly owners: readonly string[];
  /** The ladder whose file declares it; its id is unique within that ladder only. */
  readonly ladder: string;
  readonly origin: Origin;
  /** `added`: a milestone adds its points to the earlier ones'; `held`: its points are the total. */
  readonly scoring: 'added' | 'held';
  readonly milestones: readonly Milestone[];
}

/** A role or position and the milestones it requires. */
export interface Role {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** The ladder whose file declares it; its id is unique within that ladder only. */
  readonly ladder: string;
  readonly origin: Origin;
  readonly requires: readonly MilestoneRequirement[];
  /** The total points someone in this role holds. */
  readonly points?: PointRange;
}
