/**
 * The diff of abilities and roles: milestones, their points and how the points count, the
 * milestone requirements of roles and the range of points a role spans.
 */
import type { Ability, Role } from '../model/types';
import type { Changes } from './changes';
import type { IdMaps } from './pairing';
import { diffPointRange } from './placement';
import type { Subject, VersionUnit } from './types';

/**
 * An ability, `name`d as scoped-names.ts names it: its title, text, group, how its points count
 * and each milestone.
 */
export function diffAbility(out: Changes, before: Ability, after: Ability, name: string): void {
  const unit: VersionUnit = { type: 'ability', id: name };
  const subject: Subject = { type: 'ability', ability: name };
  if (before.title !== after.title)
    out.emit({ kind: 'renamed', subject, before: before.title, after: after.title }, unit);
  out.text(subject, 'description', before.description, after.description, unit);
  out.owners(subject, before.owners, after.owners, unit);
  out.text(subject, 'group', before.group, after.group, unit);
  if (before.scoring !== after.scoring)
    out.emit(
      { kind: 'scoring-changed', ability: name, before: before.scoring, after: after.scoring },
      unit,
    );
  const count = Math.max(before.milestones.length, after.milestones.length);
  for (let i = 0; i < count; i += 1) {
    const b = before.milestones[i];
    const a = after.milestones[i];
    // Milestones are numbered as written (from 0 on abilities that start at milestone 0).
    const n = a?.number ?? b?.number ?? i + 1;
    const s: Subject = { type: 'milestone', ability: name, milestone: n };
    if (!a) out.emit({ kind: 'removed', subject: s }, unit);
    else if (!b) out.emit({ kind: 'added', subject: s }, unit);
    else {
      if (b.points !== a.points)
        out.emit(
          {
            kind: 'points-changed',
            ability: name,
            milestone: n,
            before: b.points,
            after: a.points,
          },
          unit,
        );
      out.text(s, 'label', b.label, a.label, unit);
      out.text(s, 'summary', b.summary, a.summary, unit);
      out.text(s, 'signals', b.signals, a.signals, unit);
      out.text(s, 'examples', b.examples, a.examples, unit);
    }
  }
}

/** A role: its title, description, milestone requirements and range of points. */
export function diffRole(out: Changes, before: Role, after: Role, maps: IdMaps): void {
  const unit: VersionUnit = { type: 'ladder', id: after.ladder };
  const subject = { type: 'role' as const, role: maps.names.role(after) };
  if (before.title !== after.title)
    out.emit({ kind: 'renamed', subject, before: before.title, after: after.title }, unit);
  out.text(subject, 'description', before.description, after.description, unit);
  out.requirements(subject, before.requires, after.requires, maps, unit);
  diffPointRange(out, subject, before.points, after.points, unit);
}
