/** The shape of a packet check and the context it runs in. */
import type { PacketCode } from '../diagnostics/codes';
import type { Severity } from '../diagnostics/diagnostic';
import type { Ladder, Model, Role } from '../model/types';
import type { FrontMatter, FrontMatterBlock, PacketBody } from '../packet/types';
import type { SectionAnalysis } from './sections';
import type { LevelRef } from './target';
import type { DimensionReview, MilestoneClaim, PointsCheck } from './types';

/** Where a finding points: a 1-based position, and its end when known. */
export interface At {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Packet text the finding is about, shown by the comment but never logged (`Diagnostic.quote`). */
  readonly quote?: string;
}

/** What a check sees: the packet, what it resolved to, and the dimension reviews. */
export interface CheckContext {
  readonly model: Model;
  /** `ladder`, `from`, `to`, `role` ... as written, even when the front matter is invalid. */
  readonly fields: Readonly<Record<string, string>>;
  /** The front matter, when it parsed (for positions). */
  readonly frontMatter?: FrontMatterBlock;
  /** The front matter's data, when it passed the schema (milestone claims, role). */
  readonly claims?: FrontMatter;
  readonly body?: PacketBody;
  readonly ladder?: Ladder;
  readonly to?: LevelRef;
  readonly from?: LevelRef & { readonly inferred: boolean };
  readonly role?: Role;
  /** Present when the body parsed and the ladder is known. */
  readonly sections?: SectionAnalysis;
  /** Whether the target level has no bar to check section by section: the whole body is its evidence. */
  readonly wholeBody: boolean;
  readonly dimensions: readonly DimensionReview[];
  readonly milestones: readonly MilestoneClaim[];
  /** The claims' total points, when the target level or the role bounds it. */
  readonly points?: PointsCheck;
  /** Whether the target level's bar is abilities and points: its sections are abilities. */
  readonly abilitySections: boolean;
}

/** Reports a finding; `severity` overrides the check's default for this one finding. */
export type Report = (at: At, message: string, severity?: Severity) => void;

/** A packet check: one stable code, one default severity, one function. */
export interface Check {
  /** Listed in src/diagnostics/codes.ts. */
  readonly code: PacketCode;
  readonly severity: Severity;
  /** One line for the docs table. */
  readonly description: string;
  run(context: CheckContext, report: Report): void;
}

/** Where a front matter key's value is, or line 1 when there is no front matter. */
export function fieldAt(
  context: Pick<CheckContext, 'frontMatter'>,
  key: string,
  at: 'key' | 'value' = 'value',
): At {
  return context.frontMatter?.locate([key], at) ?? { line: 1, column: 1 };
}

/**
 * Whether the front matter failed its schema (`ops-skill: '3'`, reported there): what it claims
 * is then not known, neither a claim nor its absence.
 */
export function claimsUnread(context: {
  readonly frontMatter?: unknown;
  readonly claims?: unknown;
}): boolean {
  return context.frontMatter !== undefined && context.claims === undefined;
}
