/** Finds the ladder, target level and current level a packet's front matter names. */
import { ladderById } from '../model/lookup';
import type { Ladder, Level, Model } from '../model/types';

/** A level and the ladder it belongs to. */
export interface LevelRef {
  readonly ladder: Ladder;
  readonly level: Level;
  /** Position in the ladder's level order. */
  readonly index: number;
}

/** What the front matter resolves to; parts that do not resolve are absent. */
export interface Target {
  readonly ladder?: Ladder;
  readonly to?: LevelRef;
  readonly from?: LevelRef & { readonly inferred: boolean };
}

/** Looks up a level by id in a ladder. */
export function findLevel(ladder: Ladder, id: string): LevelRef | undefined {
  const index = ladder.levels.findIndex((l) => l.id === id);
  const level = ladder.levels[index];
  return level ? { ladder, level, index } : undefined;
}

/** Splits `from` into ladder and level: `L2`, or `other-ladder/L2`. */
export function splitLevelRef(
  value: string,
  defaultLadder: string,
): { ladder: string; level: string } {
  const slash = value.indexOf('/');
  return slash < 0
    ? { ladder: defaultLadder, level: value }
    : { ladder: value.slice(0, slash), level: value.slice(slash + 1) };
}

/** Whether `from` has an advancement edge to `to`. */
export function hasEdge(from: LevelRef, to: LevelRef): boolean {
  return from.level.next.some(
    (e) => e.kind === 'level' && e.ladder === to.ladder.id && e.level === to.level.id,
  );
}

/**
 * The level a promotion to `to` starts from when `from` is not written: the nearest earlier
 * level of the same ladder with an edge to it; else the one level of any ladder with an edge to
 * it (the first level of a manager track, entered from an engineering ladder); else the level
 * just before it.
 */
export function previousLevel(model: Model, to: LevelRef): LevelRef | undefined {
  for (let i = to.index - 1; i >= 0; i -= 1) {
    const candidate = findLevel(to.ladder, to.ladder.levels[i]?.id ?? '');
    if (candidate && hasEdge(candidate, to)) return candidate;
  }
  const leading = model.ladders.flatMap((ladder) =>
    ladder.levels.flatMap((level, index) =>
      hasEdge({ ladder, level, index }, to) ? [{ ladder, level, index }] : [],
    ),
  );
  if (leading.length === 1) return leading[0];
  return to.index > 0 ? findLevel(to.ladder, to.ladder.levels[to.index - 1]?.id ?? '') : undefined;
}

/** How a level is written in `from`: `L2` in its own ladder, `other-ladder/L2` from another. */
export function levelRefText(ref: LevelRef, ladderId: string): string {
  return ref.ladder.id === ladderId ? ref.level.id : `${ref.ladder.id}/${ref.level.id}`;
}

/** Resolves `ladder`, `to` and `from` (or infers `from` from `to`). */
export function resolveTarget(
  model: Model,
  fields: { readonly ladder?: string; readonly to?: string; readonly from?: string },
): Target {
  const ladder = fields.ladder === undefined ? undefined : ladderById(model, fields.ladder);
  if (!ladder) return {};
  const to = fields.to === undefined ? undefined : findLevel(ladder, fields.to);
  let from: (LevelRef & { inferred: boolean }) | undefined;
  if (fields.from !== undefined) {
    const ref = splitLevelRef(fields.from, ladder.id);
    const fromLadder = ladderById(model, ref.ladder);
    const found = fromLadder ? findLevel(fromLadder, ref.level) : undefined;
    if (found) from = { ...found, inferred: false };
  } else if (to) {
    const previous = previousLevel(model, to);
    if (previous) from = { ...previous, inferred: true };
  }
  return { ladder, ...(to ? { to } : {}), ...(from ? { from } : {}) };
}
