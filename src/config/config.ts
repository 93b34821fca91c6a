/** `ladder.config.yml`: optional repository settings, with defaults for everything. */

import configSchema from '../../schema/config.schema.json';
import { DIAGNOSTIC_CODES, TUNABLE_CODES } from '../diagnostics/codes';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import { DEFAULT_LIMITS, loadYaml, type YamlFile } from '../load/yaml-document';
import { didYouMean } from '../util/suggest';
import { keyPlace } from '../validate/place';
import { schemaDiagnostics } from '../validate/schema-errors';
import { pointerOf } from '../validate/schema-walk';
import { config as validateConfigSchema } from '../validate/schemas.gen.js';

/** The name of the config file at the repository root. */
export const CONFIG_FILE = 'ladder.config.yml';

/** Settings with every default filled in. */
export interface Config {
  readonly ladders: string;
  readonly packets: string;
  readonly pages: string;
  /** Start the CSV exports with a UTF-8 byte order mark. */
  readonly csvBom: boolean;
  readonly evidenceMinimum: number;
  /** Tracker prefixes whose keys count as issue references in packets (`OPS` for `OPS-42`). */
  readonly trackers: readonly string[];
  readonly failOn: 'missing' | 'thin' | 'never';
  readonly staleAfterDays: number;
  readonly severities: Readonly<Record<string, Severity | 'off'>>;
  readonly maxFileBytes: number;
  readonly maxPacketBytes: number;
  /** Evidence verification on GitHub: `off`, `report` (default) or `require`. */
  readonly verify: VerifyMode;
  /** Review cycles by id (a packet's `cycle:`): the first and last day, as YYYY-MM-DD. */
  readonly cycles: Readonly<Record<string, CycleDates>>;
  /** GitHub links verified per run, at most. */
  readonly maxVerifiedLinks: number;
}

/** Whether evidence links are verified on GitHub, and whether a dimension needs a verified item. */
export type VerifyMode = 'off' | 'report' | 'require';

/** The days a review cycle ran, both included (YYYY-MM-DD). */
export interface CycleDates {
  readonly from: string;
  readonly to: string;
}

/** The settings used when there is no config file. */
export const DEFAULT_CONFIG: Config = {
  ladders: 'ladders',
  packets: 'promotions',
  pages: 'docs/ladders',
  csvBom: false,
  evidenceMinimum: 1,
  trackers: [],
  failOn: 'missing',
  staleAfterDays: 730,
  severities: {},
  maxFileBytes: DEFAULT_LIMITS.maxBytes,
  maxPacketBytes: 256 * 1024,
  verify: 'report',
  cycles: {},
  maxVerifiedLinks: 300,
};

interface RawConfig {
  readonly ladders?: string;
  readonly packets?: string;
  readonly pages?: string;
  readonly exports?: { readonly csvBom?: boolean };
  readonly evidence?: { readonly minimum?: number; readonly trackers?: readonly string[] };
  readonly review?: { readonly failOn?: Config['failOn']; readonly verify?: VerifyMode };
  readonly cycles?: Readonly<Record<string, CycleDates>>;
  readonly health?: { readonly staleAfterDays?: number };
  readonly rules?: Readonly<Record<string, Severity | 'off'>>;
  readonly limits?: {
    readonly maxFileBytes?: number;
    readonly maxPacketBytes?: number;
    readonly maxVerifiedLinks?: number;
  };
}

