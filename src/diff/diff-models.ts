/**
 * The semantic diff: two resolved models in, the changes between them in ladder terms out, each
 * classified (see classify.ts), with the version check of every ladder and ability. Pure.
 */
import { diffStatements } from '../model/statement-diff';
import type {
  Ability,
  Dimension,
  Edge,
  Group,
  Ladder,
  Level,
  MilestoneRequirement,
  Model,
  Role,
  Thread,
} from '../model/types';
import { classify } from './classify';
import { contentJson as json, type Matching, matchById, textLines } from './match';
import type {
  ChangeBody,
  Holder,
  LadderChange,
  LadderChanges,
  Subject,
  VersionUnit,
} from './types';
import { subjectKey } from './types';
import { checkVersions } from './versions';

/** Options of `diffModels`. */
export interface DiffOptions {
  /** Evidence items per dimension when a ladder sets none (`ladder.config.yml`, default 1). */
  readonly evidenceMinimum?: number;
}

/** Level keys are `ladder/level`. */
function levelKey(ladder: string, level: string): string {
  return `${ladder}/${level}`;
}

function withoutId<T extends { readonly id: string }>(item: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = item;
  return rest;
}

function withoutIdTitle<T extends { readonly id: string; readonly title: string }>(
  item: T,
): Omit<T, 'id' | 'title'> {
  const { id: _id, title: _title, ...rest } = item;
  return rest;
}

/** The statements of one dimension at one level. */
function statementsAt(level: Level, dimension: string): readonly string[] {
  return (level.expectations.find((e) => e.dimension === dimension)?.statements ?? []).map(
    (s) => s.text,
  );
}

/** Matching of a ladder pair's parts, computed before any change is emitted. */
interface LadderPair {
  readonly before: Ladder;
  readonly after: Ladder;
  readonly renamed: boolean;
  readonly groups: Matching<Group>;
  readonly dimensions: Matching<Dimension>;
  readonly levels: Matching<Level>;
  readonly threads: Matching<Thread>;
}

function matchLadders(base: Model, head: Model): Matching<Ladder> {
  // A ladder's own id appears in its edges and abilities; leave it out of its content.
  const content = (l: Ladder) =>
    json(withoutIdTitle(l)).split(JSON.stringify(l.id)).join('"$self"');
  return matchById(base.ladders, head.ladders, {
    exact: (l) => `${JSON.stringify(l.title)}${content(l)}`,
    loose: content,
  });
}

function matchParts(before: Ladder, after: Ladder, renamed: boolean): LadderPair {
  const groups = matchById(before.groups, after.groups, {
    exact: (g) => json(withoutId(g)),
    loose: (g) => (g.description ? json(withoutIdTitle(g)) : undefined),
  });
  // Only levels on both sides count, so a dimension re-id'd while a level went away still matches.
  const common = new Set(
    before.levels.filter((l) => after.levels.some((a) => a.id === l.id)).map((l) => l.id),
  );
  const dimensionContent = (ladder: Ladder, d: Dimension) => ({
    description: d.description,
    expectations: ladder.levels
      .filter((l) => common.has(l.id))
      .map((l): [string, readonly string[]] => [l.id, statementsAt(l, d.id)]),
  });
  const dimensions = matchById(before.dimensions, after.dimensions, {
    exact: (d) =>
      json({
        title: d.title,
        ...dimensionContent(before.dimensions.includes(d) ? before : after, d),
      }),
    loose: (d) => {
      const c = dimensionContent(before.dimensions.includes(d) ? before : after, d);
      return c.description || c.expectations.some(([, s]) => s.length > 0) ? json(c) : undefined;
    },
  });
  const levels = matchById(before.levels, after.levels, {
    exact: (l) => json(withoutId(l)),
    loose: (l) =>
      l.expectations.length > 0 || l.prose.length > 0 ? json(withoutIdTitle(l)) : undefined,
  });
  const threads = matchById(before.threads, after.threads, {
    exact: (t) => json(withoutId(t)),
    loose: (t) => (t.steps.length > 0 ? json(withoutIdTitle(t)) : undefined),
  });
  return { before, after, renamed, groups, dimensions, levels, threads };
}

