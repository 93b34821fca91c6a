/**
 * Changes in words, for every report: each change as a short sentence made of pieces (plain
 * text, and ids to be shown as code), and the changes of one ladder or ability grouped into
 * summary items (all the expectation changes of one level and dimension become one item).
 */

import { plural } from '../markdown/plural';
import type { StatementChange } from '../model/statement-diff';
import type { Edge } from '../model/types';
import { maxBump } from './classify';
import {
  type Bump,
  type Impact,
  type LadderChange,
  type LadderChanges,
  type Subject,
  subjectKey,
  unitKey,
  type VersionCheck,
  type VersionUnit,
} from './types';

/** Part of a sentence: plain text, or an id shown as code. */
export type Piece = string | { readonly code: string };

/** A sentence as one string; ids in backticks unless `ticks` is false. */
export function plain(pieces: readonly Piece[], ticks = true): string {
  return pieces.map((p) => (typeof p === 'string' ? p : ticks ? `\`${p.code}\`` : p.code)).join('');
}

type Titles = Readonly<Record<string, string>>;

const TYPE_NAMES: Readonly<Record<Subject['type'], string>> = {
  ladder: 'Ladder',
  level: 'Level',
  dimension: 'Dimension',
  group: 'Group',
  thread: 'Thread',
  ability: 'Ability',
  milestone: 'Milestone',
  role: 'Role',
};

function subjectId(subject: Subject): string {
  switch (subject.type) {
    case 'ladder':
      return subject.ladder;
    case 'level':
      return subject.level;
    case 'dimension':
      return subject.dimension;
    case 'group':
      return subject.group;
    case 'thread':
      return subject.thread;
    case 'ability':
      return subject.ability;
    case 'milestone':
      return String(subject.milestone);
    case 'role':
      return subject.role;
  }
}

/** The title of a dimension, or its id when unknown. */
function dimensionTitle(titles: Titles, ladder: string, dimension: string): string {
  return titles[subjectKey({ type: 'dimension', ladder, dimension })] ?? dimension;
}

function abilityTitle(titles: Titles, ability: string): string {
  return titles[subjectKey({ type: 'ability', ability })] ?? ability;
}

/** `Level `L3` (Senior SRE)`, `Dimension Judgment (`judgment`)`, `Milestone 2 of Ops Skill`. */
export function subjectPieces(subject: Subject, titles: Titles, withType = true): Piece[] {
  const type = withType ? `${TYPE_NAMES[subject.type]} ` : '';
  if (subject.type === 'milestone')
    return [`${type}${subject.milestone} of ${abilityTitle(titles, subject.ability)}`];
  const id = subjectId(subject);
  const title = titles[subjectKey(subject)];
  if (subject.type === 'level')
    return title === undefined ? [type, { code: id }] : [type, { code: id }, ` (${title})`];
  return title === undefined ? [type, { code: id }] : [`${type}${title} (`, { code: id }, ')'];
}

function edgePieces(edge: Edge, from: string): Piece[] {
  if (edge.kind === 'planned') return [`${edge.title} (planned)`];
  return [{ code: edge.ladder === from ? edge.level : `${edge.ladder}/${edge.level}` }];
}

function countWords(changes: readonly StatementChange[], noun: string): string {
  const n = { reworded: 0, added: 0, removed: 0 };
  for (const c of changes) if (c.kind !== 'unchanged') n[c.kind] += 1;
  const parts: string[] = [];
  for (const kind of ['reworded', 'added', 'removed'] as const) {
    if (n[kind] === 0) continue;
    parts.push(parts.length === 0 ? `${plural(n[kind], noun)} ${kind}` : `${n[kind]} ${kind}`);
  }
  return parts.join(', ');
}

function holderPieces(change: Extract<LadderChange, { holder: unknown }>, titles: Titles): Piece[] {
  const h = change.holder;
  if (h.type === 'level') return [{ code: h.level }];
  if (h.type === 'role') return subjectPieces(h, titles);
  return ['Every level of ', { code: h.ladder }];
}

const SCORING = {
  added: 'added up to each milestone',
  held: 'held at each milestone',
} as const;

/** ` now needs 12 points in total (was 10)`: a level's or role's minimum of points. */
export function pointsMinWords(change: {
  readonly before?: number;
  readonly after?: number;
}): string {
  if (change.after === undefined)
    return ` no longer needs a points total (was at least ${change.before})`;
  const was = change.before === undefined ? '' : ` (was ${change.before})`;
  return ` now needs at least ${plural(change.after, 'point')} in total${was}`;
}

