/**
 * The validate stage: ladder file bytes in, the resolved model and every diagnostic out.
 * Each file is loaded, schema-checked and checked by the rules about one file on its own
 * (file-check.ts), so one broken file never hides another's problems; the rules across files
 * then run over all files that passed the schema.
 */

import {
  applySeverities,
  compareDiagnostics,
  type Diagnostic,
  type Severity,
} from '../diagnostics/diagnostic';
import { ladderFileStem } from '../load/ladder-files';
import { detachStrings } from '../load/own-strings';
import { DEFAULT_LIMITS, type LoadLimits } from '../load/yaml-document';
import type { Model } from '../model/types';
import {
  checkLadderFile,
  type FileCheck,
  type InputFile,
  type OutlineCheck,
  outlineLadderFile,
} from './file-check';
import { resolveModel } from './resolve';
import type { LadderSource, OutlineSource, SetContext } from './rule';
import { SET_RULES } from './rules/index';
import { pointerOf } from './schema-walk';

export type { InputFile } from './file-check';

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
  const limits = options.limits ?? DEFAULT_LIMITS;
  const checks = files.map((file) => checkLadderFile(file, limits));
  return finishValidation(checks, unreadLadders(files, checks), options);
}

/**
 * The second half: the rules across files over the files' checks (in input order), severity
 * overrides, and the model from the files without errors. Never throws.
 */
function finishValidation(
  checks: readonly FileCheck[],
  context: SetContext,
  options: ValidateOptions = {},
): ValidationResult {
  const sources: LadderSource[] = [];
  for (const check of checks) if (check.source) sources.push(check.source);
  const diagnostics = acrossFiles(checks, sources, context, options);
  const broken = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  for (const check of checks) if (check.partial && check.source) broken.add(check.source.file.path);
  const clean = sources.filter((s) => !broken.has(s.file.path));
  // The model outlives the files' texts, so its values must not be slices of them.
  for (const source of clean) detachStrings(source.ladder);
  const model = resolveModel(clean);
  return { model, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** Every diagnostic of `validateLadders`, without building the model (`ladder validate`). */
export function diagnoseLadders(
  files: readonly InputFile[],
  options: ValidateOptions = {},
): Diagnostic[] {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const checks = files.map((file) => outlineLadderFile(file, limits));
  return finishDiagnosis(checks, unreadLadders(files, checks), options);
}

/** `finishValidation` for outlines: every diagnostic in a stable order, and no model. */
function finishDiagnosis(
  checks: readonly OutlineCheck[],
  context: SetContext,
  options: ValidateOptions = {},
): Diagnostic[] {
  const sources: OutlineSource[] = [];
  for (const check of checks) if (check.source) sources.push(check.source);
  return acrossFiles(checks, sources, context, options).sort(compareDiagnostics);
}

/** The names of the files whose check found no ladder, for the rules across files. */
function unreadLadders(
  files: readonly InputFile[],
  checks: readonly { readonly source?: unknown }[],
): SetContext {
  return {
    unread: new Set(files.filter((_, i) => !checks[i]?.source).map((f) => ladderFileStem(f.path))),
  };
}

/** The files' own diagnostics and the rules across files, with severity overrides applied. */
function acrossFiles(
  checks: readonly { readonly diagnostics: readonly Diagnostic[] }[],
  sources: readonly OutlineSource[],
  context: SetContext,
  options: ValidateOptions,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const check of checks) diagnostics.push(...check.diagnostics);
  for (const rule of SET_RULES) {
    rule.checkSet(
      sources,
      (source, path, message, at = 'value') => {
        diagnostics.push({
          code: rule.code,
          severity: rule.severity,
          message,
          file: source.file.path,
          ...source.file.locate(path, at),
          dataPath: pointerOf(path),
        });
      },
      context,
    );
  }
  return applySeverities(diagnostics, options.severities ?? {});
}
