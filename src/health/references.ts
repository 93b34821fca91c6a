/** Who references what in the model and the packets, counted once for the health report. */

import { scopedName } from '../model/scoped';
import type { MilestoneRequirement, Model } from '../model/types';
import { resolveAbility } from '../review/milestones';
import type { HealthPacket } from './packets';

/**
 * Who references what, counted in one pass over the model and the packets, so the report stays
 * linear in the size of the organisation (asking each entry to scan every ladder was quadratic).
 */
export interface References {
  /** Ladder id → levels of other ladders with an edge into it. */
  readonly ladderIncoming: Map<string, number>;
  /** `ladder/level` → levels with an edge to it. */
  readonly levelIncoming: Map<string, number>;
  /** Ladder id → roles declared with it. */
  readonly ladderRoles: Map<string, number>;
  /** Ability (`ladder/id`, `scopedName`) → levels requiring a milestone of it. */
  readonly abilityLevels: Map<string, number>;
  /** Ability (`ladder/id`, `scopedName`) → roles requiring a milestone of it. */
  readonly abilityRoles: Map<string, number>;
  /** Ladder id → packets for it. */
  readonly packetsByLadder: Map<string, HealthPacket[]>;
  /** Ability (`ladder/id`, `scopedName`) → packets claiming a milestone of it. */
  readonly packetsByAbility: Map<string, HealthPacket[]>;
}

/**
 * The ability a milestone requirement names, as the counts know abilities: `ladder/id`
 * (`scopedName`), as an id is unique only within the ladder that declares it (two ladders may
 * each have a `communication`).
 */
const required = (r: MilestoneRequirement) => scopedName({ ladder: r.ladder, id: r.ability });

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function append<T>(groups: Map<string, T[]>, key: string, item: T): void {
  const group = groups.get(key);
  if (group) group.push(item);
  else groups.set(key, [item]);
}

export function references(model: Model, packets: readonly HealthPacket[]): References {
  const refs: References = {
    ladderIncoming: new Map(),
    levelIncoming: new Map(),
    ladderRoles: new Map(),
    abilityLevels: new Map(),
    abilityRoles: new Map(),
    packetsByLadder: new Map(),
    packetsByAbility: new Map(),
  };
  for (const ladder of model.ladders)
    for (const level of ladder.levels) {
      // Each level counts once per target, however many edges it has to it.
      const ladders = new Set<string>();
      const levels = new Set<string>();
      for (const edge of level.next) {
        if (edge.kind !== 'level') continue;
        if (edge.ladder !== ladder.id) ladders.add(edge.ladder);
        levels.add(`${edge.ladder}/${edge.level}`);
      }
      for (const id of ladders) increment(refs.ladderIncoming, id);
      for (const key of levels) increment(refs.levelIncoming, key);
      for (const key of new Set(level.abilities.map(required))) increment(refs.abilityLevels, key);
    }
  for (const role of model.roles) {
    increment(refs.ladderRoles, role.ladder);
    for (const key of new Set(role.requires.map(required))) increment(refs.abilityRoles, key);
  }
  for (const packet of packets) {
    append(refs.packetsByLadder, packet.ladder, packet);
    // A claim names the ability as written in the packet: bare from its ladder, or `ladder/id`.
    const claimed = new Set<string>();
    for (const ref of Object.keys(packet.milestones)) {
      const found = resolveAbility(model, packet.ladder, ref);
      if (found.kind === 'found') claimed.add(scopedName(found.value));
    }
    for (const key of claimed) append(refs.packetsByAbility, key, packet);
  }
  return refs;
}
