/**
 * How levels rank and follow one another. A level's rank is its `grade`, or its position when
 * the ladder has no grades; peers of one grade on different tracks share a rank. Shared by the
 * review (judging moves) and the pages (what changes from the previous level).
 */
import type { Dimension, Ladder, Level } from './types';

/** A level and the ladder it belongs to. */
export interface LevelRef {
  readonly ladder: Ladder;
  readonly level: Level;
  /** Position in the ladder's level order. */
  readonly index: number;
}

/** A level's rank: its `grade`, or its position when the ladder has no grades. */
export function rankOf(ref: LevelRef): number {
  return ref.level.grade ?? ref.index;
}

/** Whether `from` has an advancement edge to `to`. */
export function hasEdge(from: LevelRef, to: LevelRef): boolean {
  return from.level.next.some(
    (e) => e.kind === 'level' && e.ladder === to.ladder.id && e.level === to.level.id,
  );
}

/**
 * The level a promotion to `to` starts from, when nobody says: of the levels of lower rank, the
 * highest with an edge to it (on the same track first, then the latest in order); else the one
 * level of any of `ladders` with an edge to it (the first level of a manager track, entered from
 * an engineering ladder); else the highest on the same track; else the level just before it.
 */
export function previousLevel(
  to: LevelRef,
  ladders: readonly Ladder[] = [to.ladder],
): LevelRef | undefined {
  const refs = to.ladder.levels.map((level, index) => ({ ladder: to.ladder, level, index }));
  const below = refs.filter((r) => rankOf(r) < rankOf(to));
  const sameTrack = (x: LevelRef) => (x.level.track === to.level.track ? 1 : 0);
  const best = (candidates: readonly LevelRef[]) =>
    candidates.reduce<LevelRef | undefined>((top, r) => {
      if (!top) return r;
      if (rankOf(r) !== rankOf(top)) return rankOf(r) > rankOf(top) ? r : top;
      if (sameTrack(r) !== sameTrack(top)) return sameTrack(r) > sameTrack(top) ? r : top;
      return r.index > top.index ? r : top;
    }, undefined);
  const withEdge = best(below.filter((r) => hasEdge(r, to)));
  if (withEdge) return withEdge;
  const leading = ladders.flatMap((ladder) =>
    ladder.levels.flatMap((level, index) =>
      hasEdge({ ladder, level, index }, to) ? [{ ladder, level, index }] : [],
    ),
  );
  if (leading.length === 1) return leading[0];
  if (to.level.track !== undefined) {
    const onTrack = best(below.filter((r) => r.level.track === to.level.track));
    if (onTrack) return onTrack;
  }
  return to.index > 0 ? refs[to.index - 1] : undefined;
}

/**
 * A level named by its id and title, `L2 Senior SRE` (or `L2 (Senior SRE)`), or by its title
 * alone when a word of the title is the id: `senior` and `Senior Engineer` would read twice.
 */
export function idAndTitle(
  id: string,
  title: string | undefined,
  form: 'space' | 'brackets' = 'space',
): string {
  if (title === undefined || title === '') return id;
  const word = id.toLowerCase();
  if (title.toLowerCase().split(/\s+/).includes(word)) return title;
  return form === 'space' ? `${id} ${title}` : `${id} (${title})`;
}

/** How pages show a level where its id would go: its label, else its id. */
export function levelLabel(level: Level): string {
  return level.label ?? level.id;
}

/**
 * The levels before a ladder splits into tracks: in a ladder with levels on tracks, those on no
 * track ranked below every level on a track (one path to Senior, then a staff track and a
 * manager track). They are on the way up every track. None when no level is on a track.
 */
export function sharedLevels(ladder: Ladder): readonly Level[] {
  let split = Number.POSITIVE_INFINITY;
  ladder.levels.forEach((l, i) => {
    if (l.track !== undefined) split = Math.min(split, l.grade ?? i);
  });
  if (split === Number.POSITIVE_INFINITY) return [];
  return ladder.levels.filter((l, i) => l.track === undefined && (l.grade ?? i) < split);
}

/**
 * The way up one track: the levels shared by every track, then the track's own, each in the
 * ladder's order. With `undefined`, the levels on no track that are not shared.
 */
export function trackLevels(ladder: Ladder, track: string | undefined): readonly Level[] {
  const shared = sharedLevels(ladder);
  return track === undefined
    ? ladder.levels.filter((l) => l.track === undefined && !shared.includes(l))
    : [...shared, ...ladder.levels.filter((l) => l.track === track)];
}

/**
 * The levels before `level` on its way up, in order: on its track, from the levels every track
 * shares; a shared level's are the shared levels before it. What a cumulative ladder's level
 * also expects.
 */
export function levelsBefore(ladder: Ladder, level: Level): readonly Level[] {
  const shared = sharedLevels(ladder);
  const way = shared.includes(level) ? shared : trackLevels(ladder, level.track);
  return way.slice(0, way.indexOf(level));
}

/**
 * Whether a level is one the ladder says a dimension applies to: at or above the dimension's
 * `from` level (by rank), and on one of its `tracks` when it names them.
 */
export function appliesAt(ladder: Ladder, dimension: Dimension, level: Level): boolean {
  const rank = (l: Level) => l.grade ?? ladder.levels.indexOf(l);
  const from = ladder.levels.find((l) => l.id === dimension.from);
  if (from !== undefined && rank(level) < rank(from)) return false;
  if (dimension.tracks === undefined) return true;
  return level.track !== undefined && dimension.tracks.includes(level.track);
}
