/**
 * How the diff names abilities and roles. Their ids are unique only within the ladder that
 * declares them, so an id that two ladders share (on either side) is named `ladder/id`, as a
 * packet names it from another ladder; every other one by its id alone.
 */
import { scopedName } from '../model/scoped';
import type { Model } from '../model/types';

/** An ability or a role: an id within the ladder that declares it. */
interface Scoped {
  readonly ladder: string;
  readonly id: string;
}

/** The names of a diff's abilities and roles. */
export interface ScopedNames {
  readonly ability: (ability: Scoped) => string;
  readonly role: (role: Scoped) => string;
}

function namer(lists: readonly (readonly Scoped[])[]): (item: Scoped) => string {
  const declaredBy = new Map<string, string>();
  const shared = new Set<string>();
  for (const list of lists)
    for (const { id, ladder } of list) {
      const first = declaredBy.get(id);
      if (first === undefined) declaredBy.set(id, ladder);
      else if (first !== ladder) shared.add(id);
    }
  return (item) => (shared.has(item.id) ? scopedName(item) : item.id);
}

/** The names of the abilities and roles of two revisions. */
export function scopedNames(base: Model, head: Model): ScopedNames {
  return {
    ability: namer([base.abilities, head.abilities]),
    role: namer([base.roles, head.roles]),
  };
}

/** The ability a milestone requirement names, by its name in the diff. */
export function requiredAbility(
  names: ScopedNames,
  requirement: { readonly ladder: string; readonly ability: string },
): string {
  return names.ability({ ladder: requirement.ladder, id: requirement.ability });
}

/**
 * Whether an ability or role is the one a diff names, in any model: `ladder/id` names that
 * ladder's; a bare id is shared by no two ladders of either side, so it names the only one.
 */
export function isNamed(item: Scoped, name: string): boolean {
  return name.includes('/') ? scopedName(item) === name : item.id === name;
}
