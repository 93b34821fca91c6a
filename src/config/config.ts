/** `ladder.config.yml`: optional repository settings, with defaults for everything. */

import configSchema from '../../schema/config.schema.json';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic';
import { DEFAULT_LIMITS, loadYaml } from '../load/yaml-document';
import { keyPlace } from '../validate/place';
import { schemaDiagnostics } from '../validate/schema-errors';
import { config as validateConfigSchema } from '../validate/schemas.gen.js';

/** The name of the config file at the repository root. */
export const CONFIG_FILE = 'ladder.config.yml';

/** Settings with every default filled in. */
export interface Config {
  readonly ladders: string;
  readonly packets: string;
  readonly pages: string;
  readonly evidenceMinimum: number;
  readonly failOn: 'missing' | 'thin' | 'never';
  readonly staleAfterDays: number;
  readonly severities: Readonly<Record<string, Severity | 'off'>>;
  readonly maxFileBytes: number;
  readonly maxPacketBytes: number;
}

/** The settings used when there is no config file. */
export const DEFAULT_CONFIG: Config = {
  ladders: 'ladders',
  packets: 'promotions',
  pages: 'docs/ladders',
  evidenceMinimum: 1,
  failOn: 'missing',
  staleAfterDays: 730,
  severities: {},
  maxFileBytes: DEFAULT_LIMITS.maxBytes,
  maxPacketBytes: 256 * 1024,
};

interface RawConfig {
  readonly ladders?: string;
  readonly packets?: string;
  readonly pages?: string;
  readonly evidence?: { readonly minimum?: number };
  readonly review?: { readonly failOn?: Config['failOn'] };
  readonly health?: { readonly staleAfterDays?: number };
  readonly rules?: Readonly<Record<string, Severity | 'off'>>;
  readonly limits?: { readonly maxFileBytes?: number; readonly maxPacketBytes?: number };
}

/** Parses the config file; on any problem the defaults are used and the problem reported. */
export function parseConfig(
  path: string,
  bytes: Uint8Array,
): { config: Config; diagnostics: readonly Diagnostic[] } {
  const loaded = loadYaml(path, bytes, { maxBytes: 256 * 1024, maxAliases: 0 });
  if (!loaded.ok) return { config: DEFAULT_CONFIG, diagnostics: loaded.diagnostics };
  if (!validateConfigSchema(loaded.file.data)) {
    return {
      config: DEFAULT_CONFIG,
      diagnostics: schemaDiagnostics(
        loaded.file,
        validateConfigSchema.errors ?? [],
        configSchema,
        keyPlace('ladder.config.yml'),
      ),
    };
  }
  const raw = loaded.file.data as RawConfig;
  const d = DEFAULT_CONFIG;
  return {
    config: {
      ladders: trimSlash(raw.ladders ?? d.ladders),
      packets: trimSlash(raw.packets ?? d.packets),
      pages: trimSlash(raw.pages ?? d.pages),
      evidenceMinimum: raw.evidence?.minimum ?? d.evidenceMinimum,
      failOn: raw.review?.failOn ?? d.failOn,
      staleAfterDays: raw.health?.staleAfterDays ?? d.staleAfterDays,
      severities: { ...(raw.rules ?? {}) },
      maxFileBytes: raw.limits?.maxFileBytes ?? d.maxFileBytes,
      maxPacketBytes: raw.limits?.maxPacketBytes ?? d.maxPacketBytes,
    },
    diagnostics: [],
  };
}

function trimSlash(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}
