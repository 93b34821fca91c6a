/** The shape of a semantic validation rule and the context it runs in. */
import type { RuleCode, SchemaCode } from '../diagnostics/codes';
import type { Severity } from '../diagnostics/diagnostic';
import type { YamlFile } from '../load/yaml-document';
import type { RawEdge, RawLadder } from '../model/raw';
import { type ScopedIndex, scopedIndex } from '../model/scoped';
import { capitalised, levelName } from './place';
import { isWhole } from './schema-prune';

/** A path into a ladder file's data, e.g. `['levels', 2, 'expectations', 'judgement']`. */
export type DataPath = readonly (string | number)[];

/**
 * What the rules across files read of a ladder: its ids, advancement edges, milestone
 * requirements and points. A RawLadder is one; `outlineOf` copies only these parts, so that `ladder
 * validate`, which needs no model, does not keep every file's statements in memory (issue 7).
 */
export interface LadderOutline {
  readonly id: string;
  readonly levels: readonly {
    readonly id: string;
    /** For messages: `level L3 (Senior SRE)`. */
    readonly title?: string;
    readonly next?: readonly RawEdge[];
    readonly abilities?: Readonly<Record<string, number>>;
    readonly points?: { readonly min: number };
  }[];
  readonly abilities?: readonly {
    readonly id: string;
    readonly scoring?: 'added' | 'held';
    readonly firstMilestone?: 0 | 1;
    readonly milestones: readonly { readonly points: number }[];
  }[];
  readonly roles?: readonly {
    readonly id: string;
    readonly requires?: Readonly<Record<string, number>>;
    readonly points?: { readonly min?: number; readonly max?: number };
  }[];
}

/** A ladder file that passed the schema, as the rules across files see it. */
export interface OutlineSource {
  readonly file: YamlFile;
  readonly ladder: LadderOutline;
}

/** The outline of a ladder: copies of the parts the rules across files read, nothing else. */
export function outlineOf(ladder: LadderOutline): LadderOutline {
  return {
    id: ladder.id,
    levels: ladder.levels.map((level) => ({
      id: level.id,
      ...(level.title === undefined ? {} : { title: level.title }),
      ...(level.next === undefined ? {} : { next: [...level.next] }),
      ...(level.abilities === undefined ? {} : { abilities: { ...level.abilities } }),
      ...(level.points === undefined ? {} : { points: { min: level.points.min } }),
    })),
    ...(ladder.abilities === undefined
      ? {}
      : {
          abilities: ladder.abilities.map((a) => ({
            id: a.id,
            ...(a.scoring === undefined ? {} : { scoring: a.scoring }),
            ...(a.firstMilestone === undefined ? {} : { firstMilestone: a.firstMilestone }),
            // `map` keeps the holes of milestones the schema left out.
            milestones: a.milestones.map((m) => ({ points: m.points })),
          })),
        }),
    ...(ladder.roles === undefined
      ? {}
      : {
          roles: ladder.roles.map((r) => ({
            id: r.id,
            ...(r.requires === undefined ? {} : { requires: { ...r.requires } }),
            ...(r.points === undefined ? {} : { points: { ...r.points } }),
          })),
        }),
  };
}

/** A ladder file that passed the schema. */
export interface LadderSource extends OutlineSource {
  readonly ladder: RawLadder;
  /**
   * The line of each dimension, level, ability and role, read right after loading: `file.locate` may have
   * to parse the file again later (see yaml-document.ts), so the model is built from these.
   */
  readonly lines: SourceLines;
}

/** The 1-based line of each item of a ladder file's `dimensions`, `levels`, `abilities` and `roles`. */
export interface SourceLines {
  readonly dimensions: readonly number[];
  readonly levels: readonly number[];
  readonly abilities: readonly number[];
  readonly roles: readonly number[];
}

/** Reads `SourceLines` from a schema-valid ladder file. */
export function sourceLines(file: YamlFile): SourceLines {
  return {
    dimensions: file.itemLines('dimensions'),
    levels: file.itemLines('levels'),
    abilities: file.itemLines('abilities'),
    roles: file.itemLines('roles'),
  };
}

/** Reports a problem at `path` of the file being checked (at the key when `at` is `key`). */
export type FileReport = (path: DataPath, message: string, at?: 'key' | 'value') => void;

/** Reports a problem at `path` in `source` (at the key when `at` is `key`). */
export type SetReport = (
  source: OutlineSource,
  path: DataPath,
  message: string,
  at?: 'key' | 'value',
) => void;

/** What every rule has: one stable code, one default severity, one line for the docs table. */
interface RuleInfo {
  /** Listed in src/diagnostics/codes.ts (`empty-string` is a schema code a rule reports too). */
  readonly code: RuleCode | SchemaCode;
  readonly severity: Severity;
  readonly description: string;
}

