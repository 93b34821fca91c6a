/**
 * Milestone claims of ability-based ladders. A role (`role:` in the front matter) and the target
 * level may require a minimum milestone of an ability, and a total of points; the packet claims
 * milestones under `milestones:`. A claim is worth the milestone's points when the ability holds
 * them (`scoring: held`), else the sum of the points up to it (`added`, the default).
 */
import { type ScopedIndex, scopedIndex, scopedName } from '../model/scoped';
import type { Ability, Level, Model, Role } from '../model/types';
import type { MilestoneClaim, PointsCheck } from './types';

/** The points someone at milestone `n` of `ability` has. */
export function pointsAt(ability: Ability, n: number): number {
  if (ability.scoring === 'held')
    return ability.milestones.find((m) => m.number === n)?.points ?? 0;
  return ability.milestones.filter((m) => m.number <= n).reduce((sum, m) => sum + m.points, 0);
}

/** The milestone numbers an ability has: first and last. */
export function milestoneRange(ability: Ability): { first: number; last: number } {
  const first = ability.milestones[0]?.number ?? 1;
  return { first, last: first + ability.milestones.length - 1 };
}

/** How a packet for `ladder` names `ability`: its bare id when that is unambiguous, else `ladder/id`. */
export function abilityRef(model: Model, ladder: string | undefined, ability: Ability): string {
  const bare = resolveAbility(model, ladder ?? '', ability.id);
  return bare.kind === 'found' && bare.value === ability ? ability.id : scopedName(ability);
}

/** One scoped index per model and kind (abilities, roles): models do not change once built. */
function cachedIndex<T extends { readonly id: string; readonly ladder: string }>(
  cache: WeakMap<Model, ScopedIndex<T>>,
  model: Model,
  items: readonly T[],
): ScopedIndex<T> {
  let index = cache.get(model);
  if (!index) {
    index = scopedIndex(items.map((item) => [item.ladder, item] as const));
    cache.set(model, index);
  }
  return index;
}

const abilityIndexes = new WeakMap<Model, ScopedIndex<Ability>>();
const roleIndexes = new WeakMap<Model, ScopedIndex<Role>>();

/** The ability a claim or requirement names, seen from `ladder`. */
export function resolveAbility(model: Model, ladder: string, ref: string) {
  return cachedIndex(abilityIndexes, model, model.abilities).resolve(ladder, ref);
}

/** The role a packet names, seen from its ladder: `role` of that ladder, or `ladder/role`. */
export function resolveRole(model: Model, ladder: string, ref: string) {
  return cachedIndex(roleIndexes, model, model.roles).resolve(ladder, ref);
}

/**
 * Every ability that is claimed or required, with the claim, its points and the requirement;
 * `claims` is `unread` when the front matter failed its schema (what it claims is not known).
 */
export function milestoneClaims(
  model: Model,
  ladder: string | undefined,
  claims: Readonly<Record<string, number>> | 'unread',
  level: Level | undefined,
  role: Role | undefined,
): MilestoneClaim[] {
  interface Entry {
    ability: Ability;
    key?: string;
    claimed?: number;
    required?: number;
    by: string[];
  }
  const entries = new Map<Ability, Entry>();
  const entry = (ability: Ability) => {
    const known = entries.get(ability) ?? { ability, by: [] };
    entries.set(ability, known);
    return known;
  };
  const from = ladder ?? '';
  for (const [key, claimed] of Object.entries(claims === 'unread' ? {} : claims)) {
    const found = resolveAbility(model, from, key);
    if (found.kind !== 'found') continue;
    const e = entry(found.value);
    e.key = key;
    e.claimed = claimed;
  }
  const need = (owner: string, requirements: Role['requires']) => {
    for (const r of requirements) {
      const found = resolveAbility(model, r.ladder, r.ability);
      if (found.kind !== 'found') continue;
      const e = entry(found.value);
      e.required = Math.max(e.required ?? r.milestone, r.milestone);
      e.by.push(owner);
    }
  };
  if (role) need(role.title, role.requires);
  if (level) need(`${level.id} ${level.title}`, level.abilities);
  return [...entries.values()].map(({ ability, key, claimed, required, by }) => {
    const { first, last } = milestoneRange(ability);
    const valid = claimed !== undefined && claimed >= first && claimed <= last;
    return {
      ability: key ?? abilityRef(model, ladder, ability),
      ladder: ability.ladder,
      title: ability.title,
      ...(claimed !== undefined ? { claimed } : {}),
      ...(claims === 'unread' ? { unread: true as const } : {}),
      ...(valid ? { points: pointsAt(ability, claimed) } : {}),
      ...(required !== undefined ? { required } : {}),
      requiredBy: by,
      met: required === undefined || (valid && claimed >= required),
    };
  });
}

/**
 * The total of the claims' points against the target level's and the role's bounds, when
 * either sets one; undefined otherwise.
 */
export function pointsCheck(
  claims: readonly MilestoneClaim[],
  level: Level | undefined,
  role: Role | undefined,
): PointsCheck | undefined {
  const levelMin = level?.points?.min;
  const roleRange = role?.points;
  if (levelMin === undefined && roleRange === undefined) return undefined;
  const total = claims.reduce((sum, c) => sum + (c.points ?? 0), 0);
  const min = Math.max(levelMin ?? 0, roleRange?.min ?? 0);
  return {
    total,
    required: min,
    ...(levelMin !== undefined ? { level: levelMin } : {}),
    ...(roleRange !== undefined ? { role: roleRange } : {}),
    // Above the role's range is a finding (`points-above-role`), not a shortfall.
    met: total >= min,
  };
}
