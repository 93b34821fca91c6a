import { plural } from '../../markdown/plural';
import { capitalised, levelName } from '../place';
import { type AbilityOutline, abilitiesComplete, type OutlineSource, type SetRule } from '../rule';

/** The most an ability's claim is worth: its last milestone's points held, or all of them added. */
function best(ability: AbilityOutline): number {
  const points = ability.milestones.map((m) => m.points);
  // An unknown `scoring` counts as added: points are never negative, so that bound is the higher.
  return ability.scoring === 'held' ? Math.max(0, ...points) : points.reduce((a, b) => a + b, 0);
}

/**
 * The most points a packet can total, and what from: the review totals claims of any ladder's
 * abilities (`other-ladder/ability`), so every ability counts, each at its best. Undefined when
 * the schema left an ability or a milestone out, whose points cannot be told.
 */
function reachable(
  sources: readonly OutlineSource[],
): { points: number; abilities: number; ladders: number } | undefined {
  if (!abilitiesComplete(sources)) return undefined;
  let points = 0;
  let abilities = 0;
  const ladders = new Set<string>();
  for (const { ladder } of sources)
    for (const ability of ladder.abilities ?? []) {
      let kept = 0;
      ability.milestones.forEach(() => kept++);
      if (kept !== ability.milestones.length) return undefined;
      points += best(ability);
      abilities += 1;
      ladders.add(ladder.id);
    }
  return { points, abilities, ladders: ladders.size };
}

/** A level's or a role's minimum of points is one a packet can reach. */
export const pointsUnreachable: SetRule = {
  code: 'points-unreachable',
  severity: 'error',
  description:
    "A level's or a role's `points.min` is more than every ability at its last milestone adds up to, so no packet can reach it.",
  checkSet(sources, report, { unread }) {
    // The abilities of a ladder file that could not be read count too, and are not known.
    const most = unread.size > 0 ? undefined : reachable(sources);
    if (most === undefined) return;
    const from =
      most.abilities === 0
        ? 'no ladder defines an ability, so a packet claims no points'
        : `every ability at its last milestone totals ${plural(most.points, 'point')} (${plural(most.abilities, 'ability', 'abilities')}${most.ladders > 1 ? ` of ${most.ladders} ladders` : ''})`;
    const fix =
      most.abilities === 0
        ? 'Drop `points`, or define abilities with milestones.'
        : `Lower \`min\` to ${most.points} or less, or add milestones.`;
    const check = (source: OutlineSource, path: (string | number)[], owner: string, min = 0) => {
      if (min <= most.points) return;
      report(
        source,
        path,
        `${owner} asks for at least ${plural(min, 'point')}, more than a packet can claim: ${from}. ${fix}`,
      );
    };
    for (const source of sources) {
      source.ladder.levels.forEach((level, i) =>
        check(
          source,
          ['levels', i, 'points', 'min'],
          capitalised(levelName(level, i)),
          level.points?.min,
        ),
      );
      source.ladder.roles?.forEach((role, i) =>
        check(source, ['roles', i, 'points', 'min'], `Role \`${role.id}\``, role.points?.min),
      );
    }
  },
};