/** ` moves from grade 2 to grade 3`; a side without a grade is ranked by position. */
export function gradeWords(before?: number, after?: number): string {
  if (before === undefined) return ` now has grade ${after} (was ranked by its position)`;
  if (after === undefined) return ` no longer has a grade (was ${before}; ranked by its position)`;
  return ` moves from grade ${before} to grade ${after}`;
}

/** ` moves from track `ic` to `manager``, ` now in band `b``, ` no longer in a band (was `b`)`. */
export function placeWords(
  noun: 'track' | 'band',
  before: string | undefined,
  after: string | undefined,
): Piece[] {
  if (before === undefined) return [` now on ${noun} `, { code: after ?? '' }];
  if (after === undefined) return [` no longer on a ${noun} (was `, { code: before }, ')'];
  return [` moves from ${noun} `, { code: before }, ' to ', { code: after }];
}

/** One change as a sentence. */
export function describeChange(change: LadderChange, titles: Titles): Piece[] {
  switch (change.kind) {
    case 'added':
      return [...subjectPieces(change.subject, titles), ' added'];
    case 'removed':
      return [...subjectPieces(change.subject, titles), ' removed'];
    case 'renamed':
      return [
        `${TYPE_NAMES[change.subject.type]} `,
        { code: subjectId(change.subject) },
        ` renamed: ${change.before} → ${change.after}`,
      ];
    case 'likely-renamed':
      return [
        `${TYPE_NAMES[change.subject.type]} `,
        { code: change.from },
        ' is now ',
        { code: subjectId(change.subject) },
        ' (likely renamed: same content)',
      ];
    case 'expectation-added':
    case 'expectation-removed':
    case 'expectation-reworded':
      return [
        { code: change.level },
        ` › ${dimensionTitle(titles, change.ladder, change.dimension)}: expectation ${change.kind.slice('expectation-'.length)}`,
      ];
    case 'points-changed':
      return [
        `${abilityTitle(titles, change.ability)} milestone ${change.milestone}: points ${change.before} → ${change.after}`,
      ];
    case 'requirement-raised':
    case 'requirement-lowered': {
      const holder = holderPieces(change, titles);
      const was = change.before === undefined ? '' : ` (was ${change.before})`;
      if (change.requirement.type === 'evidence')
        return [
          ...holder,
          ` now needs ${plural(change.after ?? 1, 'evidence item')} per required dimension${was}`,
        ];
      if (change.requirement.type === 'points') return [...holder, pointsMinWords(change)];
      const ability = abilityTitle(titles, change.requirement.ability);
      if (change.after === undefined)
        return [
          ...holder,
          ` no longer requires ${ability}${change.before === undefined ? '' : ` (was milestone ${change.before})`}`,
        ];
      return [...holder, ` now requires ${ability} milestone ${change.after}${was}`];
    }
    case 'points-max-changed':
      return [
        ...holderPieces(change, titles),
        change.after === undefined
          ? ` no longer caps the points total (was at most ${change.before})`
          : ` now allows at most ${plural(change.after, 'point')} in total${change.before === undefined ? ' (had no maximum)' : ` (was ${change.before})`}`,
      ];
    case 'grade-changed':
      return [{ code: change.level }, gradeWords(change.before, change.after)];
    case 'track-changed':
    case 'band-changed':
      return [
        { code: change.level },
        ...placeWords(
          change.kind === 'track-changed' ? 'track' : 'band',
          change.before,
          change.after,
        ),
      ];
    case 'label-changed':
      return [
        { code: change.level },
        change.after === undefined
          ? ` label removed (was ${change.before}; pages show the id)`
          : ` label: ${change.before ?? change.level} → ${change.after}`,
      ];
    case 'scoring-changed':
      return [
        `${abilityTitle(titles, change.ability)}: points now ${SCORING[change.after]} (were ${SCORING[change.before]}), so every claim of it is worth another total`,
      ];
    case 'edge-added':
      return [
        { code: change.level },
        ' now also advances to ',
        ...edgePieces(change.target, change.ladder),
      ];
    case 'edge-removed':
      return [
        { code: change.level },
        ' no longer advances to ',
        ...edgePieces(change.target, change.ladder),
      ];
    case 'required-dimension-added':
      return [
        { code: change.level },
        ` now also requires ${dimensionTitle(titles, change.ladder, change.dimension)}`,
      ];
    case 'required-dimension-removed':
      return [
        { code: change.level },
        ` no longer requires ${dimensionTitle(titles, change.ladder, change.dimension)}`,
      ];
    case 'text-changed':
      return [
        ...subjectPieces(change.subject, titles),
        ` › ${change.field}: ${countWords(change.changes, 'statement')}`,
      ];
    case 'owners-changed': {
      const parts = [
        change.added.length > 0 ? `added ${change.added.join(', ')}` : '',
        change.removed.length > 0 ? `removed ${change.removed.join(', ')}` : '',
      ].filter((p) => p !== '');
      return [...subjectPieces(change.subject, titles), ` owners: ${parts.join('; ')}`];
    }
  }
}

