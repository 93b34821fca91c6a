/**
 * The JSON exports: one file per ladder (the resolved model of that ladder file) and an index.
 * The shapes below are the documented contract for other tools; they are built field by field
 * so that a change to the internal model never changes them by accident. Optional fields are
 * left out when the ladder does not set them; paths are relative to the pages folder.
 */
import type { Ability, Edge, Ladder, Model, Named, Role, Statement } from '../model/types';
import type {
  AbilityExport,
  IndexExport,
  LadderFileExport,
  RoleExport,
  StatementExport,
} from './export-types';
import exportSchema from './ladder-export.schema.json';
import { markerText, toolMarkerText } from './marker';
import {
  abilityPage,
  aboutPage,
  EXPORT_SCHEMA,
  ladderCsv,
  ladderJson,
  ladderPage,
  levelPage,
} from './paths';

/** Identifies the format of an export and its version; bumped only on breaking changes. */
export const EXPORT_FORMAT_VERSION = 1;

/** Only the keys whose value is set: the exports leave absent optional fields out. */
function defined<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function abilityExport(a: Ability): AbilityExport {
  return {
    id: a.id,
    title: a.title,
    ...defined({ version: a.version, description: a.description }),
    owners: [...a.owners],
    page: abilityPage(a.ladder, a.id),
    ...defined({ group: a.group }),
    scoring: a.scoring,
    milestones: a.milestones.map((m) => ({
      number: m.number,
      points: m.points,
      ...defined({ label: m.label, summary: m.summary }),
      examples: [...m.examples],
      signals: [...m.signals],
    })),
  };
}

function roleExport(r: Role): RoleExport {
  return {
    id: r.id,
    title: r.title,
    ...defined({ description: r.description }),
    requires: r.requires.map((q) => ({
      ladder: q.ladder,
      ability: q.ability,
      milestone: q.milestone,
    })),
    ...(r.points ? { points: defined({ min: r.points.min, max: r.points.max }) } : {}),
  };
}

function namedExport(items: readonly Named[]): Named[] {
  return items.map((n) => ({
    id: n.id,
    title: n.title,
    ...defined({ description: n.description }),
  }));
}

function statementExport(s: Statement): StatementExport {
  return {
    id: s.id,
    text: s.text,
    ...defined({ rating: s.rating }),
    examples: [...s.examples],
    signals: [...s.signals],
    links: s.links.map((l) => ({ url: l.url, ...defined({ title: l.title }) })),
  };
}

function edgeExport(e: Edge): Edge {
  return e.kind === 'planned'
    ? { kind: 'planned', title: e.title, ...defined({ track: e.track }) }
    : { kind: 'level', ladder: e.ladder, level: e.level };
}

