/** Who references what in the model and the packets, counted once for the health report. */
import type { Model } from '../model/types';
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
  /** Ability id → levels requiring a milestone of it. */
  readonly abilityLevels: Map<string, number>;
  /** Ability id → roles requiring a milestone of it. */
  readonly abilityRoles: Map<string, number>;
  /** Ladder id → packets for it. */
  readonly packetsByLadder: Map<string, HealthPacket[]>;
  /** Ability id → packets claiming a milestone of it. */
  readonly packetsByAbility: Map<string, HealthPacket[]>;
}

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
      for (const id of new Set(level.abilities.map((r) => r.ability)))
        increment(refs.abilityLevels, id);
    }
  for (const role of model.roles) {
    increment(refs.ladderRoles, role.ladder);
    for (const id of new Set(role.requires.map((q) => q.ability))) increment(refs.abilityRoles, id);
  }
  for (const packet of packets) {
    append(refs.packetsByLadder, packet.ladder, packet);
    for (const id of Object.keys(packet.milestones)) append(refs.packetsByAbility, id, packet);
  }
  return refs;
}
