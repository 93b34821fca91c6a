/**
 * The impact of a ladder change on the promotion packets in the repository: for each packet
 * whose target level is affected, what now changes for it ("targets ops L3, which now also
 * requires Security"). Pure: the packets come in as their front matter's targets.
 */

import { plural } from '../markdown/plural';
import type { Model } from '../model/types';
import { series } from '../util/text';
import { gradeWords, type Piece, placeWords, pointsMinWords, subjectPieces } from './describe';
import { claimNotes, claimsOf, movedPoints, roleOf, type Sides } from './impact-claims';
import { scopedNames } from './scoped-names';
import { type Impact, type LadderChange, type LadderChanges, subjectKey } from './types';

/** What a packet targets, from its front matter. */
export interface PacketTarget {
  /** Repository-relative path of the packet. */
  readonly path: string;
  readonly ladder: string;
  /** The target level id. */
  readonly to: string;
  /** The current level id (`ladder/level` when it is in another ladder). */
  readonly from?: string;
  /** The role the packet names, for ability-based ladders. */
  readonly role?: string;
  /** The milestones it claims: ability (as the packet names it) → milestone. */
  readonly milestones?: Readonly<Record<string, number>>;
}

/** One thing that changes for a packet: a clause that follows "which" ("now also requires ..."). */
export interface ImpactNote {
  readonly impact: Impact;
  readonly pieces: readonly Piece[];
}

/** A packet whose target is affected, and how. */
export interface PacketImpact {
  readonly path: string;
  readonly ladder: string;
  readonly level: string;
  /** Whether any note is breaking for the candidate. */
  readonly breaking: boolean;
  readonly notes: readonly ImpactNote[];
}

function counts(changes: readonly LadderChange[]): string {
  const n = { reworded: 0, added: 0, removed: 0 };
  for (const c of changes)
    if (c.kind === 'expectation-reworded') n.reworded += 1;
    else if (c.kind === 'expectation-added') n.added += 1;
    else if (c.kind === 'expectation-removed') n.removed += 1;
  return (['reworded', 'added', 'removed'] as const)
    .filter((k) => n[k] > 0)
    .map((k) => `${n[k]} ${k}`)
    .join(', ');
}

/** The two models, when known: dimension notes are then limited to what the level requires. */
export interface ImpactOptions {
  readonly base?: Model;
  readonly head?: Model;
}

function requires(model: Model | undefined, ladder: string, level: string, dimension: string) {
  if (!model) return true;
  const l = model.ladders.find((x) => x.id === ladder)?.levels.find((x) => x.id === level);
  return l?.requires.includes(dimension) ?? false;
}

