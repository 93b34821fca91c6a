/**
 * Which parts of two models are the same thing: ladders, groups, dimensions, levels, threads,
 * abilities and roles paired by id, or by content when an id changed (a likely rename), and the
 * base-to-head id maps the diff follows edges and requirements through.
 */
import type { Dimension, Group, Ladder, Level, Model, Statement, Thread } from '../model/types';
import { contentJson as json, type Matching, matchById } from './match';
import type { ScopedNames } from './scoped-names';

/** Level keys are `ladder/level`. */
export function levelKey(ladder: string, level: string): string {
  return `${ladder}/${level}`;
}

/** An item's content without its id. */
export function withoutId<T extends { readonly id: string }>(item: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = item;
  return rest;
}

/** An item's content without its id and title. */
export function withoutIdTitle<T extends { readonly id: string; readonly title: string }>(
  item: T,
): Omit<T, 'id' | 'title'> {
  const { id: _id, title: _title, ...rest } = item;
  return rest;
}

/** The statements of one dimension at one level. */
export function statementsAt(level: Level, dimension: string): readonly Statement[] {
  return level.expectations.find((e) => e.dimension === dimension)?.statements ?? [];
}

/** Matching of a ladder pair's parts, computed before any change is emitted. */
export interface LadderPair {
  readonly before: Ladder;
  readonly after: Ladder;
  readonly renamed: boolean;
  readonly groups: Matching<Group>;
  readonly dimensions: Matching<Dimension>;
  readonly levels: Matching<Level>;
  readonly threads: Matching<Thread>;
}

/** Pairs the ladders of two models (by id, then by content). */
export function matchLadders(base: Model, head: Model): Matching<Ladder> {
  // A ladder's own id appears in its edges and abilities; leave it out of its content.
  const content = (l: Ladder) =>
    json(withoutIdTitle(l)).split(JSON.stringify(l.id)).join('"$self"');
  return matchById(base.ladders, head.ladders, {
    exact: (l) => `${JSON.stringify(l.title)}${content(l)}`,
    loose: content,
  });
}

/** Pairs the groups, dimensions, levels and threads of a pair of ladders. */
export function matchParts(before: Ladder, after: Ladder, renamed: boolean): LadderPair {
  const groups = matchById(before.groups, after.groups, {
    exact: (g) => json(withoutId(g)),
    loose: (g) => (g.description ? json(withoutIdTitle(g)) : undefined),
  });
  // Only levels on both sides count, so a dimension re-id'd while a level went away still matches.
  const common = new Set(
    before.levels.filter((l) => after.levels.some((a) => a.id === l.id)).map((l) => l.id),
  );
  const dimensionContent = (ladder: Ladder, d: Dimension) => ({
    description: d.description,
    expectations: ladder.levels
      .filter((l) => common.has(l.id))
      .map((l): [string, readonly Statement[]] => [l.id, statementsAt(l, d.id)]),
  });
  const dimensions = matchById(before.dimensions, after.dimensions, {
    exact: (d) =>
      json({
        title: d.title,
        ...dimensionContent(before.dimensions.includes(d) ? before : after, d),
      }),
    loose: (d) => {
      const c = dimensionContent(before.dimensions.includes(d) ? before : after, d);
      return c.description || c.expectations.some(([, s]) => s.length > 0) ? json(c) : undefined;
    },
  });
  const levels = matchById(before.levels, after.levels, {
    exact: (l) => json(withoutId(l)),
    loose: (l) =>
      l.expectations.length > 0 || l.prose.length > 0 ? json(withoutIdTitle(l)) : undefined,
  });
  const threads = matchById(before.threads, after.threads, {
    exact: (t) => json(withoutId(t)),
    loose: (t) => (t.steps.length > 0 ? json(withoutIdTitle(t)) : undefined),
  });
  return { before, after, renamed, groups, dimensions, levels, threads };
}

/** Maps base ids to head ids across the whole model, for edges between ladders. */
export interface IdMaps {
  readonly ladders: ReadonlyMap<string, string>;
  /** `baseLadder/baseLevel` → `headLadder/headLevel`. */
  readonly levels: ReadonlyMap<string, string>;
  /** Base ability name → head ability name (see scoped-names.ts). */
  readonly abilities: ReadonlyMap<string, string>;
  /** Base `ladder/level` keys of levels that were removed (edges to them go with them). */
  readonly removedLevels: ReadonlySet<string>;
  /** How abilities and roles are named. */
  readonly names: ScopedNames;
}
