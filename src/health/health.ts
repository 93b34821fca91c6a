/**
 * Ladder health, after seed 002's "Configuration Health" panel: for every ladder, level,
 * dimension and ability, how many roles and levels reference it, how many packets cite it, how
 * many packets reached it (merged, with a complete review), when it last changed, and warnings (stale content, dimensions
 * never evidenced, levels with expectations missing). Pure: packets and history come in as data.
 */
import type { HealthCode } from '../diagnostics/codes';
import { applySeverities, type Diagnostic, type Severity } from '../diagnostics/diagnostic';
import { plural } from '../markdown/plural';
import { appliesAt, levelsBefore } from '../model/levels';
import { scopedName } from '../model/scoped';
import type { Ladder, Model, Origin } from '../model/types';
import type { History } from './history';
import type { HealthPacket } from './packets';
import { type References, references } from './references';

export type { HealthPacket } from './packets';

/** Whether a packet counts as reached: merged, and complete when reviewed. */
function reached(packet: HealthPacket): boolean {
  return packet.merged && packet.complete;
}

/** Options of `healthReport`. */
export interface HealthOptions {
  /** The time of the report, ms since the epoch. */
  readonly now: number;
  /** Content unchanged for longer than this is stale (ladder.config.yml, default 730). */
  readonly staleAfterDays: number;
}

/** The health of one ladder, level, dimension or ability. */
export interface HealthEntry {
  readonly kind: 'ladder' | 'level' | 'dimension' | 'ability';
  readonly id: string;
  /** The ladder it belongs to (levels, dimensions) or is declared in (abilities). */
  readonly ladder: string;
  readonly title: string;
  readonly origin: Origin;
  /**
   * What references it. Ladder: roles declared with it, levels of other ladders leading into it.
   * Level: levels advancing to it. Dimension: levels that expect or require it. Ability: roles
   * and levels requiring a milestone of it.
   */
  readonly referencedBy: { readonly roles: number; readonly levels: number };
  /** Packets citing it: for it (ladder), targeting it (level), evidencing it (dimension), claiming it (ability). */
  readonly observations: number;
  /**
   * Packets that reached it: merged, with a complete review (for a dimension: such packets that
   * evidence it).
   */
  readonly reached: number;
  /** ISO date (YYYY-MM-DD) of the last change, when git history is known. */
  readonly lastChanged?: string;
  /**
   * Whole days from the last change to the report date; negative when the change is dated after
   * it (a report dated in the past with `SOURCE_DATE_EPOCH`, or a commit dated ahead).
   */
  readonly ageDays?: number;
  readonly warnings: readonly Diagnostic[];
}

/** One ladder with its levels and dimensions. */
export interface LadderHealth {
  readonly ladder: HealthEntry;
  readonly levels: readonly HealthEntry[];
  readonly dimensions: readonly HealthEntry[];
}

/** The whole report. */
export interface Health {
  /** ISO date of the report. */
  readonly generatedAt: string;
  readonly staleAfterDays: number;
  /** Packets read; merged (on the default branch); reached (merged, with a complete review). */
  readonly packets: { readonly total: number; readonly merged: number; readonly reached: number };
  readonly ladders: readonly LadderHealth[];
  readonly abilities: readonly HealthEntry[];
  /** Every warning of every entry, in file and line order. */
  readonly diagnostics: readonly Diagnostic[];
}

const DAY = 24 * 60 * 60 * 1000;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

interface Builder {
  readonly kind: HealthEntry['kind'];
  readonly key: string;
  readonly id: string;
  readonly ladder: string;
  readonly title: string;
  readonly origin: Origin;
  readonly referencedBy: HealthEntry['referencedBy'];
  readonly observations: number;
  readonly reached: number;
  readonly warnings: Diagnostic[];
}

function warning(origin: Origin, code: HealthCode, message: string): Diagnostic {
  return { code, severity: 'warning', message, file: origin.file, line: origin.line, column: 1 };
}