/** The packets whose target level the changes affect, with what changes for each. */
export function packetImpact(
  result: LadderChanges,
  packets: readonly PacketTarget[],
  options: ImpactOptions = {},
): PacketImpact[] {
  const { changes, titles } = result;
  const sides: Sides | undefined =
    options.base && options.head
      ? {
          base: options.base,
          head: options.head,
          names: scopedNames(options.base, options.head),
        }
      : undefined;
  const moved = movedPoints(changes);
  const dimension = (ladder: string, id: string) =>
    titles[subjectKey({ type: 'dimension', ladder, dimension: id })] ?? id;
  const out: PacketImpact[] = [];
  for (const packet of [...packets].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  )) {
    // Follow likely renames, so a packet still naming the old ids is matched.
    let ladder = packet.ladder;
    let level = packet.to;
    const notes: ImpactNote[] = [];
    const note = (impact: Impact, ...pieces: Piece[]) => notes.push({ impact, pieces });
    for (const c of changes) {
      if (c.kind === 'likely-renamed' && c.subject.type === 'ladder' && c.from === ladder) {
        note(
          c.impact,
          'is in ladder ',
          { code: c.from },
          ', now ',
          { code: c.subject.ladder },
          ' (likely renamed)',
        );
        ladder = c.subject.ladder;
      }
    }
    for (const c of changes) {
      if (
        c.kind === 'likely-renamed' &&
        c.subject.type === 'level' &&
        c.subject.ladder === ladder &&
        c.from === level
      ) {
        note(c.impact, 'is now ', { code: c.subject.level }, ' (likely renamed)');
        level = c.subject.level;
      }
    }
    const here = (l: string, v: string) => l === ladder && v === level;
    const isRole = roleOf(packet, ladder, sides);
    const claims = sides ? claimsOf(packet, ladder, sides) : [];
    // The packet's milestone claims by the name of the ability they meant at the base.
    const claimed = new Map(claims.flatMap((c) => (c.base ? [[c.base.name, c.milestone]] : [])));
    const ability = (name: string) =>
      titles[subjectKey({ type: 'ability', ability: name })] ?? name;
    const expectations = new Map<string, LadderChange[]>();
    for (const c of changes) {
      switch (c.kind) {
        case 'removed':
          if (c.subject.type === 'ladder' && c.subject.ladder === packet.ladder)
            note(c.impact, 'is in a ladder that was removed');
          else if (c.subject.type === 'level' && here(c.subject.ladder, c.subject.level))
            note(c.impact, 'was removed');
          else if (
            c.subject.type === 'dimension' &&
            c.subject.ladder === ladder &&
            requires(options.base, packet.ladder, packet.to, c.subject.dimension)
          )
            note(
              c.impact,
              `loses the dimension ${dimension(ladder, c.subject.dimension)}, which was removed`,
            );
          else if (c.subject.type === 'role' && isRole(c.subject.role))
            note(c.impact, 'is for role ', { code: c.subject.role }, ', which was removed');
          else if (c.subject.type === 'ability' && claimed.has(c.subject.ability))
            note(
              c.impact,
              `claims ${ability(c.subject.ability)} milestone ${claimed.get(c.subject.ability)}, an ability that was removed`,
            );
          else if (
            c.subject.type === 'milestone' &&
            claimed.get(c.subject.ability) === c.subject.milestone
          )
            note(
              c.impact,
              `claims ${ability(c.subject.ability)} milestone ${c.subject.milestone}, which was removed`,
            );
          break;
        case 'renamed':
          if (c.subject.type === 'level' && here(c.subject.ladder, c.subject.level))
            note(c.impact, `is now titled ${c.after}`);
          else if (
            c.subject.type === 'dimension' &&
            c.subject.ladder === ladder &&
            requires(options.head, ladder, level, c.subject.dimension)
          )
            note(
              'editorial',
              `requires ${c.before}, now titled ${c.after} (a heading may need updating)`,
            );
          break;
        case 'likely-renamed':
          // Headings match a dimension's title as well as its id, so a new id rarely matters.
          if (
            c.subject.type === 'dimension' &&
            c.subject.ladder === ladder &&
            requires(options.head, ladder, level, c.subject.dimension)
          )
            note(
              'editorial',
              `requires ${dimension(ladder, c.subject.dimension)}, whose id is now `,
              { code: c.subject.dimension },
              ' (was ',
              { code: c.from },
              ')',
            );
          // A claim or a role names its ability or role by id: the packet must follow the new one.
          else if (c.subject.type === 'ability' && claimed.has(c.from))
            note(
              c.impact,
              `claims ${ability(c.subject.ability)}, whose id is now `,
              { code: c.subject.ability },
              ' (was ',
              { code: c.from },
              '), so its ',
              { code: 'milestones:' },
              ' key needs the new id',
            );
          else if (c.subject.type === 'role' && isRole(c.from))
            note(
              c.impact,
              'is for role ',
              { code: c.from },
              ', whose id is now ',
              { code: c.subject.role },
              ', so its ',
              { code: 'role:' },
              ' needs the new id',
            );
          break;
        case 'required-dimension-added':
          if (here(c.ladder, c.level))
            note(c.impact, `now also requires ${dimension(c.ladder, c.dimension)}`);
          break;
        case 'required-dimension-removed':
          if (here(c.ladder, c.level))
            note(c.impact, `no longer requires ${dimension(c.ladder, c.dimension)}`);
          break;
        case 'expectation-added':
        case 'expectation-removed':
        case 'expectation-reworded':
          if (here(c.ladder, c.level)) {
            const list = expectations.get(c.dimension) ?? [];
            list.push(c);
            expectations.set(c.dimension, list);
          }
          break;
        case 'requirement-raised':
        case 'requirement-lowered': {
          const h = c.holder;
          const applies =
            (h.type === 'level' && here(h.ladder, h.level)) ||
            (h.type === 'ladder' && h.ladder === ladder) ||
            (h.type === 'role' && isRole(h.role));
          if (!applies) break;
          const was = c.before === undefined ? '' : ` (was ${c.before})`;
          const prefix: Piece[] =
            h.type === 'role' ? ['is for ', ...subjectPieces(h, titles, false), ', which '] : [];
          if (c.requirement.type === 'points') note(c.impact, ...prefix, pointsMinWords(c).trim());
          else if (c.requirement.type === 'evidence')
            note(
              c.impact,
              ...prefix,
              `now needs ${plural(c.after ?? 1, 'evidence item')} per required dimension${was}`,
            );
          else {
            const ability =
              titles[subjectKey({ type: 'ability', ability: c.requirement.ability })] ??
              c.requirement.ability;
            note(
              c.impact,
              ...prefix,
              c.after === undefined
                ? `no longer requires ${ability}`
                : `now requires ${ability} milestone ${c.after}${was}`,
            );
          }
          break;
        }
        case 'points-max-changed':
          if (isRole(c.holder.role))
            note(
              c.impact,
              'is for ',
              ...subjectPieces(c.holder, titles, false),
              c.after === undefined
                ? ', which no longer caps the points total'
                : `, which now allows at most ${plural(c.after, 'point')}${c.before === undefined ? '' : ` (was ${c.before})`}`,
            );
          break;
        case 'grade-changed':
          if (here(c.ladder, c.level))
            note(c.impact, gradeWords(c.before, c.after).trim(), ', so the move is judged anew');
          break;
        case 'track-changed':
          if (here(c.ladder, c.level))
            note(
              c.impact,
              ...placeWords('track', c.before, c.after),
              ', so the move is judged anew',
            );
          break;
        case 'edge-removed': {
          if (c.target.kind !== 'level' || !here(c.target.ladder, c.target.level) || !packet.from)
            break;
          const from = packet.from.includes('/') ? packet.from : `${packet.ladder}/${packet.from}`;
          if (from === `${c.ladder}/${c.level}`)
            note(c.impact, 'can no longer be reached from ', { code: packet.from });
          break;
        }
        default:
          break;
      }
    }
    // One clause for all of them: "for Mastery (1 reworded) and Security (1 added)".
    if (expectations.size > 0)
      note(
        'editorial',
        `has changed expectations for ${series([...expectations].map(([dim, list]) => `${dimension(ladder, dim)} (${counts(list)})`))}`,
      );
    notes.push(...claimNotes(claims, moved, titles));
    // Breaking notes first, each group in the order found.
    notes.sort((a, b) => (a.impact === b.impact ? 0 : a.impact === 'breaking' ? -1 : 1));
    if (notes.length > 0)
      out.push({
        path: packet.path,
        ladder: packet.ladder,
        level: packet.to,
        breaking: notes.some((n) => n.impact === 'breaking'),
        notes,
      });
  }
  return out;
}
