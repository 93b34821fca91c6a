/** The titles table of a diff: the title of every subject its changes and versions name. */
import type { Model } from '../model/types';
import type { ScopedNames } from './scoped-names';
import type { LadderChange, Subject } from './types';
import { subjectKey } from './types';

/** Titles of every subject in a model, by subject key. */
export function titlesOf(model: Model, into: Map<string, string>, names: ScopedNames): void {
  const put = (s: Subject, title: string) => into.set(subjectKey(s), title);
  for (const l of model.ladders) {
    put({ type: 'ladder', ladder: l.id }, l.title);
    for (const x of l.levels) put({ type: 'level', ladder: l.id, level: x.id }, x.title);
    for (const x of l.dimensions)
      put({ type: 'dimension', ladder: l.id, dimension: x.id }, x.title);
    for (const x of l.groups) put({ type: 'group', ladder: l.id, group: x.id }, x.title);
    for (const x of l.threads) put({ type: 'thread', ladder: l.id, thread: x.id }, x.title);
  }
  for (const a of model.abilities) put({ type: 'ability', ability: names.ability(a) }, a.title);
  for (const r of model.roles) put({ type: 'role', role: names.role(r) }, r.title);
}

/** The subject keys a change names, so the titles table holds just those. */
export function keysOf(change: LadderChange): string[] {
  const keys = [`${change.unit.type}:${change.unit.id}`];
  const level = (ladder: string, id: string) => subjectKey({ type: 'level', ladder, level: id });
  const dimension = (ladder: string, id: string) =>
    subjectKey({ type: 'dimension', ladder, dimension: id });
  switch (change.kind) {
    case 'added':
    case 'removed':
    case 'renamed':
    case 'text-changed':
    case 'owners-changed':
      keys.push(subjectKey(change.subject));
      if (change.subject.type === 'milestone')
        keys.push(subjectKey({ type: 'ability', ability: change.subject.ability }));
      break;
    case 'likely-renamed': {
      keys.push(subjectKey(change.subject));
      const s = change.subject;
      const from: Subject =
        s.type === 'ladder'
          ? { type: 'ladder', ladder: change.from }
          : s.type === 'level'
            ? { ...s, level: change.from }
            : s.type === 'dimension'
              ? { ...s, dimension: change.from }
              : s.type === 'group'
                ? { ...s, group: change.from }
                : s.type === 'thread'
                  ? { ...s, thread: change.from }
                  : s.type === 'ability'
                    ? { ...s, ability: change.from }
                    : s.type === 'role'
                      ? { ...s, role: change.from }
                      : s;
      keys.push(subjectKey(from));
      break;
    }
    case 'expectation-added':
    case 'expectation-removed':
    case 'expectation-reworded':
    case 'required-dimension-added':
    case 'required-dimension-removed':
      keys.push(level(change.ladder, change.level), dimension(change.ladder, change.dimension));
      break;
    case 'points-changed':
      keys.push(subjectKey({ type: 'ability', ability: change.ability }));
      break;
    case 'requirement-raised':
    case 'requirement-lowered':
      keys.push(subjectKey(change.holder));
      if (change.requirement.type === 'milestone')
        keys.push(subjectKey({ type: 'ability', ability: change.requirement.ability }));
      break;
    case 'points-max-changed':
      keys.push(subjectKey(change.holder));
      break;
    case 'grade-changed':
    case 'track-changed':
    case 'band-changed':
    case 'label-changed':
      keys.push(level(change.ladder, change.level));
      break;
    case 'scoring-changed':
      keys.push(subjectKey({ type: 'ability', ability: change.ability }));
      break;
    case 'edge-added':
    case 'edge-removed':
      keys.push(level(change.ladder, change.level));
      if (change.target.kind === 'level')
        keys.push(level(change.target.ladder, change.target.level));
      break;
  }
  return keys;
}