/** The export of one ladder (with the abilities and roles its file declares). */
export function ladderExport(model: Model, ladder: Ladder, command: string): LadderFileExport {
  const file = ladder.origin.file;
  return {
    $comment: markerText([file], command),
    $schema: EXPORT_SCHEMA,
    format: 'ladder-as-code/ladder',
    formatVersion: EXPORT_FORMAT_VERSION,
    source: file,
    ladder: {
      id: ladder.id,
      title: ladder.title,
      ...defined({
        version: ladder.version,
        description: ladder.description,
        cumulative: ladder.cumulative,
      }),
      page: ladderPage(ladder.id),
      ...defined({ about: ladder.sections.length > 0 ? aboutPage(ladder.id) : undefined }),
      source: ladder.source.map((s) => ({
        ...defined({ id: s.id }),
        title: s.title,
        ...defined({ url: s.url, note: s.note }),
        details: s.details.map((d) => ({ label: d.label, text: d.text })),
      })),
      parts: Object.fromEntries(
        Object.entries(ladder.parts)
          .filter(([, p]) => Object.keys(p).length > 0)
          .map(([name, p]) => [
            name,
            defined({ title: p.title, intro: p.intro, source: p.source }),
          ]),
      ),
      owners: [...ladder.owners],
      ...defined({ evidenceMinimum: ladder.evidenceMinimum }),
      groups: ladder.groups.map((g) => ({
        id: g.id,
        title: g.title,
        ...defined({ description: g.description }),
        owners: [...g.owners],
      })),
      dimensions: ladder.dimensions.map((d) => ({
        id: d.id,
        title: d.title,
        ...defined({ group: d.group, description: d.description }),
        owners: [...d.owners],
        ...defined({ from: d.from }),
        ...(d.tracks !== undefined ? { tracks: [...d.tracks] } : {}),
      })),
      tracks: namedExport(ladder.tracks),
      bands: namedExport(ladder.bands),
      ratings: namedExport(ladder.ratings),
      levels: ladder.levels.map((l) => ({
        id: l.id,
        title: l.title,
        ...defined({ label: l.label, grade: l.grade, track: l.track, band: l.band }),
        page: levelPage(ladder.id, l.id),
        formerly: [...l.formerly],
        aliases: [...l.aliases],
        ...defined({ theme: l.theme }),
        focus: [...l.focus],
        ...defined({ summary: l.summary }),
        prose: [...l.prose],
        ...defined({ transition: l.transition, impact: l.impact, influence: l.influence }),
        expectations: l.expectations.map((e) => ({
          dimension: e.dimension,
          statements: e.statements.map((s) => s.text),
          items: e.statements.map(statementExport),
        })),
        requires: [...l.requires],
        abilities: l.abilities.map((q) => ({
          ladder: q.ladder,
          ability: q.ability,
          milestone: q.milestone,
        })),
        ...(l.points ? { points: { min: l.points.min } } : {}),
        next: l.next.map(edgeExport),
      })),
      threads: ladder.threads.map((t) => ({
        id: t.id,
        title: t.title,
        ...defined({ subtitle: t.subtitle, summary: t.summary }),
        steps: t.steps.map((s) => ({ level: s.level, text: s.text })),
      })),
      signals: ladder.signals.map((s) => ({
        id: s.id,
        title: s.title,
        tone: s.tone,
        items: [...s.items],
      })),
      questions: ladder.questions.map((q) => ({ text: q.text, ...defined({ focus: q.focus }) })),
      areas: ladder.areas.map((a) => ({
        id: a.id,
        title: a.title,
        ...defined({ description: a.description }),
      })),
      sections: ladder.sections.map((s) => ({
        title: s.title,
        ...defined({ subtitle: s.subtitle, source: s.source }),
        paragraphs: [...s.paragraphs],
        items: s.items.map((i) =>
          i.title === undefined ? i.text : { title: i.title, text: i.text },
        ),
        ...defined({ closing: s.closing }),
      })),
    },
    abilities: model.abilities.filter((a) => a.ladder === ladder.id).map(abilityExport),
    roles: model.roles.filter((r) => r.ladder === ladder.id).map(roleExport),
  };
}

/** The index export. */
export function indexExport(
  model: Model,
  sources: readonly string[],
  command: string,
): IndexExport {
  return {
    $comment: markerText(sources, command),
    $schema: EXPORT_SCHEMA,
    format: 'ladder-as-code/index',
    formatVersion: EXPORT_FORMAT_VERSION,
    ladders: model.ladders.map((l) => ({
      id: l.id,
      title: l.title,
      ...defined({ version: l.version, description: l.description }),
      source: l.origin.file,
      page: ladderPage(l.id),
      json: ladderJson(l.id),
      csv: ladderCsv(l.id),
      levels: l.levels.map((v) => ({
        id: v.id,
        title: v.title,
        ...defined({ label: v.label }),
        page: levelPage(l.id, v.id),
      })),
    })),
    abilities: model.abilities.map((a) => ({
      id: a.id,
      title: a.title,
      ladder: a.ladder,
      page: abilityPage(a.ladder, a.id),
      milestones: a.milestones.length,
    })),
    roles: model.roles.map((r) => {
      const { id, title, ...rest } = roleExport(r);
      return { id, title, ladder: r.ladder, ...rest };
    }),
  };
}

/** JSON text as written to disk: two-space indent, LF, one final newline. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The JSON Schema of both exports (src/render/ladder-export.schema.json), as published beside
 * them: the generated-file marker first, as in every JSON file `render` writes.
 */
export function exportSchemaFile(command: string): string {
  return jsonFile({
    $comment: toolMarkerText('the JSON Schema of the exports in this folder', command),
    ...exportSchema,
  });
}
