/**
 * The validate stage: ladder file bytes in, the resolved model and every diagnostic out.
 * Each file is loaded and schema-checked on its own, so one broken file never hides another's
 * problems; the semantic rules then run across all files that passed the schema.
 */

import ladderSchema from '../../schema/ladder.schema.json';
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics/diagnostic';
import { DEFAULT_LIMITS, type LoadLimits, loadYaml } from '../load/yaml-document';
import type { RawLadder } from '../model/raw';
import type { Model } from '../model/types';
import { resolveModel } from './resolve';
import { type DataPath, type LadderSource, type RuleContext, sourceLines } from './rule';
import { RULES } from './rules/index';
import { schemaDiagnostics } from './schema-errors';
import { ladder as validateLadderSchema } from './schemas.gen.js';

/** One file to validate: repository-relative path with forward slashes, and its bytes. */
export interface InputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Options of the validate stage. */
export interface ValidateOptions {
  readonly limits?: LoadLimits;
  /** Severity overrides per code (`off` drops the diagnostic), from ladder.config.yml `rules`. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
}

/** The model built from every clean file, and all diagnostics in a stable order. */
export interface ValidationResult {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validates ladder files and resolves the clean ones into the model. Never throws. */
export function validateLadders(
  files: readonly InputFile[],
  options: ValidateOptions = {},
): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const sources: LadderSource[] = [];
  for (const input of files) {
    const loaded = loadYaml(input.path, input.bytes, options.limits ?? DEFAULT_LIMITS);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.ok) continue;
    if (!validateLadderSchema(loaded.file.data)) {
      diagnostics.push(
        ...schemaDiagnostics(loaded.file, validateLadderSchema.errors ?? [], ladderSchema),
      );
      continue;
    }
    const ladder = loaded.file.data as RawLadder;
    sources.push({ file: loaded.file, ladder, lines: sourceLines(loaded.file) });
  }
  for (const rule of RULES) {
    const context: RuleContext = {
      sources,
      report(source: LadderSource, path: DataPath, message: string, at: 'key' | 'value' = 'value') {
        const range = source.file.locate(path, at);
        diagnostics.push({
          code: rule.code,
          severity: rule.severity,
          message,
          file: source.file.path,
          ...range,
        });
      },
    };
    rule.check(context);
  }
  const adjusted = applySeverities(diagnostics, options.severities ?? {});
  const broken = new Set(adjusted.filter((d) => d.severity === 'error').map((d) => d.file));
  const model = resolveModel(sources.filter((s) => !broken.has(s.file.path)));
  return { model, diagnostics: adjusted.sort(compareDiagnostics) };
}

function applySeverities(
  diagnostics: readonly Diagnostic[],
  severities: Readonly<Record<string, Severity | 'off'>>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override = Object.hasOwn(severities, d.code) ? severities[d.code] : undefined;
    if (override === 'off') continue;
    out.push(override ? { ...d, severity: override } : d);
  }
  return out;
}
