/**
 * The JSON exports: one file per ladder (the resolved model of that ladder file) and an index.
 * The shapes below are the documented contract for other tools; they are built field by field
 * so that a change to the internal model never changes them by accident. Optional fields are
 * left out when the ladder does not set them; paths are relative to the pages folder.
 */
import type {
  Ability,
  Edge,
  Ladder,
  Model,
  Named,
  PointRange,
  Role,
  Statement,
} from '../model/types';
import { markerText } from './marker';
import { abilityPage, ladderCsv, ladderJson, ladderPage, levelPage } from './paths';

/** Identifies the format of an export and its version; bumped only on breaking changes. */
export const EXPORT_FORMAT_VERSION = 1;

/** An ability in a ladder export. */
export interface AbilityExport {
  readonly id: string;
  readonly title: string;
  readonly version?: string;
  readonly description?: string;
  readonly owners: readonly string[];
  readonly page: string;
  readonly group?: string;
  /** `added`: a milestone adds its points to the earlier ones'; `held`: its points are the total. */
  readonly scoring: 'added' | 'held';
  readonly milestones: readonly {
    readonly number: number;
    readonly points: number;
    readonly summary?: string;
    readonly examples: readonly string[];
    readonly signals: readonly string[];
  }[];
}

/** A statement in a ladder export: its id (written or derived) and what it carries. */
export type StatementExport = Statement;

/** A role in a ladder export. */
export interface RoleExport {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly requires: readonly {
    readonly ladder: string;
    readonly ability: string;
    readonly milestone: number;
  }[];
  readonly points?: PointRange;
}

/** A level in a ladder export. */
export interface LevelExport {
  readonly id: string;
  readonly title: string;
  readonly label?: string;
  readonly grade?: number;
  readonly track?: string;
  readonly band?: string;
  readonly page: string;
  readonly formerly: readonly string[];
  readonly theme?: string;
  readonly focus: readonly string[];
  readonly summary?: string;
  readonly prose: readonly string[];
  readonly transition?: string;
  readonly impact?: string;
  readonly influence?: string;
  readonly expectations: readonly {
    readonly dimension: string;
    /** The statements' texts (as in format 1), in order. */
    readonly statements: readonly string[];
    /** The same statements with their ids, ratings, examples, signals and links. */
    readonly items: readonly StatementExport[];
  }[];
  readonly requires: readonly string[];
  readonly abilities: readonly {
    readonly ladder: string;
    readonly ability: string;
    readonly milestone: number;
  }[];
  readonly points?: { readonly min: number };
  readonly next: readonly Edge[];
}

/** `<ladder>.json`: one ladder file's ladder, abilities and roles. */
export interface LadderFileExport {
  readonly $comment: string;
  readonly format: 'ladder-as-code/ladder';
  readonly formatVersion: number;
  readonly source: string;
  readonly ladder: {
    readonly id: string;
    readonly title: string;
    readonly version?: string;
    readonly description?: string;
    readonly page: string;
    readonly source: readonly {
      readonly title: string;
      readonly url?: string;
      readonly note?: string;
    }[];
    readonly owners: readonly string[];
    readonly evidenceMinimum?: number;
    readonly groups: readonly {
      readonly id: string;
      readonly title: string;
      readonly description?: string;
      readonly owners: readonly string[];
    }[];
    readonly dimensions: readonly {
      readonly id: string;
      readonly title: string;
      readonly group?: string;
      readonly description?: string;
      readonly owners: readonly string[];
    }[];
    readonly tracks: readonly Named[];
    readonly bands: readonly Named[];
    readonly ratings: readonly Named[];
    readonly levels: readonly LevelExport[];
    readonly threads: readonly {
      readonly id: string;
      readonly title: string;
      readonly subtitle?: string;
      readonly summary?: string;
      readonly steps: readonly { readonly level: string; readonly text: string }[];
    }[];
    readonly signals: readonly {
      readonly id: string;
      readonly title: string;
      readonly tone: 'warning' | 'growth';
      readonly items: readonly string[];
    }[];
    readonly questions: readonly { readonly text: string; readonly focus?: string }[];
    readonly areas: readonly {
      readonly id: string;
      readonly title: string;
      readonly description?: string;
    }[];
    readonly sections: readonly {
      readonly title: string;
      readonly subtitle?: string;
      readonly paragraphs: readonly string[];
      readonly items: readonly string[];
      readonly closing?: string;
    }[];
  };
  readonly abilities: readonly AbilityExport[];
  readonly roles: readonly RoleExport[];
}

/** `index.json`: every ladder, ability and role, with the files that hold them. */
export interface IndexExport {
  readonly $comment: string;
  readonly format: 'ladder-as-code/index';
  readonly formatVersion: number;
  readonly ladders: readonly {
    readonly id: string;
    readonly title: string;
    readonly version?: string;
    readonly description?: string;
    readonly source: string;
    readonly page: string;
    readonly json: string;
    readonly csv: string;
    readonly levels: readonly {
      readonly id: string;
      readonly title: string;
      readonly label?: string;
      readonly page: string;
    }[];
  }[];
  readonly abilities: readonly {
    readonly id: string;
    readonly title: string;
    readonly ladder: string;
    readonly page: string;
    readonly milestones: number;
  }[];
  readonly roles: readonly (RoleExport & { readonly ladder: string })[];
}

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
      ...defined({ summary: m.summary }),
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
    format: 'ladder-as-code/ladder',
    formatVersion: EXPORT_FORMAT_VERSION,
    source: file,
    ladder: {
      id: ladder.id,
      title: ladder.title,
      ...defined({ version: ladder.version, description: ladder.description }),
      page: ladderPage(ladder.id),
      source: ladder.source.map((s) => ({
        title: s.title,
        ...defined({ url: s.url, note: s.note }),
      })),
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
        ...defined({ subtitle: s.subtitle }),
        paragraphs: [...s.paragraphs],
        items: [...s.items],
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