/** Collects changes with their classification and the version they count against. */
class Changes {
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
    abilityIds: ReadonlyMap<string, string>,
    unit: VersionUnit,
  ): void {
    const b = new Map(before.map((r) => [abilityIds.get(r.ability) ?? r.ability, r.milestone]));
    const a = new Map(after.map((r) => [r.ability, r.milestone]));
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

/** Fields of a level that get their own kinds of change; the rest are compared as text. */
const LEVEL_STRUCTURE = new Set([
  'id',
  'title',
  'origin',
  'expectations',
  'requires',
  'requiresExplicit',
  'abilities',
  'next',
]);
const LADDER_STRUCTURE = new Set([
  'id',
  'title',
  'version',
  'origin',
  'owners',
  'evidenceMinimum',
  'groups',
  'dimensions',
  'levels',
  'threads',
]);

function otherFields<T extends object>(
  before: T,
  after: T,
  structural: ReadonlySet<string>,
): [string, unknown, unknown][] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !structural.has(k))
    .map((k) => [k, (before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k]]);
}

/** Maps base ids to head ids across the whole model, for edges between ladders. */
interface IdMaps {
  readonly ladders: ReadonlyMap<string, string>;
  /** `baseLadder/baseLevel` → `headLadder/headLevel`. */
  readonly levels: ReadonlyMap<string, string>;
  readonly abilities: ReadonlyMap<string, string>;
  /** Base `ladder/level` keys of levels that were removed (edges to them go with them). */
  readonly removedLevels: ReadonlySet<string>;
}

function edgeKey(edge: Edge, maps?: IdMaps): string {
  if (edge.kind === 'planned') return `planned:${edge.title}`;
  const key = levelKey(edge.ladder, edge.level);
  return `level:${maps ? (maps.levels.get(key) ?? key) : key}`;
}

function diffLevel(
  out: Changes,
  pair: LadderPair,
  before: Level,
  after: Level,
  maps: IdMaps,
  unit: VersionUnit,
): void {
  const ladder = pair.after.id;
  const subject: Subject = { type: 'level', ladder, level: after.id };
  if (before.title !== after.title)
    out.emit({ kind: 'renamed', subject, before: before.title, after: after.title }, unit);
  for (const [field, b, a] of otherFields(before, after, LEVEL_STRUCTURE))
    out.text(subject, field, b, a, unit);

  // Expectations per dimension, in the head's order; a removed dimension's are covered by its
  // removal.
  const dims = pair.dimensions;
  const baseDimension = new Map([...dims.ids].map(([b, a]) => [a, b]));
  for (const dimension of pair.after.dimensions) {
    const from = baseDimension.get(dimension.id);
    const changes = diffStatements(
      from === undefined ? [] : statementsAt(before, from),
      statementsAt(after, dimension.id),
    );
    for (const c of changes) {
      const where = { ladder, level: after.id, dimension: dimension.id };
      if (c.kind === 'added') out.emit({ kind: 'expectation-added', ...where, text: c.text }, unit);
      else if (c.kind === 'removed')
        out.emit({ kind: 'expectation-removed', ...where, text: c.text }, unit);
      else if (c.kind === 'reworded')
        out.emit(
          {
            kind: 'expectation-reworded',
            ...where,
            before: c.before,
            after: c.after,
            words: c.words,
          },
          unit,
        );
    }
  }

  const removedDims = new Set(dims.removed.map((d) => d.id));
  const wasRequired = new Set(
    before.requires.filter((d) => !removedDims.has(d)).map((d) => dims.ids.get(d) ?? d),
  );
  const isRequired = new Set(after.requires);
  for (const d of after.requires)
    if (!wasRequired.has(d))
      out.emit({ kind: 'required-dimension-added', ladder, level: after.id, dimension: d }, unit);
  for (const d of wasRequired)
    if (!isRequired.has(d))
      out.emit({ kind: 'required-dimension-removed', ladder, level: after.id, dimension: d }, unit);

  out.requirements(subject, before.abilities, after.abilities, maps.abilities, unit);

  const beforeEdges = new Map(before.next.map((e) => [edgeKey(e, maps), e]));
  const afterEdges = new Map(after.next.map((e) => [edgeKey(e), e]));
  for (const [key, target] of afterEdges)
    if (!beforeEdges.has(key))
      out.emit({ kind: 'edge-added', ladder, level: after.id, target }, unit);
  for (const [key, target] of beforeEdges)
    if (
      !afterEdges.has(key) &&
      !(target.kind === 'level' && maps.removedLevels.has(levelKey(target.ladder, target.level)))
    )
      out.emit({ kind: 'edge-removed', ladder, level: after.id, target }, unit);
}

