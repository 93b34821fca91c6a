/**
 * What the review holds a packet's sections against, besides a level's own expectations: every
 * expectation of the level, a level's prose, a milestone's summary, signals and examples (as
 * statements with derived ids), and the ladder as seen by a level judged by abilities. Each is
 * made once per level, milestone or ladder.
 */
import { statementIds } from '../model/statement-id';
import type { Ability, Ladder, Level, Model, Statement } from '../model/types';
import { abilityRef } from './milestones';

/** Every expectation of each level, listed once per level (the list is also a cache key). */
const statementsOfLevel = new WeakMap<Level, readonly Statement[]>();

export function levelStatements(level: Level): readonly Statement[] {
  let list = statementsOfLevel.get(level);
  if (!list) {
    list = level.expectations.flatMap((e) => e.statements);
    statementsOfLevel.set(level, list);
  }
  return list;
}

/** A level's prose (or summary) as the statements of the one section it is reviewed as. */
const proseCache = new WeakMap<object, readonly Statement[]>();
export function proseStatements(level: Ladder['levels'][number]): readonly Statement[] {
  let statements = proseCache.get(level);
  if (!statements) {
    const texts = level.prose.length > 0 ? level.prose : level.summary ? [level.summary] : [];
    statements = asStatements(texts);
    proseCache.set(level, statements);
  }
  return statements;
}

/** Plain texts as statements with derived ids. */
function asStatements(texts: readonly string[]): Statement[] {
  const ids = statementIds(texts.map((text) => ({ text })));
  return texts.map((text, i) => ({ id: ids[i] ?? '', text, examples: [], signals: [], links: [] }));
}

/** What a milestone asks, as statements: its summary, signals and examples. */
const milestoneCache = new WeakMap<object, readonly Statement[]>();
export function milestoneStatements(ability: Ability, n: number): readonly Statement[] {
  const milestone = ability.milestones.find((m) => m.number === n);
  if (!milestone) return [];
  let statements = milestoneCache.get(milestone);
  if (!statements) {
    statements = asStatements([
      ...(milestone.summary !== undefined ? [milestone.summary] : []),
      ...milestone.signals,
      ...milestone.examples,
    ]);
    milestoneCache.set(milestone, statements);
  }
  return statements;
}

/**
 * The ladder as the review of a level judged by abilities sees it: its abilities (and those of
 * other ladders its levels name) as the sections a packet has, in their groups.
 */
const abilityLadders = new WeakMap<Ladder, Ladder>();
export function abilityLadder(model: Model, ladder: Ladder): Ladder {
  let known = abilityLadders.get(ladder);
  if (!known) {
    const own = model.abilities.filter((a) => a.ladder === ladder.id);
    const named = ladder.levels.flatMap((l) => l.abilities);
    const others = model.abilities.filter(
      (a) =>
        a.ladder !== ladder.id && named.some((r) => r.ladder === a.ladder && r.ability === a.id),
    );
    known = {
      ...ladder,
      dimensions: [...own, ...others].map((a) => ({
        id: abilityRef(model, ladder.id, a),
        title: a.title,
        ...(a.group !== undefined && a.ladder === ladder.id ? { group: a.group } : {}),
        owners: a.owners,
        aliases: [],
      })),
    };
    abilityLadders.set(ladder, known);
  }
  return known;
}