/** Fills in history: the last change, its age, and a stale warning unless `quiet`. */
function finish(b: Builder, history: History, options: HealthOptions, quiet: boolean): HealthEntry {
  const h = history.get(b.key);
  const origin = h ? { file: b.origin.file, line: h.line } : b.origin;
  const warnings = [...b.warnings.map((w) => ({ ...w, line: origin.line }))];
  const base = {
    kind: b.kind,
    id: b.id,
    ladder: b.ladder,
    title: b.title,
    origin,
    referencedBy: b.referencedBy,
    observations: b.observations,
    reached: b.reached,
  };
  if (!h) return { ...base, warnings };
  // In calendar days (UTC), as the dates beside it are: a change late yesterday is a day old.
  // Not clamped at 0: a change after the report date is not a change made that day.
  const ageDays = Math.floor(options.now / DAY) - Math.floor(h.lastChanged / DAY);
  if (!quiet && ageDays > options.staleAfterDays)
    warnings.push(
      warning(
        origin,
        'stale-content',
        `${b.kind === 'ladder' ? 'Ladder' : b.kind === 'level' ? 'Level' : b.kind === 'dimension' ? 'Dimension' : 'Ability'} \`${b.id}\` (${b.title}) has not changed for ${ageDays} days (since ${isoDate(h.lastChanged)}), more than the ${options.staleAfterDays} after which content counts as stale; review it with its owners and bump the version if anything changes.`,
      ),
    );
  return { ...base, lastChanged: isoDate(h.lastChanged), ageDays, warnings };
}

function ladderHealth(
  ladder: Ladder,
  refs: References,
  history: History,
  options: HealthOptions,
): LadderHealth {
  const mine = refs.packetsByLadder.get(ladder.id) ?? [];
  const ladderEntry: Builder = {
    kind: 'ladder',
    key: `ladder:${ladder.id}`,
    id: ladder.id,
    ladder: ladder.id,
    title: ladder.title,
    origin: ladder.origin,
    referencedBy: {
      roles: refs.ladderRoles.get(ladder.id) ?? 0,
      levels: refs.ladderIncoming.get(ladder.id) ?? 0,
    },
    observations: mine.length,
    reached: mine.filter(reached).length,
    warnings: [],
  };
  const ladderStale =
    (history.get(ladderEntry.key)?.lastChanged ?? options.now) <
    options.now - options.staleAfterDays * DAY;

  const levels = ladder.levels.map((level) => {
    const targeting = mine.filter((p) => p.to === level.id);
    const leadingIn = refs.levelIncoming.get(`${ladder.id}/${level.id}`) ?? 0;
    const warnings: Diagnostic[] = [];
    // A cumulative ladder's level states what it adds: a dimension a level before it states is
    // still expected there, not missing.
    const stated = new Set(
      [...(ladder.cumulative === true ? levelsBefore(ladder, level) : []), level].flatMap((l) =>
        l.expectations.map((e) => e.dimension),
      ),
    );
    // What a level declares by design is not missing: a level judged by abilities and points
    // has no dimension expectations, one that writes out `requires` needs no expectations
    // for the dimensions it leaves out, and none needs them for a dimension that starts at a
    // later level or belongs to other tracks.
    const byAbilities =
      level.expectations.length === 0 && (level.points !== undefined || level.abilities.length > 0);
    const missing = byAbilities
      ? []
      : ladder.dimensions.filter(
          (d) =>
            !stated.has(d.id) &&
            (!level.requiresExplicit || level.requires.includes(d.id)) &&
            appliesAt(ladder, d, level),
        );
    if (ladder.dimensions.length > 0 && missing.length > 0)
      warnings.push(
        warning(
          level.origin,
          'missing-expectations',
          `Level \`${level.id}\` states no expectations for ${plural(missing.length, 'dimension')} (${missing.map((d) => d.title).join(', ')}). ${
            level.requiresExplicit
              ? 'Write what the level expects (new content, a minor version bump), or say why in its description.'
              : `Writing what the level expects also makes ${missing.length === 1 ? 'that dimension' : 'those dimensions'} required at this level, a breaking change (a major version bump) for packets in flight; to add ${missing.length === 1 ? 'it' : 'them'} as guidance only (a minor bump), first list the dimensions the level requires under \`requires:\`. Or say in its description why there are none.`
          }`,
        ),
      );
    else if (
      ladder.dimensions.length === 0 &&
      !byAbilities &&
      level.prose.length === 0 &&
      level.summary === undefined
    )
      warnings.push(
        warning(
          level.origin,
          'missing-expectations',
          `Level \`${level.id}\` has no expectations, prose or summary; write what the level expects.`,
        ),
      );
    return finish(
      {
        kind: 'level',
        key: `level:${ladder.id}/${level.id}`,
        id: level.id,
        ladder: ladder.id,
        title: level.title,
        origin: level.origin,
        referencedBy: { roles: 0, levels: leadingIn },
        observations: targeting.length,
        reached: targeting.filter(reached).length,
        warnings,
      },
      history,
      options,
      ladderStale,
    );
  });

  const dimensions = ladder.dimensions.map((dimension) => {
    const citing = mine.filter((p) => p.cited.includes(dimension.id));
    const using = ladder.levels.filter(
      (l) =>
        l.requires.includes(dimension.id) ||
        l.expectations.some((e) => e.dimension === dimension.id),
    );
    const required = ladder.levels.some((l) => l.requires.includes(dimension.id));
    // Its definition, with or without git (the history's line is the same one).
    const origin = dimension.origin ?? ladder.origin;
    const warnings: Diagnostic[] = [];
    if (required && citing.length === 0)
      warnings.push(
        warning(
          origin,
          'never-evidenced',
          `Dimension \`${dimension.id}\` (${dimension.title}) is required but no packet in the repository cites evidence for it; check that packets use its title as a heading, or whether it is still assessed.`,
        ),
      );
    return finish(
      {
        kind: 'dimension',
        key: `dimension:${ladder.id}/${dimension.id}`,
        id: dimension.id,
        ladder: ladder.id,
        title: dimension.title,
        origin,
        referencedBy: { roles: 0, levels: using.length },
        observations: citing.length,
        reached: citing.filter(reached).length,
        warnings,
      },
      history,
      options,
      ladderStale,
    );
  });

  return { ladder: finish(ladderEntry, history, options, false), levels, dimensions };
}