function diffLadder(out: Changes, pair: LadderPair, maps: IdMaps, evidenceMinimum: number): void {
  const { before, after } = pair;
  const ladder = after.id;
  const unit: VersionUnit = { type: 'ladder', id: ladder };
  const subject: Subject = { type: 'ladder', ladder };
  if (pair.renamed) out.emit({ kind: 'likely-renamed', subject, from: before.id }, unit);
  if (before.title !== after.title)
    out.emit({ kind: 'renamed', subject, before: before.title, after: after.title }, unit);
  for (const [field, b, a] of otherFields(before, after, LADDER_STRUCTURE))
    out.text(subject, field, b, a, unit);
  out.owners(subject, before.owners, after.owners, unit);
  const wasMinimum = before.evidenceMinimum ?? evidenceMinimum;
  const isMinimum = after.evidenceMinimum ?? evidenceMinimum;
  if (wasMinimum !== isMinimum)
    out.emit(
      {
        kind: isMinimum > wasMinimum ? 'requirement-raised' : 'requirement-lowered',
        holder: subject,
        requirement: { type: 'evidence' },
        before: wasMinimum,
        after: isMinimum,
      },
      unit,
    );

  // Groups.
  out.membership(
    pair.groups,
    (g) => ({ type: 'group', ladder, group: g.id }),
    () => unit,
  );
  for (const { before: b, after: a, renamed } of pair.groups.pairs) {
    const s: Subject = { type: 'group', ladder, group: a.id };
    if (renamed) out.emit({ kind: 'likely-renamed', subject: s, from: b.id }, unit);
    if (b.title !== a.title)
      out.emit({ kind: 'renamed', subject: s, before: b.title, after: a.title }, unit);
    out.text(s, 'description', b.description, a.description, unit);
    out.owners(s, b.owners, a.owners, unit);
  }

  // Dimensions.
  out.membership(
    pair.dimensions,
    (d) => ({ type: 'dimension', ladder, dimension: d.id }),
    () => unit,
  );
  for (const { before: b, after: a, renamed } of pair.dimensions.pairs) {
    const s: Subject = { type: 'dimension', ladder, dimension: a.id };
    if (renamed) out.emit({ kind: 'likely-renamed', subject: s, from: b.id }, unit);
    if (b.title !== a.title)
      out.emit({ kind: 'renamed', subject: s, before: b.title, after: a.title }, unit);
    const group = b.group === undefined ? undefined : (pair.groups.ids.get(b.group) ?? b.group);
    out.text(s, 'group', group, a.group, unit);
    out.text(s, 'description', b.description, a.description, unit);
    out.owners(s, b.owners, a.owners, unit);
  }

  // Levels, in the head's order; removed ones first.
  for (const l of pair.levels.removed)
    out.emit({ kind: 'removed', subject: { type: 'level', ladder, level: l.id } }, unit);
  const byHead = new Map(pair.levels.pairs.map((p) => [p.after.id, p]));
  const added = new Set(pair.levels.added.map((l) => l.id));
  for (const level of after.levels) {
    if (added.has(level.id)) {
      out.emit({ kind: 'added', subject: { type: 'level', ladder, level: level.id } }, unit);
      continue;
    }
    const p = byHead.get(level.id);
    if (!p) continue;
    if (p.renamed)
      out.emit(
        {
          kind: 'likely-renamed',
          subject: { type: 'level', ladder, level: level.id },
          from: p.before.id,
        },
        unit,
      );
    diffLevel(out, pair, p.before, p.after, maps, unit);
  }

  // Threads.
  out.membership(
    pair.threads,
    (t) => ({ type: 'thread', ladder, thread: t.id }),
    () => unit,
  );
  for (const { before: b, after: a, renamed } of pair.threads.pairs) {
    const s: Subject = { type: 'thread', ladder, thread: a.id };
    if (renamed) out.emit({ kind: 'likely-renamed', subject: s, from: b.id }, unit);
    if (b.title !== a.title)
      out.emit({ kind: 'renamed', subject: s, before: b.title, after: a.title }, unit);
    out.text(s, 'subtitle', b.subtitle, a.subtitle, unit);
    out.text(s, 'summary', b.summary, a.summary, unit);
    const bSteps = new Map(
      b.steps.map((st) => [pair.levels.ids.get(st.level) ?? st.level, st.text]),
    );
    const aSteps = new Map(a.steps.map((st) => [st.level, st.text]));
    for (const level of new Set([...aSteps.keys(), ...bSteps.keys()]))
      out.text(s, `step at ${level}`, bSteps.get(level), aSteps.get(level), unit);
  }
}

