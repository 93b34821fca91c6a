/** The review stage's public data: what `reviewPackets` returns, as documented JSON. */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { LinkCheck, VerificationData } from '../verify/types';

/** One packet file to review: repository-relative path and its bytes. */
export interface PacketInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Settings of the review (from ladder.config.yml; a ladder's own `evidence.minimum` wins). */
export interface ReviewOptions {
  /** Evidence items a required dimension needs to count as evidenced. */
  readonly evidenceMinimum: number;
  /** Largest packet read, in bytes. */
  readonly maxPacketBytes: number;
  /** Tracker prefixes whose keys count as references (`OPS` for `OPS-42`); default none. */
  readonly trackers?: readonly string[];
  /**
   * Every file of the repository, to check that a relative link leads to one. The caller lists
   * them (the CLI walks the working tree, the action reads the commit's tree); absent, a relative
   * link counts unless it leads to the packet itself or out of the repository.
   */
  readonly files?: ReadonlySet<string>;
  /** What GitHub said about the packets' links, when they were verified. */
  readonly verification?: VerificationData;
}

/** How well one required dimension is evidenced. */
export type DimensionStatus = 'evidenced' | 'thin' | 'missing';

/**
 * The packet as a whole. `invalid`: an error in the front matter, the ladder or the levels;
 * `missing`: a required dimension is missing; `thin`: none missing, some thin; `complete`: all
 * evidenced.
 */
export type PacketVerdict = 'complete' | 'thin' | 'missing' | 'invalid';

/**
 * Whether some evidence item addresses an expectation: `explicit` (it names the expectation's
 * number or quotes its words), `wording` (a hint: it shares many words with it), or `none`.
 */
export type Coverage = 'explicit' | 'wording' | 'none';

/** One evidence item as the review saw it. Holds a short excerpt, never the whole text. */
export interface EvidenceItem {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  /** The item's own words, links shown by their text, at most 160 characters. */
  readonly excerpt: string;
  /** URLs that count as evidence links. */
  readonly links: readonly string[];
  /** Issue references that count as links (`#123`, `org/repo#123`, declared keys like `OPS-42`). */
  readonly references: readonly string[];
  /** Whether the item has a link or a reference that counts. */
  readonly linked: boolean;
  /** Why the item does not count as evidence, when it is a placeholder. */
  readonly placeholder?: string;
  /** An unchecked task (`- [ ]`): a plan, not done work; it does not count. */
  readonly plan?: true;
  /** Nested items that are placeholders, each on its own line. */
  readonly nested: readonly {
    readonly line: number;
    readonly column: number;
    readonly placeholder: string;
  }[];
  /** Links that do not count, and why. */
  readonly refused: readonly {
    readonly line: number;
    readonly column: number;
    readonly why: string;
  }[];
  /** Expectation numbers the item names with `(addresses: N)`. */
  readonly addresses: readonly number[];
  /** Statement ids the item names with `(addresses: some-id)`. */
  readonly addressedIds: readonly string[];
  /** Each GitHub link of the item as verified, when links were verified. */
  readonly verification?: readonly LinkCheck[];
}

/** One expectation of the target level in one dimension, and what addresses it. */
export interface ExpectationCheck {
  /** 1-based, in the ladder's order: the number to write in `(addresses: N)`. */
  readonly number: number;
  /** The statement's id, which `(addresses: id)` names too. */
  readonly id: string;
  readonly text: string;
  /** The rating the level expects on it, by title, when the ladder rates statements. */
  readonly rating?: string;
  readonly coverage: Coverage;
  /** Lines of the evidence items that address it. */
  readonly lines: readonly number[];
}

/** The review of one dimension the target level requires. */
export interface DimensionReview {
  readonly id: string;
  readonly title: string;
  /** Title of the dimension's group, when the ladder groups dimensions. */
  readonly group?: string;
  readonly status: DimensionStatus;
  /** Line of the section's heading, when there is a section. */
  readonly line?: number;
  /** Evidence items needed. */
  readonly minimum: number;
  /** Why the status is what it is, in a few words each. */
  readonly reasons: readonly string[];
  readonly evidence: readonly EvidenceItem[];
  /** The target level's expectations in this dimension, as a checklist. */
  readonly expectations: readonly ExpectationCheck[];
  /** What to add or fix for this dimension to count as evidenced; empty when it does. */
  readonly toAdd: readonly string[];
  /** Items with a link GitHub confirms, when links were verified. */
  readonly verified?: number;
}

/** What verification found in one packet, in counts. */
export interface VerificationSummary {
  readonly mode: 'report' | 'require';
  /** Whether the front matter gives the candidate's `github:` login (else parts are not checked). */
  readonly login: boolean;
  /** The cycle's days, when the config gives them for the packet's `cycle:`. */
  readonly cycle?: { readonly from: string; readonly to: string };
  /** GitHub links in the evidence, and what became of them. */
  readonly links: number;
  readonly verified: number;
  readonly warnings: number;
  readonly notVisible: number;
  readonly notFound: number;
  readonly unchecked: number;
  /** The most links verified per run. */
  readonly limit: number;
}

/** A milestone claim of an ability-based ladder against what the role and level require. */
export interface MilestoneClaim {
  /** The ability as the packet names it: its id, or `ladder/id` for another ladder's. */
  readonly ability: string;
  /** The ladder that declares the ability. */
  readonly ladder: string;
  readonly title: string;
  /** The milestone claimed in the front matter, when there is a claim. */
  readonly claimed?: number;
  /**
   * The front matter failed its schema (`ops-skill: '3'`, reported there), so what it claims is
   * not known: neither a claim nor its absence.
   */
  readonly unread?: true;
  /** The points the claimed milestone is worth (held at it, or added up to it). */
  readonly points?: number;
  /** The highest milestone the role or level requires, when one does. */
  readonly required?: number;
  /** Who requires it: role and level titles. */
  readonly requiredBy: readonly string[];
  readonly met: boolean;
}

/** The claims' total points against what the target level and the role ask. */
export interface PointsCheck {
  readonly total: number;
  /** What the total is held against: the larger of the level's and the role's minimum. */
  readonly required: number;
  /** The level's minimum, when it sets one. */
  readonly level?: number;
  /** The role's range, when it sets one. */
  readonly role?: { readonly min?: number; readonly max?: number };
  readonly met: boolean;
}

/** The review of one packet. */
export interface PacketReview {
  readonly path: string;
  readonly verdict: PacketVerdict;
  readonly candidate?: string;
  /** The candidate's GitHub login, from the front matter. */
  readonly github?: string;
  readonly ladder?: string;
  readonly from?: string;
  /** Whether `from` was not written and is the level before the target. */
  readonly fromInferred?: boolean;
  readonly to?: string;
  readonly cycle?: string;
  readonly ladderTitle?: string;
  readonly fromTitle?: string;
  readonly toTitle?: string;
  /** The verdict in one sentence: "8 of 10 dimensions evidenced; missing: Flexibility". */
  readonly summary: string;
  /**
   * What each entry of `dimensions` stands for: a dimension of the target level, an ability (a
   * level judged by abilities and points), or the one section of a level without dimensions.
   */
  readonly unit: SectionUnit;
  readonly dimensions: readonly DimensionReview[];
  readonly milestones: readonly MilestoneClaim[];
  /** The claims' total points, when the target level or the role bounds it. */
  readonly points?: PointsCheck;
  /** What GitHub confirms of the evidence, when links were verified. */
  readonly verification?: VerificationSummary;
  /** Findings with positions in the packet, sorted by position. */
  readonly findings: readonly Diagnostic[];
}

/** What a packet's sections stand for: the level's dimensions, its abilities, or the level. */
export type SectionUnit = 'dimension' | 'ability' | 'section';

/** The review of every packet, in the order given. */
export interface ReviewReport {
  readonly packets: readonly PacketReview[];
}