/** The health report of a model, given the repository's packets and the ladders' history. */
export function healthReport(
  model: Model,
  packets: readonly HealthPacket[],
  history: History,
  options: HealthOptions,
): Health {
  const refs = references(model, packets);
  const ladders = model.ladders.map((l) => ladderHealth(l, refs, history, options));
  const abilities = model.abilities.map((ability) => {
    const scoped = scopedName(ability);
    const claiming = refs.packetsByAbility.get(scoped) ?? [];
    const levels = refs.abilityLevels.get(scoped) ?? 0;
    const roles = refs.abilityRoles.get(scoped) ?? 0;
    return finish(
      {
        kind: 'ability',
        key: `ability:${scoped}`,
        id: ability.id,
        ladder: ability.ladder,
        title: ability.title,
        origin: ability.origin,
        referencedBy: { roles, levels },
        observations: claiming.length,
        reached: claiming.filter(reached).length,
        warnings: [],
      },
      history,
      options,
      false,
    );
  });
  const diagnostics = [
    ...ladders.flatMap((l) => [l.ladder, ...l.levels, ...l.dimensions]),
    ...abilities,
  ]
    .flatMap((e) => e.warnings)
    .sort((a, b) =>
      a.file === b.file ? a.line - b.line || (a.code < b.code ? -1 : 1) : a.file < b.file ? -1 : 1,
    );
  return {
    generatedAt: isoDate(options.now),
    staleAfterDays: options.staleAfterDays,
    packets: {
      total: packets.length,
      merged: packets.filter((p) => p.merged).length,
      reached: packets.filter(reached).length,
    },
    ladders,
    abilities,
    diagnostics,
  };
}

/**
 * The report with the config's severity overrides (`rules:`) applied to every warning; `off`
 * drops a warning everywhere it appears.
 */
export function applyHealthSeverities(
  health: Health,
  severities: Readonly<Record<string, Severity | 'off'>> = {},
): Health {
  const adjust = (list: readonly Diagnostic[]) => applySeverities(list, severities);
  const entry = (e: HealthEntry): HealthEntry => ({ ...e, warnings: adjust(e.warnings) });
  return {
    ...health,
    ladders: health.ladders.map((l) => ({
      ladder: entry(l.ladder),
      levels: l.levels.map(entry),
      dimensions: l.dimensions.map(entry),
    })),
    abilities: health.abilities.map(entry),
    diagnostics: adjust(health.diagnostics),
  };
}

/**
 * The health the rendered health page shows: from the ladder YAML alone (no packets, no history,
 * no clock), so that merging a packet or the passing of time never makes the page stale; the
 * warning only packets can raise (`never-evidenced`) is left out.
 */
export function ladderFilesHealth(model: Model): Health {
  const report = healthReport(model, [], new Map(), { now: 0, staleAfterDays: 0 });
  return applyHealthSeverities(report, { 'never-evidenced': 'off' });
}