function diffAbility(out: Changes, before: Ability, after: Ability): void {
  const unit: VersionUnit = { type: 'ability', id: after.id };
  const subject: Subject = { type: 'ability', ability: after.id };
  if (before.title !== after.title)
    out.emit({ kind: 'renamed', subject, before: before.title, after: after.title }, unit);
  out.text(subject, 'description', before.description, after.description, unit);
  out.owners(subject, before.owners, after.owners, unit);
  const count = Math.max(before.milestones.length, after.milestones.length);
  for (let n = 1; n <= count; n += 1) {
    const b = before.milestones[n - 1];
    const a = after.milestones[n - 1];
    const s: Subject = { type: 'milestone', ability: after.id, milestone: n };
    if (!a) out.emit({ kind: 'removed', subject: s }, unit);
    else if (!b) out.emit({ kind: 'added', subject: s }, unit);
    else {
      if (b.points !== a.points)
        out.emit(
          {
            kind: 'points-changed',
            ability: after.id,
            milestone: n,
            before: b.points,
            after: a.points,
          },
          unit,
        );
      out.text(s, 'examples', b.examples, a.examples, unit);
    }
  }
}

function diffRole(out: Changes, before: Role, after: Role, maps: IdMaps): void {
  const unit: VersionUnit = { type: 'ladder', id: after.ladder };
  const subject: Subject = { type: 'role', role: after.id };
  if (before.title !== after.title)
    out.emit({ kind: 'renamed', subject, before: before.title, after: after.title }, unit);
  out.text(subject, 'description', before.description, after.description, unit);
  out.requirements(subject, before.requires, after.requires, maps.abilities, unit);
}

/** Titles of every subject in a model, by subject key. */
function titlesOf(model: Model, into: Map<string, string>): void {
  const put = (s: Subject, title: string) => into.set(subjectKey(s), title);
  for (const l of model.ladders) {
    put({ type: 'ladder', ladder: l.id }, l.title);
    for (const x of l.levels) put({ type: 'level', ladder: l.id, level: x.id }, x.title);
    for (const x of l.dimensions)
      put({ type: 'dimension', ladder: l.id, dimension: x.id }, x.title);
    for (const x of l.groups) put({ type: 'group', ladder: l.id, group: x.id }, x.title);
    for (const x of l.threads) put({ type: 'thread', ladder: l.id, thread: x.id }, x.title);
  }
  for (const a of model.abilities) put({ type: 'ability', ability: a.id }, a.title);
  for (const r of model.roles) put({ type: 'role', role: r.id }, r.title);
}

