/** The list of changes a diff builds, each classified as it is added. */
import { diffStatements } from '../model/statement-diff';
import type { MilestoneRequirement } from '../model/types';
import { classify } from './classify';
import { textLines } from './match';
import type { IdMaps } from './pairing';
import { requiredAbility } from './scoped-names';
import type { ChangeBody, Holder, LadderChange, Subject, VersionUnit } from './types';

/** Collects changes with their classification and the version they count against. */
export class Changes {
  readonly list: LadderChange[] = [];
  emit(body: ChangeBody, unit: VersionUnit): void {
    this.list.push({ ...body, ...classify(body), unit });
  }
  /** `removed` for each item that is gone, then `added` for each new one. */
  membership<T>(
    matched: { readonly removed: readonly T[]; readonly added: readonly T[] },
    subject: (item: T) => Subject,
    unit: (item: T) => VersionUnit,
  ): void {
    for (const item of matched.removed)
      this.emit({ kind: 'removed', subject: subject(item) }, unit(item));
    for (const item of matched.added)
      this.emit({ kind: 'added', subject: subject(item) }, unit(item));
  }
  /** A text diff of one field; nothing when the texts are the same. */
  text(subject: Subject, field: string, before: unknown, after: unknown, unit: VersionUnit): void {
    const changes = diffStatements(textLines(before), textLines(after)).filter(
      (c) => c.kind !== 'unchanged',
    );
    if (changes.length > 0) this.emit({ kind: 'text-changed', subject, field, changes }, unit);
  }
  owners(
    subject: Subject,
    before: readonly string[],
    after: readonly string[],
    unit: VersionUnit,
  ): void {
    const lower = (list: readonly string[]) => new Set(list.map((o) => o.toLowerCase()));
    const b = lower(before);
    const a = lower(after);
    const added = after.filter((o) => !b.has(o.toLowerCase()));
    const removed = before.filter((o) => !a.has(o.toLowerCase()));
    if (added.length + removed.length > 0)
      this.emit({ kind: 'owners-changed', subject, added, removed }, unit);
  }
  requirements(
    holder: Holder,
    before: readonly MilestoneRequirement[],
    after: readonly MilestoneRequirement[],
    maps: Pick<IdMaps, 'abilities' | 'names'>,
    unit: VersionUnit,
  ): void {
    const name = (r: MilestoneRequirement) => requiredAbility(maps.names, r);
    const b = new Map(before.map((r) => [maps.abilities.get(name(r)) ?? name(r), r.milestone]));
    const a = new Map(after.map((r) => [name(r), r.milestone]));
    for (const ability of new Set([...a.keys(), ...b.keys()])) {
      const was = b.get(ability);
      const now = a.get(ability);
      if (was === now) continue;
      const raised = now !== undefined && (was === undefined || now > was);
      this.emit(
        {
          kind: raised ? 'requirement-raised' : 'requirement-lowered',
          holder,
          requirement: { type: 'milestone', ability },
          ...(was === undefined ? {} : { before: was }),
          ...(now === undefined ? {} : { after: now }),
        },
        unit,
      );
    }
  }
}