/** Parses the config file; on any problem the defaults are used and the problem reported. */
export function parseConfig(
  path: string,
  bytes: Uint8Array,
): {
  config: Config;
  diagnostics: readonly Diagnostic[];
  /** Where the file sets `ladders`, when it does: the place to fix when that folder is empty. */
  laddersAt?: { line: number; column: number };
} {
  const loaded = loadYaml(path, bytes, { maxBytes: 256 * 1024, maxAliases: 0 });
  // Every key is optional: a config with nothing in it (or every line commented out) is the
  // defaults, not a file to delete.
  if (!loaded.ok && loaded.diagnostics.every((d) => d.code === 'empty-file'))
    return { config: DEFAULT_CONFIG, diagnostics: [] };
  if (!loaded.ok) return { config: DEFAULT_CONFIG, diagnostics: loaded.diagnostics };
  // Every problem of the file at once, so that one edit mends them all: the schema's, a rule
  // name that is no code, a cycle that ends before it starts.
  const valid = validateConfigSchema(loaded.file.data);
  const raw = loaded.file.data as RawConfig;
  const rules = isRecord(raw.rules) ? raw.rules : {};
  const problems = [
    ...(valid
      ? []
      : schemaDiagnostics(loaded.file, validateConfigSchema.errors ?? [], configSchema, {
          place: keyPlace('ladder.config.yml'),
        })),
    ...unknownRules(loaded.file, rules),
    ...backwardsCycles(loaded.file, raw.cycles, validateConfigSchema.errors ?? []),
  ];
  if (problems.length > 0)
    return {
      config: DEFAULT_CONFIG,
      diagnostics: problems.sort((a, b) => a.line - b.line || a.column - b.column),
    };
  const untuned = untunedRules(loaded.file, raw.rules ?? {});
  const d = DEFAULT_CONFIG;
  const laddersAt = raw.ladders === undefined ? undefined : loaded.file.locate(['ladders']);
  return {
    ...(laddersAt ? { laddersAt: { line: laddersAt.line, column: laddersAt.column } } : {}),
    config: {
      ladders: trimSlash(raw.ladders ?? d.ladders),
      packets: trimSlash(raw.packets ?? d.packets),
      pages: trimSlash(raw.pages ?? d.pages),
      csvBom: raw.exports?.csvBom ?? d.csvBom,
      evidenceMinimum: raw.evidence?.minimum ?? d.evidenceMinimum,
      trackers: [...(raw.evidence?.trackers ?? d.trackers)],
      failOn: raw.review?.failOn ?? d.failOn,
      staleAfterDays: raw.health?.staleAfterDays ?? d.staleAfterDays,
      severities: { ...(raw.rules ?? {}) },
      maxFileBytes: raw.limits?.maxFileBytes ?? d.maxFileBytes,
      maxPacketBytes: raw.limits?.maxPacketBytes ?? d.maxPacketBytes,
      verify: raw.review?.verify ?? d.verify,
      cycles: Object.fromEntries(
        Object.entries(raw.cycles ?? {}).map(([id, c]) => [id, { from: c.from, to: c.to }]),
      ),
      maxVerifiedLinks: raw.limits?.maxVerifiedLinks ?? d.maxVerifiedLinks,
    },
    diagnostics: untuned,
  };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each cycle whose `to` comes before its `from`, at `to`: of the cycles the schema passes. */
function backwardsCycles(
  file: YamlFile,
  cycles: unknown,
  errors: readonly { readonly instancePath: string }[],
): Diagnostic[] {
  if (!isRecord(cycles)) return [];
  return Object.entries(cycles).flatMap(([id, c]) => {
    const pointer = pointerOf(['cycles', id]);
    if (errors.some((e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`)))
      return [];
    if (!isRecord(c) || typeof c.from !== 'string' || typeof c.to !== 'string' || c.from <= c.to)
      return [];
    return [
      {
        code: 'invalid-value',
        severity: 'error',
        message: `Cycle \`${id}\` ends before it starts; \`to\` must be on or after \`from\`.`,
        file: file.path,
        ...file.locate(['cycles', id, 'to']),
      } satisfies Diagnostic,
    ];
  });
}

/**
 * A name under `rules:` that is no diagnostic code (an error: a misspelt code would otherwise
 * change nothing, silently, as `duplicate-statment: error` leaves duplicates a warning), or a
 * code whose severity `rules` does not set (a rendered page's, a packet finding's: a warning,
 * since the line would otherwise look as if it did something); each at its key.
 */
function unknownRules(
  file: YamlFile,
  rules: Readonly<Record<string, unknown>>,
): readonly Diagnostic[] {
  return ruleProblems(file, rules, { code: 'unknown-key', severity: 'error' }, (code) =>
    DIAGNOSTIC_CODES.includes(code)
      ? undefined
      : `Unknown rule \`${code}\` in \`rules\`: no diagnostic has this code.${didYouMean(code, DIAGNOSTIC_CODES)} The codes are listed in docs/diagnostics.md.`,
  );
}

function untunedRules(
  file: YamlFile,
  rules: Readonly<Record<string, unknown>>,
): readonly Diagnostic[] {
  return ruleProblems(file, rules, { code: 'invalid-value', severity: 'warning' }, (code) =>
    TUNABLE_CODES.includes(code)
      ? undefined
      : `\`${code}\` is a code of the rendered pages or of the packet review, whose severity \`rules\` does not change; this line has no effect. \`rules\` sets the severity of the validator's codes, \`version-not-bumped\` and the health report's.`,
  );
}

/** A diagnostic at each name under `rules:` for which `problem` has something to say. */
function ruleProblems(
  file: YamlFile,
  rules: Readonly<Record<string, unknown>>,
  kind: Pick<Diagnostic, 'code' | 'severity'>,
  problem: (code: string) => string | undefined,
): Diagnostic[] {
  return Object.keys(rules).flatMap((code) => {
    const message = problem(code);
    if (message === undefined) return [];
    return [
      {
        ...kind,
        message,
        file: file.path,
        ...file.locate(['rules', code], 'key'),
        dataPath: pointerOf(['rules', code]),
      } satisfies Diagnostic,
    ];
  });
}

function trimSlash(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}
