/** Builds the resolved model from ladder files that passed validation: defaults filled in. */
import type { PartName, RawEdge, RawLadder } from '../model/raw';
import type {
  Ability,
  Edge,
  Ladder,
  Level,
  MilestoneRequirement,
  Model,
  Part,
  Role,
} from '../model/types';
import { type LadderSource, requiredDimensions } from './rule';

function requirements(
  record: Readonly<Record<string, number>> | undefined,
): MilestoneRequirement[] {
  return Object.entries(record ?? {}).map(([ability, milestone]) => ({ ability, milestone }));
}

function edge(raw: RawEdge, ladderId: string): Edge {
  if (typeof raw !== 'string') return { kind: 'planned', title: raw.planned };
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
): Level {
  const { ladder } = source;
  const order = (ladder.dimensions ?? []).map((d) => d.id);
  const expectations = order
    .filter((id) => (raw.expectations?.[id]?.length ?? 0) > 0)
    .map((id) => ({ dimension: id, statements: [...(raw.expectations?.[id] ?? [])] }));
  const required = new Set(requiredDimensions(raw));
  const following = ladder.levels[index + 1];
  const next = raw.next ?? (following ? [following.id] : []);
  return {
    id: raw.id,
    title: raw.title,
    origin: { file: source.file.path, line: source.lines.levels[index] ?? 1 },
    formerly: [...(raw.formerly ?? [])],
    aliases: [...(raw.aliases ?? [])],
    ...optional({ theme: raw.theme }),
    focus: [...(raw.focus ?? [])],
    ...optional({ summary: raw.summary }),
    prose: [...(raw.prose ?? [])],
    ...optional({ transition: raw.transition, impact: raw.impact, influence: raw.influence }),
    expectations,
    requires: order.filter((id) => required.has(id)),
    requiresExplicit: raw.requires !== undefined,
    abilities: requirements(raw.abilities),
    next: next.map((e) => edge(e, ladder.id)),
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

function resolveLadder(source: LadderSource): Ladder {
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
    dimensions: (ladder.dimensions ?? []).map((d) => ({
      id: d.id,
      title: d.title,
      ...optional({ group: d.group, description: d.description }),
      owners: [...(d.owners ?? [])],
      aliases: [...(d.aliases ?? [])],
    })),
    levels: ladder.levels.map((level, i) => resolveLevel(source, level, i)),
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
  };
}

/** Resolves schema- and rule-clean ladder files into the model, sorted by id. */
export function resolveModel(sources: readonly LadderSource[]): Model {
  const ordered = [...sources].sort((a, b) =>
    a.ladder.id < b.ladder.id ? -1 : a.ladder.id > b.ladder.id ? 1 : 0,
  );
  const abilities: Ability[] = [];
  const roles: Role[] = [];
  for (const { ladder, file, lines } of ordered) {
    ladder.abilities?.forEach((a, i) =>
      abilities.push({
        id: a.id,
        title: a.title,
        ...optional({ version: a.version, description: a.description }),
        owners: [...(a.owners ?? [])],
        ladder: ladder.id,
        origin: { file: file.path, line: lines.abilities[i] ?? 1 },
        milestones: a.milestones.map((m, k) => ({
          number: k + 1,
          points: m.points,
          ...optional({ label: m.label }),
          examples: [...m.examples],
        })),
      }),
    );
    ladder.roles?.forEach((r, i) =>
      roles.push({
        id: r.id,
        title: r.title,
        ...optional({ description: r.description }),
        ladder: ladder.id,
        origin: { file: file.path, line: lines.roles[i] ?? 1 },
        requires: requirements(r.requires),
      }),
    );
  }
  return { ladders: ordered.map(resolveLadder), abilities, roles };
}
