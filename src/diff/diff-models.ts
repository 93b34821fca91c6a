/**
 * The semantic diff: two resolved models in, the changes between them in ladder terms out, each
 * classified (see classify.ts), with the version check of every ladder and ability. Pure.
 */
import { diffStatements } from '../model/statement-diff';
import type { Edge, Level, Model, Statement } from '../model/types';
import { Changes } from './changes';
import { diffAbility, diffRole } from './diff-abilities';
import { contentJson as json, matchById } from './match';
import {
  type IdMaps,
  type LadderPair,
  levelKey,
  matchLadders,
  matchParts,
  statementsAt,
  withoutId,
  withoutIdTitle,
} from './pairing';
import { diffPlacement, PLACEMENT_FIELDS } from './placement';
import { scopedNames } from './scoped-names';
import { keysOf, titlesOf } from './titles';
import type { LadderChanges, Subject, VersionUnit } from './types';
import { checkVersions } from './versions';

/** Options of `diffModels`. */
export interface DiffOptions {
  /** Evidence items per dimension when a ladder sets none (`ladder.config.yml`, default 1). */
  readonly evidenceMinimum?: number;
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
  ...PLACEMENT_FIELDS,
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

/** What a statement carries besides its id and text, as lines a text diff can compare. */
function statementDetails(s: Statement): string[] {
  return [
    ...(s.rating !== undefined ? [`rating: ${s.rating}`] : []),
    ...s.examples.map((e) => `example: ${e}`),
    ...s.signals.map((e) => `signal: ${e}`),
    ...s.links.map((l) => `link: ${l.title ?? ''} ${l.url}`.replace(/: +/, ': ')),
  ];
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
  diffPlacement(out, ladder, before, after, unit);

  // Expectations per dimension, in the head's order; a removed dimension's are covered by its
  // removal.
  const dims = pair.dimensions;
  const baseDimension = new Map([...dims.ids].map(([b, a]) => [a, b]));
  for (const dimension of pair.after.dimensions) {
    const from = baseDimension.get(dimension.id);
    const old = from === undefined ? [] : statementsAt(before, from);
    const now = statementsAt(after, dimension.id);
    // Same id, new words: reworded, however different the words.
    const changes = diffStatements(
      old.map((s) => s.text),
      now.map((s) => s.text),
      { ids: { before: old.map((s) => s.id), after: now.map((s) => s.id) } },
    );
    // A statement kept or reworded may have changed its rating, examples, signals or links.
    for (const statement of now) {
      const was =
        old.find((s) => s.id === statement.id) ?? old.find((s) => s.text === statement.text);
      if (was)
        out.text(
          subject,
          `${dimension.id} › ${statement.id}`,
          statementDetails(was),
          statementDetails(statement),
          unit,
        );
    }
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

  out.requirements(subject, before.abilities, after.abilities, maps, unit);

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
    // Where it applies: pages and health read it; what a level requires stays its own.
    out.text(s, 'from', b.from, a.from, unit);
    out.text(s, 'tracks', b.tracks?.join(', '), a.tracks?.join(', '), unit);
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
  const names = scopedNames(base, head);
  const abilities = matchById(
    base.abilities,
    head.abilities,
    {
      exact: (a) => json({ ...withoutId(a), ladder: undefined }),
      loose: (a) => json({ ...withoutIdTitle(a), ladder: undefined }),
    },
    names.ability,
  );
  const removedLevels = new Set([
    ...ladders.removed.flatMap((l) => l.levels.map((x) => levelKey(l.id, x.id))),
    ...pairs.flatMap((p) => p.levels.removed.map((x) => levelKey(p.before.id, x.id))),
  ]);
  const maps: IdMaps = {
    ladders: ladders.ids,
    levels: levelIds,
    abilities: abilities.ids,
    removedLevels,
    names,
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
    (a) => ({ type: 'ability', ability: names.ability(a) }),
    (a) => ({ type: 'ladder', id: a.ladder }),
  );
  for (const { before, after, renamed } of abilities.pairs) {
    if (renamed)
      out.emit(
        {
          kind: 'likely-renamed',
          subject: { type: 'ability', ability: names.ability(after) },
          from: names.ability(before),
        },
        { type: 'ladder', id: after.ladder },
      );
    diffAbility(out, before, after, names.ability(after));
  }

  const roles = matchById(
    base.roles,
    head.roles,
    {
      exact: (r) => json({ ...withoutId(r), ladder: undefined }),
      loose: (r) => (r.description ? json({ ...withoutIdTitle(r), ladder: undefined }) : undefined),
    },
    names.role,
  );
  out.membership(
    roles,
    (r) => ({ type: 'role', role: names.role(r) }),
    (r) => ({ type: 'ladder', id: r.ladder }),
  );
  for (const { before, after, renamed } of roles.pairs) {
    if (renamed)
      out.emit(
        {
          kind: 'likely-renamed',
          subject: { type: 'role', role: names.role(after) },
          from: names.role(before),
        },
        { type: 'ladder', id: after.ladder },
      );
    diffRole(out, before, after, maps);
  }

  const allTitles = new Map<string, string>();
  titlesOf(base, allTitles, names);
  titlesOf(head, allTitles, names);
  const used = new Set(out.list.flatMap(keysOf));
  const versions = checkVersions(
    base,
    head,
    out.list,
    { ladders: ladders.ids, abilities: abilities.ids },
    names,
  );
  for (const v of versions) used.add(`${v.unit.type}:${v.unit.id}`);
  const titles: Record<string, string> = {};
  for (const key of [...used].sort()) {
    const title = allTitles.get(key);
    if (title !== undefined) titles[key] = title;
  }
  return { changes: out.list, versions, titles };
}
