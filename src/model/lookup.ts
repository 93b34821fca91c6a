/**
 * Lookups over a model by id, built once per model (models are immutable) so that pages and
 * reports that ask about other ladders stay linear in the size of the organisation; a scan of
 * every ladder per page made `ladder render` quadratic (issue 7).
 */
import { scopedName } from './scoped';
import type { Ability, Ladder, Level, Model } from './types';

/** A level of another ladder with an advancement edge into a ladder. */
export interface IncomingEdge {
  readonly from: Ladder;
  readonly level: Level;
  /** The id of the level it leads to. */
  readonly to: string;
}

interface ModelIndex {
  readonly ladders: ReadonlyMap<string, Ladder>;
  /** By `ladder/id`: ability ids are scoped to their ladder. */
  readonly abilities: ReadonlyMap<string, Ability>;
  /** Ladder id → edges into it from levels of other ladders, in model order. */
  readonly incoming: ReadonlyMap<string, readonly IncomingEdge[]>;
}

const indexes = new WeakMap<Model, ModelIndex>();

function modelIndex(model: Model): ModelIndex {
  const known = indexes.get(model);
  if (known) return known;
  const ladders = new Map<string, Ladder>();
  const incoming = new Map<string, IncomingEdge[]>();
  for (const ladder of model.ladders) {
    // The first ladder of an id wins, as `Array.find` would (duplicates are validation errors).
    if (!ladders.has(ladder.id)) ladders.set(ladder.id, ladder);
    for (const level of ladder.levels)
      for (const edge of level.next) {
        if (edge.kind !== 'level' || edge.ladder === ladder.id) continue;
        const list = incoming.get(edge.ladder) ?? [];
        list.push({ from: ladder, level, to: edge.level });
        incoming.set(edge.ladder, list);
      }
  }
  const abilities = new Map<string, Ability>();
  for (const ability of model.abilities) {
    const key = scopedName(ability);
    if (!abilities.has(key)) abilities.set(key, ability);
  }
  const index = { ladders, abilities, incoming };
  indexes.set(model, index);
  return index;
}

/** The ladder with this id. */
export function ladderById(model: Model, id: string): Ladder | undefined {
  return modelIndex(model).ladders.get(id);
}

/** The ability `id` that ladder `ladder` declares. */
export function abilityById(model: Model, ladder: string, id: string): Ability | undefined {
  return modelIndex(model).abilities.get(scopedName({ ladder, id }));
}

/** The edges into ladder `id` from levels of other ladders, in model order. */
export function incomingEdges(model: Model, id: string): readonly IncomingEdge[] {
  return modelIndex(model).incoming.get(id) ?? [];
}
