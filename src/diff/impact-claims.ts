/**
 * What a ladder change does to a packet's milestone claims and to the role it names: each claim
 * and the role found once on both sides, by the names the diff gives abilities and roles
 * (scoped-names.ts), and the claims whose worth in points moved.
 */
import { plural } from '../markdown/plural';
import type { Ability, Model } from '../model/types';
import { milestoneRange, pointsAt, resolveAbility, resolveRole } from '../review/milestones';
import type { Piece } from './describe';
import type { ScopedNames } from './scoped-names';
import { type Impact, type LadderChange, type LadderChanges, subjectKey } from './types';

/** What is read here of a packet (impact.ts's `PacketTarget`). */
interface PacketNames {
  readonly ladder: string;
  readonly role?: string;
  readonly milestones?: Readonly<Record<string, number>>;
}

/** A note on a packet (impact.ts's `ImpactNote`). */
interface Note {
  readonly impact: Impact;
  readonly pieces: readonly Piece[];
}

/** The two models, and how the diff names their abilities and roles. */
export interface Sides {
  readonly base: Model;
  readonly head: Model;
  readonly names: ScopedNames;
}

/** A claim of the packet, with the ability it names on each side (by its diff name). */
interface Claim {
  readonly key: string;
  readonly milestone: number;
  readonly base?: { readonly ability: Ability; readonly name: string };
  readonly head?: { readonly ability: Ability; readonly name: string };
}

/** The packet's claims, each resolved once on both sides (the head from the renamed ladder). */
export function claimsOf(packet: PacketNames, ladder: string, sides: Sides): Claim[] {
  const at = (model: Model, from: string, key: string) => {
    const found = resolveAbility(model, from, key);
    return found.kind === 'found'
      ? { ability: found.value, name: sides.names.ability(found.value) }
      : undefined;
  };
  return Object.entries(packet.milestones ?? {}).map(([key, milestone]) => {
    const base = at(sides.base, packet.ladder, key);
    const head = at(sides.head, ladder, key);
    return { key, milestone, ...(base ? { base } : {}), ...(head ? { head } : {}) };
  });
}

/**
 * The abilities whose milestones' worth the changes move, each breaking when one change to it is.
 * A milestone added moves what a claim of it is worth too: from nothing (the review's
 * `milestone-out-of-range`) to its points.
 */
export function movedPoints(changes: readonly LadderChange[]): ReadonlyMap<string, Impact> {
  const moved = new Map<string, Impact>();
  const move = (ability: string, impact: Impact) =>
    moved.set(ability, moved.get(ability) === 'breaking' ? 'breaking' : impact);
  for (const c of changes)
    if (c.kind === 'points-changed' || c.kind === 'scoring-changed') move(c.ability, c.impact);
    else if (c.kind === 'added' && c.subject.type === 'milestone')
      move(c.subject.ability, c.impact);
  return moved;
}

/**
 * What a claim of milestone `n` is worth, as the review counts it: nothing to price when the
 * ability has no such milestone (the review's `milestone-out-of-range`, which counts no points).
 */
function worth(ability: Ability, n: number): number | undefined {
  const { first, last } = milestoneRange(ability);
  return n >= first && n <= last ? pointsAt(ability, n) : undefined;
}

/**
 * The packet's milestone claims whose worth in points the changes moved (a milestone's points,
 * or how the ability counts them): each moves the packet against every points minimum and role
 * range at once. A claim of a milestone the head's ability does not have is not priced: the
 * review reports it as invalid, and a milestone that was removed has its own note.
 */
export function claimNotes(
  claims: readonly Claim[],
  moved: ReadonlyMap<string, Impact>,
  titles: LadderChanges['titles'],
): Note[] {
  const out: Note[] = [];
  for (const { key, milestone: n, base, head } of claims) {
    const impact = head && moved.get(head.name);
    if (!base || !head || impact === undefined) continue;
    const was = worth(base.ability, n);
    const now = worth(head.ability, n);
    if (now === undefined || was === now) continue;
    const title = titles[subjectKey({ type: 'ability', ability: head.name })] ?? key;
    const counts = `now counts its claim of ${title} milestone ${n} as ${plural(now, 'point')}`;
    const how =
      base.ability.scoring === head.ability.scoring
        ? ''
        : `; its points are now ${head.ability.scoring === 'held' ? 'held, not added' : 'added, not held'}`;
    out.push({
      impact,
      pieces: [
        was === undefined
          ? `${counts} (it was not a milestone of ${title}, so it counted none${how})`
          : `${counts} (was ${was}${how})`,
      ],
    });
  }
  return out;
}

/**
 * Whether a role named in a change (scoped-names.ts) is the packet's: the role it names, found
 * from its ladder on either side; as written when the models are not known.
 */
export function roleOf(
  packet: PacketNames,
  ladder: string,
  sides: Sides | undefined,
): (name: string) => boolean {
  const { role } = packet;
  if (role === undefined) return () => false;
  if (!sides) return (name) => name === role;
  const found = new Set<string>();
  for (const [model, from] of [
    [sides.base, packet.ladder],
    [sides.head, ladder],
  ] as const) {
    const r = resolveRole(model, from, role);
    if (r.kind === 'found') found.add(sides.names.role(r.value));
  }
  return (name) => found.has(name);
}
