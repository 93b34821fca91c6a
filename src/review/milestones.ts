/**
 * Milestone claims of ability-based ladders. A role (`role:` in the front matter) and the target
 * level may require a minimum milestone of an ability; the packet claims milestones under
 * `milestones:`. Points are the sum of the milestone points up to the claimed milestone.
 */
import type { Ability, Level, Model, Role } from '../model/types';
import type { MilestoneClaim } from './types';

/** Sum of an ability's milestone points from the first up to milestone `n`. */
export function pointsUpTo(ability: Ability, n: number): number {
  return ability.milestones.filter((m) => m.number <= n).reduce((sum, m) => sum + m.points, 0);
}

/** Every ability that is claimed or required, with the claim, its points and the requirement. */
export function milestoneClaims(
  model: Model,
  claims: Readonly<Record<string, number>>,
  level: Level | undefined,
  role: Role | undefined,
): MilestoneClaim[] {
  const required = new Map<string, { milestone: number; by: string[] }>();
  const need = (ability: string, milestone: number, by: string) => {
    const entry = required.get(ability) ?? { milestone: 0, by: [] };
    entry.milestone = Math.max(entry.milestone, milestone);
    entry.by.push(by);
    required.set(ability, entry);
  };
  for (const r of role?.requires ?? []) need(r.ability, r.milestone, role?.title ?? '');
  for (const r of level?.abilities ?? [])
    need(r.ability, r.milestone, `${level?.id} ${level?.title}`);
  const ids = [...new Set([...Object.keys(claims), ...required.keys()])];
  const out: MilestoneClaim[] = [];
  for (const id of ids) {
    const ability = model.abilities.find((a) => a.id === id);
    if (!ability) continue;
    const claimed = Object.hasOwn(claims, id) ? claims[id] : undefined;
    const valid = claimed !== undefined && claimed <= ability.milestones.length;
    const requirement = required.get(id);
    out.push({
      ability: id,
      title: ability.title,
      ...(claimed !== undefined ? { claimed } : {}),
      ...(valid ? { points: pointsUpTo(ability, claimed) } : {}),
      ...(requirement ? { required: requirement.milestone } : {}),
      requiredBy: requirement?.by ?? [],
      met: requirement === undefined || (valid && claimed >= requirement.milestone),
    });
  }
  return out;
}
