/** Finds the ladder, target level and current level a packet's front matter names. */
import { hasEdge, type LevelRef, previousLevel, rankOf } from '../model/levels';
import { ladderById } from '../model/lookup';
import type { Ladder, Model } from '../model/types';

export type { LevelRef } from '../model/levels';
export { hasEdge, previousLevel, rankOf } from '../model/levels';

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

/**
 * Why a move on one ladder from `from` to `to` is not a promotion, as `not-a-promotion` and
 * `ladder new-packet` say it: the target is the current level, or below it, or (a warning) a
 * peer level of another track, and no advancement edge leads there. Undefined for a promotion,
 * for a move along a declared edge, and across ladders.
 */
export function notAPromotion(
  from: LevelRef,
  to: LevelRef,
): { readonly message: string; readonly severity: 'error' | 'warning' } | undefined {
  if (from.ladder.id !== to.ladder.id) return undefined;
  const kind = moveKind(from, to);
  if (kind === 'promotion' || (kind !== 'same' && hasEdge(from, to))) return undefined;
  const name = (ref: LevelRef) => {
    const place = placeOf(ref);
    return `\`${ref.level.id}\` (${ref.level.title}${place ? `, ${place}` : ''})`;
  };
  if (kind === 'same')
    return {
      message: `The target level \`${to.level.id}\` is the current level; set \`to\` to the level the packet asks for.`,
      severity: 'error',
    };
  if (kind === 'lateral')
    return {
      message: `The target level ${name(to)} is a peer of the current level ${name(from)}: a lateral move, and no advancement edge declares it. Check \`from\` and \`to\`, or propose the edge in the ladder.`,
      severity: 'warning',
    };
  return {
    message: `The target level ${name(to)} is below the current level ${name(from)}; check \`from\` and \`to\`.`,
    severity: 'error',
  };
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
    const previous = previousLevel(to, model.ladders);
    if (previous) from = { ...previous, inferred: true };
  }
  return { ladder, ...(to ? { to } : {}), ...(from ? { from } : {}) };
}
