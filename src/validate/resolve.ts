/** Builds the resolved model from ladder files that passed validation: defaults filled in. */
import type { PartName, RawEdge, RawLadder, RawNamed, RawStatement } from '../model/raw';
import { type ScopedIndex, scopedIndex, splitScoped } from '../model/scoped';
import { statementIds } from '../model/statement-id';
import type {
  Ability,
  Edge,
  Ladder,
  Level,
  MilestoneRequirement,
  Model,
  Named,
  Part,
  Role,
  Statement,
} from '../model/types';
import { type LadderSource, requiredDimensions } from './rule';

/** Resolves bare and `ladder/` ability references to the ladder that declares the ability. */
type AbilityRefs = ScopedIndex<{ readonly id: string }>;

function requirements(
  record: Readonly<Record<string, number>> | undefined,
  ladderId: string,
  abilities: AbilityRefs,
): MilestoneRequirement[] {
  return Object.entries(record ?? {}).map(([ref, milestone]) => {
    const found = abilities.resolve(ladderId, ref);
    // Validation reports references that do not resolve; such a file never reaches the model.
    const ladder = found.kind === 'found' ? found.ladder : (splitScoped(ref).ladder ?? ladderId);
    return { ladder, ability: splitScoped(ref).id, milestone };
  });
}

/**
 * The lists a ladder leaves out share one empty list: a statement has three lists and a level
 * seven, so at 1,000 ladders a fresh empty array for each was a million objects for every full
 * garbage collection to mark.
 */
const NONE: readonly never[] = Object.freeze([]);

/** A copy of a list, or the shared empty one. */
function listOf<T>(items: readonly T[] | undefined): readonly T[] {
  return items && items.length > 0 ? [...items] : NONE;
}

function named(items: readonly RawNamed[] | undefined): Named[] {
  return (items ?? []).map((n) => ({
    id: n.id,
    title: n.title,
    ...optional({ description: n.description }),
  }));
}

function statement(raw: RawStatement, id: string): Statement {
  if (typeof raw === 'string') return { id, text: raw, examples: NONE, signals: NONE, links: NONE };
  return {
    id,
    text: raw.text,
    ...optional({ rating: raw.rating }),
    examples: listOf(raw.examples),
    signals: listOf(raw.signals),
    links: raw.links?.length
      ? raw.links.map((l) => ({ url: l.url, ...optional({ title: l.title }) }))
      : NONE,
  };
}

function edge(raw: RawEdge, ladderId: string): Edge {
  if (typeof raw !== 'string')
    return { kind: 'planned', title: raw.planned, ...optional({ track: raw.track }) };
  const slash = raw.indexOf('/');
  return slash < 0
    ? { kind: 'level', ladder: ladderId, level: raw }
    : { kind: 'level', ladder: raw.slice(0, slash), level: raw.slice(slash + 1) };
}

