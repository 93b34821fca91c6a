/**
 * What each kind of change means for people in flight and for versions, in one table.
 *
 * Breaking (major): something a packet or a person's plan points at goes away or rises: a
 * ladder, level, dimension, ability, milestone or role removed or given a new id; a dimension
 * newly required at a level; a requirement raised (a milestone, evidence items per dimension, or
 * a level's or role's minimum of points); a role's maximum of points lowered; an advancement edge
 * removed. So is what changes how a move or a claim is judged: a level's grade (promotion,
 * lateral move and step down are judged by it) or track (which levels a promotion may skip), and
 * what a claim is worth: a milestone's points or how an ability's points count. Worth less, a
 * claim is a higher bar (a packet can fall short of a minimum); worth more, a lower cap (it can
 * go above a role's range): either way it moves the packet as a raised minimum or a lowered
 * maximum does. New or removed content is minor, and so is a level moved to another band;
 * wording and display labels are patch; owners are governance, not content, and need no bump.
 */
import type { StatementChange } from '../model/statement-diff';
import type { Bump, ChangeBody, Impact, SubjectType } from './types';

/** Subjects whose ids packets and plans refer to: removing or re-iding them is breaking. */
const REFERENCED: ReadonlySet<SubjectType> = new Set([
  'ladder',
  'level',
  'dimension',
  'ability',
  'milestone',
  'role',
]);

const BUMP_RANK: Readonly<Record<Bump, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_RANK[a] >= BUMP_RANK[b] ? a : b;
}

/** Whether bump `made` is at least `required`. */
export function bumpCovers(made: Bump, required: Bump): boolean {
  return BUMP_RANK[made] >= BUMP_RANK[required];
}

/** Patch when every statement was only reworded, minor when any was added or removed. */
function textBump(changes: readonly StatementChange[]): Bump {
  return changes.every((c) => c.kind === 'reworded' || c.kind === 'unchanged') ? 'patch' : 'minor';
}

/** The impact of a change and the bump it calls for. */
export function classify(change: ChangeBody): { impact: Impact; bump: Bump } {
  const breaking = { impact: 'breaking', bump: 'major' } as const;
  const minor = { impact: 'editorial', bump: 'minor' } as const;
  const patch = { impact: 'editorial', bump: 'patch' } as const;
  switch (change.kind) {
    case 'removed':
    case 'likely-renamed':
      return REFERENCED.has(change.subject.type) ? breaking : minor;
    case 'added':
    case 'expectation-added':
    case 'expectation-removed':
    case 'requirement-lowered':
    case 'edge-added':
    case 'required-dimension-removed':
      return minor;
    case 'renamed':
    case 'expectation-reworded':
      return patch;
    case 'requirement-raised':
    case 'required-dimension-added':
    case 'edge-removed':
    case 'grade-changed':
    case 'track-changed':
    case 'points-changed':
    case 'scoring-changed':
      return breaking;
    case 'points-max-changed':
      // A lower cap (or a new one) narrows the role; a higher one (or none) widens it.
      return change.after !== undefined &&
        (change.before === undefined || change.after < change.before)
        ? breaking
        : minor;
    case 'band-changed':
      return minor;
    case 'label-changed':
      return patch;
    case 'text-changed':
      return { impact: 'editorial', bump: textBump(change.changes) };
    case 'owners-changed':
      return { impact: 'editorial', bump: 'none' };
  }
}