/** The subject keys a change names, so the titles table holds just those. */
function keysOf(change: LadderChange): string[] {
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
    case 'edge-added':
    case 'edge-removed':
      keys.push(level(change.ladder, change.level));
      if (change.target.kind === 'level')
        keys.push(level(change.target.ladder, change.target.level));
      break;
  }
  return keys;
}

/** Compares two models: every change in ladder terms, classified, and the version checks. */
export function diffModels(base: Model, head: Model, options: DiffOptions = {}): LadderChanges {
  const out = new Changes();
  const evidenceMinimum = options.evidenceMinimum ?? 1;

  const ladders = matchLadders(base, head);
  const pairs = ladders.pairs.map((p) => matchParts(p.before, p.after, p.renamed));
  const levelIds = new Map<string, string>();
  for (const p of pairs)
    for (const l of p.levels.pairs)
      levelIds.set(levelKey(p.before.id, l.before.id), levelKey(p.after.id, l.after.id));
  const abilities = matchById(base.abilities, head.abilities, {
    exact: (a) => json({ ...withoutId(a), ladder: undefined }),
    loose: (a) => json({ ...withoutIdTitle(a), ladder: undefined }),
  });
  const removedLevels = new Set([
    ...ladders.removed.flatMap((l) => l.levels.map((x) => levelKey(l.id, x.id))),
    ...pairs.flatMap((p) => p.levels.removed.map((x) => levelKey(p.before.id, x.id))),
  ]);
  const maps: IdMaps = {
    ladders: ladders.ids,
    levels: levelIds,
    abilities: abilities.ids,
    removedLevels,
  };

  out.membership(
    ladders,
    (l) => ({ type: 'ladder', ladder: l.id }),
    (l) => ({ type: 'ladder', id: l.id }),
  );
  for (const pair of pairs) diffLadder(out, pair, maps, evidenceMinimum);

  // Adding, removing or re-iding an ability changes the ladder file that declares it; what
  // happens inside an ability counts against the ability's own version.
  out.membership(
    abilities,
    (a) => ({ type: 'ability', ability: a.id }),
    (a) => ({ type: 'ladder', id: a.ladder }),
  );
  for (const { before, after, renamed } of abilities.pairs) {
    if (renamed)
      out.emit(
        {
          kind: 'likely-renamed',
          subject: { type: 'ability', ability: after.id },
          from: before.id,
        },
        { type: 'ladder', id: after.ladder },
      );
    diffAbility(out, before, after);
  }

  const roles = matchById(base.roles, head.roles, {
    exact: (r) => json({ ...withoutId(r), ladder: undefined }),
    loose: (r) => (r.description ? json({ ...withoutIdTitle(r), ladder: undefined }) : undefined),
  });
  out.membership(
    roles,
    (r) => ({ type: 'role', role: r.id }),
    (r) => ({ type: 'ladder', id: r.ladder }),
  );
  for (const { before, after, renamed } of roles.pairs) {
    if (renamed)
      out.emit(
        { kind: 'likely-renamed', subject: { type: 'role', role: after.id }, from: before.id },
        { type: 'ladder', id: after.ladder },
      );
    diffRole(out, before, after, maps);
  }

  const allTitles = new Map<string, string>();
  titlesOf(base, allTitles);
  titlesOf(head, allTitles);
  const used = new Set(out.list.flatMap(keysOf));
  const versions = checkVersions(base, head, out.list, {
    ladders: ladders.ids,
    abilities: abilities.ids,
  });
  for (const v of versions) used.add(`${v.unit.type}:${v.unit.id}`);
  const titles: Record<string, string> = {};
  for (const key of [...used].sort()) {
    const title = allTitles.get(key);
    if (title !== undefined) titles[key] = title;
  }
  return { changes: out.list, versions, titles };
}