/** Copies only the optional keys that are set (exactOptionalPropertyTypes forbids `undefined`). */
function optional<T extends object>(values: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function resolveLevel(
  source: LadderSource,
  raw: RawLadder['levels'][number],
  index: number,
  abilities: AbilityRefs,
): Level {
  const { ladder } = source;
  const order = (ladder.dimensions ?? []).map((d) => d.id);
  const written = order
    .filter((id) => (raw.expectations?.[id]?.length ?? 0) > 0)
    .map((id) => ({ dimension: id, statements: raw.expectations?.[id] ?? [] }));
  // Ids are unique within the level, so they are assigned over all its statements at once.
  const ids = statementIds(
    written.flatMap((e) => e.statements.map((s) => (typeof s === 'string' ? { text: s } : s))),
  );
  let next = 0;
  const expectations = written.map((e) => ({
    dimension: e.dimension,
    statements: e.statements.map((s) => {
      next += 1;
      return statement(s, ids[next - 1] ?? '');
    }),
  }));
  const required = new Set(requiredDimensions(raw));
  const following = ladder.levels[index + 1];
  const edges = raw.next ?? (following ? [following.id] : []);
  return {
    id: raw.id,
    title: raw.title,
    ...optional({ label: raw.label, grade: raw.grade, track: raw.track, band: raw.band }),
    origin: { file: source.file.path, line: source.lines.levels[index] ?? 1 },
    formerly: listOf(raw.formerly),
    aliases: listOf(raw.aliases),
    ...optional({ theme: raw.theme }),
    focus: listOf(raw.focus),
    ...optional({ summary: raw.summary }),
    prose: listOf(raw.prose),
    ...optional({ transition: raw.transition, impact: raw.impact, influence: raw.influence }),
    expectations,
    requires: order.filter((id) => required.has(id)),
    requiresExplicit: raw.requires !== undefined,
    abilities: requirements(raw.abilities, ladder.id, abilities),
    ...(raw.points ? { points: { min: raw.points.min } } : {}),
    next: edges.map((e) => edge(e, ladder.id)),
  };
}

/** Every part `parts` can name, in the order the pages show them. */
const PART_NAMES: readonly PartName[] = [
  'description',
  'levels',
  'aliases',
  'themes',
  'threads',
  'questions',
  'signals',
  'areas',
  'sections',
  'abilities',
  'roles',
];

function resolveParts(raw: RawLadder['parts']): Ladder['parts'] {
  const part = (name: PartName): Part => {
    const p = raw?.[name];
    return optional({ title: p?.title, intro: p?.intro, source: p?.source });
  };
  return Object.fromEntries(PART_NAMES.map((name) => [name, part(name)])) as Ladder['parts'];
}

function resolveLadder(source: LadderSource, abilities: AbilityRefs): Ladder {
  const { ladder, file } = source;
  const levelOrder = ladder.levels.map((l) => l.id);
  return {
    id: ladder.id,
    title: ladder.title,
    ...optional({
      version: ladder.version,
      description: ladder.description,
      cumulative: ladder.cumulative,
    }),
    origin: { file: file.path, line: 1 },
    source: (ladder.source ?? []).map((s) => ({
      ...optional({ id: s.id }),
      title: s.title,
      ...optional({ url: s.url, note: s.note }),
      details: Object.entries(s.details ?? {}).map(([label, text]) => ({ label, text })),
    })),
    parts: resolveParts(ladder.parts),
    owners: [...(ladder.owners ?? [])],
    ...optional({ evidenceMinimum: ladder.evidence?.minimum }),
    groups: (ladder.groups ?? []).map((g) => ({
      id: g.id,
      title: g.title,
      ...optional({ description: g.description }),
      owners: [...(g.owners ?? [])],
    })),
    dimensions: (ladder.dimensions ?? []).map((d, i) => ({
      id: d.id,
      title: d.title,
      ...optional({ group: d.group, description: d.description }),
      owners: [...(d.owners ?? [])],
      aliases: [...(d.aliases ?? [])],
      origin: { file: file.path, line: source.lines.dimensions[i] ?? 1 },
      ...optional({ from: d.from }),
      ...(d.tracks !== undefined ? { tracks: [...d.tracks] } : {}),
    })),
    levels: ladder.levels.map((level, i) => resolveLevel(source, level, i, abilities)),
    threads: (ladder.threads ?? []).map((t) => ({
      id: t.id,
      title: t.title,
      ...optional({ subtitle: t.subtitle, summary: t.summary }),
      steps: levelOrder
        .filter((id) => Object.hasOwn(t.steps, id))
        .map((id) => ({ level: id, text: t.steps[id] as string })),
    })),
    signals: (ladder.signals ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      tone: s.tone,
      items: [...s.items],
    })),
    questions: (ladder.questions ?? []).map((q) => ({
      text: q.text,
      ...optional({ focus: q.focus }),
    })),
    areas: (ladder.areas ?? []).map((a) => ({
      id: a.id,
      title: a.title,
      ...optional({ description: a.description }),
    })),
    sections: (ladder.sections ?? []).map((s) => ({
      title: s.title,
      ...optional({ subtitle: s.subtitle, source: s.source }),
      paragraphs: [...(s.paragraphs ?? [])],
      items: (s.items ?? []).map((item) =>
        typeof item === 'string' ? { text: item } : { ...item },
      ),
      ...optional({ closing: s.closing }),
    })),
    tracks: named(ladder.tracks),
    bands: named(ladder.bands),
    ratings: named(ladder.ratings),
  };
}

/** Resolves schema- and rule-clean ladder files into the model, sorted by id. */
export function resolveModel(sources: readonly LadderSource[]): Model {
  const ordered = [...sources].sort((a, b) =>
    a.ladder.id < b.ladder.id ? -1 : a.ladder.id > b.ladder.id ? 1 : 0,
  );
  const refs: AbilityRefs = scopedIndex(
    ordered.flatMap(({ ladder }) => (ladder.abilities ?? []).map((a) => [ladder.id, a] as const)),
  );
  const abilities: Ability[] = [];
  const roles: Role[] = [];
  for (const { ladder, file, lines } of ordered) {
    ladder.abilities?.forEach((a, i) => {
      const first = a.firstMilestone ?? 1;
      abilities.push({
        id: a.id,
        title: a.title,
        ...optional({ group: a.group, version: a.version, description: a.description }),
        owners: [...(a.owners ?? [])],
        ladder: ladder.id,
        origin: { file: file.path, line: lines.abilities[i] ?? 1 },
        scoring: a.scoring ?? 'added',
        milestones: a.milestones.map((m, k) => ({
          number: k + first,
          points: m.points,
          ...optional({ label: m.label, summary: m.summary }),
          examples: [...(m.examples ?? [])],
          signals: [...(m.signals ?? [])],
        })),
      });
    });
    ladder.roles?.forEach((r, i) =>
      roles.push({
        id: r.id,
        title: r.title,
        ...optional({ description: r.description }),
        ladder: ladder.id,
        origin: { file: file.path, line: lines.roles[i] ?? 1 },
        requires: requirements(r.requires, ladder.id, refs),
        ...(r.points ? { points: optional({ min: r.points.min, max: r.points.max }) } : {}),
      }),
    );
  }
  return { ladders: ordered.map((s) => resolveLadder(s, refs)), abilities, roles };
}