/** One line of a report, possibly standing for several changes. */
export interface SummaryItem {
  readonly impact: Impact;
  readonly bump: Bump;
  readonly pieces: readonly Piece[];
  /** Statement-level detail: rewordings with their word diffs, statements added and removed. */
  readonly details: readonly StatementChange[];
  /** How many changes the item stands for. */
  readonly count: number;
}

/** The changes of one ladder or ability, ready to print. */
export interface UnitSummary {
  readonly unit: VersionUnit;
  readonly title: string;
  readonly version?: VersionCheck;
  /** Breaking items first, then editorial, each in the order of the ladder. */
  readonly items: readonly SummaryItem[];
  readonly breaking: number;
  readonly editorial: number;
}

function statementOf(change: LadderChange): StatementChange | undefined {
  if (change.kind === 'expectation-added') return { kind: 'added', text: change.text };
  if (change.kind === 'expectation-removed') return { kind: 'removed', text: change.text };
  if (change.kind === 'expectation-reworded')
    return {
      kind: 'reworded',
      before: change.before,
      after: change.after,
      similarity: 0,
      words: change.words,
    };
  return undefined;
}

/** Groups the changes by ladder and ability, in id order (ladders first). */
export function summarise(result: LadderChanges): UnitSummary[] {
  const units = new Map<string, { unit: VersionUnit; changes: LadderChange[] }>();
  for (const c of result.changes) {
    const key = unitKey(c.unit);
    const entry = units.get(key) ?? { unit: c.unit, changes: [] };
    entry.changes.push(c);
    units.set(key, entry);
  }
  const out: UnitSummary[] = [];
  for (const { unit, changes } of units.values()) {
    const items: SummaryItem[] = [];
    let group: { key: string; changes: LadderChange[] } | undefined;
    const flush = () => {
      if (!group) return;
      const first = group.changes[0];
      if (first && 'dimension' in first && 'level' in first) {
        const details = group.changes.flatMap((c) => statementOf(c) ?? []);
        items.push({
          impact: 'editorial',
          bump: group.changes.reduce<Bump>((b, c) => maxBump(b, c.bump), 'none'),
          pieces: [
            { code: first.level },
            ` › ${dimensionTitle(result.titles, first.ladder, first.dimension)}: ${countWords(details, 'expectation')}`,
          ],
          details,
          count: group.changes.length,
        });
      }
      group = undefined;
    };
    for (const c of changes) {
      if (
        c.kind === 'expectation-added' ||
        c.kind === 'expectation-removed' ||
        c.kind === 'expectation-reworded'
      ) {
        const key = `${c.ladder}/${c.level}/${c.dimension}`;
        if (group?.key !== key) flush();
        group ??= { key, changes: [] };
        group.changes.push(c);
        continue;
      }
      flush();
      items.push({
        impact: c.impact,
        bump: c.bump,
        pieces: describeChange(c, result.titles),
        details: c.kind === 'text-changed' ? c.changes : [],
        count: 1,
      });
    }
    flush();
    const key = unitKey(unit);
    const version = result.versions.find((v) => unitKey(v.unit) === key);
    out.push({
      unit,
      title: result.titles[key] ?? unit.id,
      ...(version ? { version } : {}),
      items: [
        ...items.filter((i) => i.impact === 'breaking'),
        ...items.filter((i) => i.impact !== 'breaking'),
      ],
      breaking: changes.filter((c) => c.impact === 'breaking').length,
      editorial: changes.filter((c) => c.impact === 'editorial').length,
    });
  }
  return out.sort(
    (a, b) =>
      (a.unit.type === b.unit.type ? 0 : a.unit.type === 'ladder' ? -1 : 1) ||
      (a.unit.id < b.unit.id ? -1 : a.unit.id > b.unit.id ? 1 : 0),
  );
}
