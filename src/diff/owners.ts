/**
 * Who should review a ladder change: the owners of every ladder, group, dimension and ability
 * it touches. The action asks them through the review-requests API; reports never name them in
 * a way that pings.
 */
import type { Model } from '../model/types';
import { isNamed } from './scoped-names';
import type { LadderChange } from './types';

/** GitHub users and teams (`org/team`) to ask for review, sorted, without duplicates. */
export interface Reviewers {
  readonly users: readonly string[];
  readonly teams: readonly string[];
}

/** Options of `reviewersFor`. */
export interface ReviewerOptions {
  /**
   * The base revision's model. Its owners count too, so a pull request cannot dodge review by
   * removing the owners of what it changes.
   */
  readonly base?: Model;
  /** Logins never to ask (the pull request's author: GitHub refuses that request). */
  readonly exclude?: readonly string[];
}

/** The ladder, group, dimension and ability owners a change touches, in one model. */
function ownersIn(model: Model, change: LadderChange): string[] {
  const owners: string[] = [];
  const ladderOf = (id: string) => model.ladders.find((l) => l.id === id);
  const addLadder = (id: string) => owners.push(...(ladderOf(id)?.owners ?? []));
  const addDimension = (ladder: string, id: string) => {
    const l = ladderOf(ladder);
    const d = l?.dimensions.find((x) => x.id === id);
    if (!l || !d) return;
    owners.push(...d.owners);
    if (d.group !== undefined)
      owners.push(...(l.groups.find((g) => g.id === d.group)?.owners ?? []));
  };
  // By name, as the diff names it (the base alone may not know that another ladder shares the id).
  const addAbility = (name: string) =>
    owners.push(...(model.abilities.find((a) => isNamed(a, name))?.owners ?? []));

  if (change.unit.type === 'ladder') addLadder(change.unit.id);
  else addAbility(change.unit.id);
  const subject = 'subject' in change ? change.subject : undefined;
  if (subject?.type === 'dimension') addDimension(subject.ladder, subject.dimension);
  if (subject?.type === 'group') {
    const l = ladderOf(subject.ladder);
    owners.push(...(l?.groups.find((g) => g.id === subject.group)?.owners ?? []));
    for (const d of l?.dimensions ?? []) if (d.group === subject.group) owners.push(...d.owners);
  }
  if (subject?.type === 'ability' || subject?.type === 'milestone') addAbility(subject.ability);
  if ('dimension' in change && 'ladder' in change) addDimension(change.ladder, change.dimension);
  return owners;
}

/** The owners to request review from for these changes, split into users and teams. */
export function reviewersFor(
  changes: readonly LadderChange[],
  head: Model,
  options: ReviewerOptions = {},
): Reviewers {
  const seen = new Map<string, string>();
  for (const change of changes)
    for (const model of options.base ? [head, options.base] : [head])
      for (const owner of ownersIn(model, change))
        if (!seen.has(owner.toLowerCase())) seen.set(owner.toLowerCase(), owner);
  const excluded = new Set((options.exclude ?? []).map((e) => e.toLowerCase()));
  const all = [...seen.entries()]
    .filter(([key]) => !excluded.has(key))
    .map(([, owner]) => owner)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  return { users: all.filter((o) => !o.includes('/')), teams: all.filter((o) => o.includes('/')) };
}
