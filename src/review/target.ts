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

/** A level's rank: its `grade`, or its position when the ladder has no grades. */
export function rankOf(ref: LevelRef): number {
  return ref.level.grade ?? ref.index;
}

/** The levels of `ladder` as references, in order. */
function levelRefs(ladder: LevelRef['ladder']): LevelRef[] {
  return ladder.levels.map((level, index) => ({ ladder, level, index }));
}

/**
 * The level a promotion to `to` starts from when `from` is not written: of the levels of lower
 * rank, the highest with an edge to it (on the same track first, then the nearest in order), else
 * the highest on the same track, else the level just before it.
 */
export function previousLevel(to: LevelRef): LevelRef | undefined {
  const below = levelRefs(to.ladder).filter((r) => rankOf(r) < rankOf(to));
  const best = (refs: readonly LevelRef[]) =>
    refs.reduce<LevelRef | undefined>((top, r) => {
      if (!top) return r;
      const sameTrack = (x: LevelRef) => (x.level.track === to.level.track ? 1 : 0);
      if (rankOf(r) !== rankOf(top)) return rankOf(r) > rankOf(top) ? r : top;
      if (sameTrack(r) !== sameTrack(top)) return sameTrack(r) > sameTrack(top) ? r : top;
      return r.index > top.index ? r : top;
    }, undefined);
  const withEdge = best(below.filter((r) => hasEdge(r, to)));
  if (withEdge) return withEdge;
  if (to.level.track !== undefined) {
    const sameTrack = best(below.filter((r) => r.level.track === to.level.track));
    if (sameTrack) return sameTrack;
  }
  return to.index > 0 ? findLevel(to.ladder, to.ladder.levels[to.index - 1]?.id ?? '') : undefined;
}

/** What a move on one ladder is, judged by rank. */
export type MoveKind = 'same' | 'promotion' | 'lateral' | 'step-down';

/** Whether moving from `from` to `to` (same ladder) is a promotion, lateral, or a step down. */
export function moveKind(from: LevelRef, to: LevelRef): MoveKind {
  if (from.level.id === to.level.id) return 'same';
  const a = rankOf(from);
  const b = rankOf(to);
  return b > a ? 'promotion' : b === a ? 'lateral' : 'step-down';
}

/** `grade 5, Individual contributor`: how a message names a level's place, when it has one. */
export function placeOf(ref: LevelRef): string {
  const track = ref.ladder.tracks.find((t) => t.id === ref.level.track)?.title;
  const parts = [
    ...(ref.level.grade !== undefined ? [`grade ${ref.level.grade}`] : []),
    ...(track !== undefined ? [track] : []),
  ];
  return parts.join(', ');
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
    const previous = previousLevel(to);
    if (previous) from = { ...previous, inferred: true };
  }
  return { ladder, ...(to ? { to } : {}), ...(from ? { from } : {}) };
}