/**
 * A rule about one file on its own. It runs as soon as the file passes the schema, while its
 * data is fresh.
 */
export interface FileRule extends RuleInfo {
  checkFile(source: LadderSource, report: FileReport): void;
}

/** What the rules across files know beyond the files that could be read as ladders. */
export interface SetContext {
  /**
   * The names (without extension) of the ladder files that could not be read as ladders (a YAML
   * error, a top level the schema rejects): the ids they most likely hold. A reference to one
   * cannot be told unknown, and neither can the abilities of every ladder.
   */
  readonly unread: ReadonlySet<string>;
}

/** A rule about ids and references across files: it runs once every file is checked. */
export interface SetRule extends RuleInfo {
  checkSet(sources: readonly OutlineSource[], report: SetReport, context: SetContext): void;
}

export type Rule = FileRule | SetRule;

/**
 * The ids of the items of the list `owner[key]`, in order; undefined when the list may be
 * incomplete. A file that failed the schema has holes where items were left out, and keys left
 * out (schema-prune.ts): whether a reference into such a list is unknown cannot be told, so the
 * rules say nothing about such references.
 */
export function idsOf<K extends string>(
  owner: { readonly [key in K]?: readonly { readonly id: string }[] },
  key: K,
): string[] | undefined {
  const items = owner[key];
  if (items === undefined) return isWhole(owner) ? [] : undefined;
  if (!isWhole(items)) return undefined;
  const ids: string[] = [];
  items?.forEach((item) => ids.push(item.id));
  // Copies (outlines, data from a worker thread) keep the holes but not the mark.
  return ids.length === (items?.length ?? 0) ? ids : undefined;
}

/**
 * Ids of every level of every ladder, keyed by ladder id (first definition wins); undefined for
 * a ladder whose levels are incomplete (see `idsOf`).
 */
export function levelIdsByLadder(
  sources: readonly OutlineSource[],
): Map<string, readonly string[] | undefined> {
  const map = new Map<string, readonly string[] | undefined>();
  for (const { ladder } of sources) {
    if (!map.has(ladder.id)) map.set(ladder.id, idsOf(ladder, 'levels'));
  }
  return map;
}

/** An ability as the rules across files see it. */
export type AbilityOutline = NonNullable<LadderOutline['abilities']>[number];

/** Every ability declared in any ladder file, scoped to its ladder (first definition wins). */
export function abilityIndex(sources: readonly OutlineSource[]): ScopedIndex<AbilityOutline> {
  return scopedIndex(
    sources.flatMap(({ ladder }) => (ladder.abilities ?? []).map((a) => [ladder.id, a] as const)),
  );
}

/**
 * Whether every file's abilities are all there: a file that failed the schema may have left
 * some out (see `idsOf`), and then a reference to an ability cannot be told unknown.
 */
export function abilitiesComplete(sources: readonly OutlineSource[]): boolean {
  return sources.every(({ ladder }) => idsOf(ladder, 'abilities') !== undefined);
}

/** The dimensions a level requires: its explicit `requires`, or those it has expectations for. */
export function requiredDimensions(level: RawLadder['levels'][number]): readonly string[] {
  return (
    level.requires ??
    Object.keys(level.expectations ?? {}).filter((k) => (level.expectations?.[k]?.length ?? 0) > 0)
  );
}

/** One milestone requirement of a role or level, with where it is written. */
export interface MilestoneRequirementSite {
  readonly source: OutlineSource;
  /** Path of the requirement's key, e.g. `['roles', 0, 'requires', 'ops-skill']`. */
  readonly path: DataPath;
  /** `Role \`id\`` or `Level L3 (Senior SRE)`, for messages. */
  readonly owner: string;
  readonly ability: string;
  readonly milestone: number;
}

/** Every milestone requirement of every role and level, in file order. */
export function milestoneRequirements(
  sources: readonly OutlineSource[],
): MilestoneRequirementSite[] {
  const sites: MilestoneRequirementSite[] = [];
  for (const source of sources) {
    const add = (
      requirements: Readonly<Record<string, number>> | undefined,
      path: DataPath,
      owner: string,
    ) => {
      for (const [ability, milestone] of Object.entries(requirements ?? {}))
        sites.push({ source, path: [...path, ability], owner, ability, milestone });
    };
    source.ladder.roles?.forEach((role, i) =>
      add(role.requires, ['roles', i, 'requires'], `Role \`${role.id}\``),
    );
    source.ladder.levels.forEach((level, i) =>
      add(level.abilities, ['levels', i, 'abilities'], capitalised(levelName(level, i))),
    );
  }
  return sites;
}
