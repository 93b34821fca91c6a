/**
 * The first half of the validate stage: one ladder file on its own, from bytes to data that
 * passed the schema and the rules about one file. Files do not depend on each other here, so
 * the rules across files come after (src/validate/index.ts).
 */

import ladderSchema from '../../schema/ladder.schema.json';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { DEFAULT_LIMITS, type LoadLimits, loadYaml, reopenedYamlFile } from '../load/yaml-document';
import type { RawLadder } from '../model/raw';
import {
  type DataPath,
  type LadderOutline,
  type LadderSource,
  type OutlineSource,
  outlineOf,
  sourceLines,
} from './rule';
import { FILE_RULES } from './rules/index';
import { schemaDiagnostics } from './schema-errors';
import { ladder as validateLadderSchema } from './schemas.gen.js';

/** One file to validate: repository-relative path with forward slashes, and its bytes. */
export interface InputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** What checking one file found: its diagnostics and, when it passed the schema, its source. */
export interface FileCheck {
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: LadderSource;
}

/** What checking one file found, keeping of its data only the outline (rule.ts). */
export interface OutlineCheck {
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: OutlineSource;
}

/** Loads one ladder file, checks it against the schema and the rules about one file. */
export function checkLadderFile(input: InputFile, limits: LoadLimits = DEFAULT_LIMITS): FileCheck {
  const loaded = loadYaml(input.path, input.bytes, limits);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const { file } = loaded;
  if (!validateLadderSchema(file.data)) {
    return {
      diagnostics: [
        ...loaded.diagnostics,
        ...schemaDiagnostics(file, validateLadderSchema.errors ?? [], ladderSchema),
      ],
    };
  }
  const source: LadderSource = {
    file,
    ladder: file.data as RawLadder,
    lines: sourceLines(file),
  };
  const diagnostics = [...loaded.diagnostics];
  for (const rule of FILE_RULES) {
    rule.checkFile(source, (path: DataPath, message: string, at: 'key' | 'value' = 'value') => {
      diagnostics.push({
        code: rule.code,
        severity: rule.severity,
        message,
        file: file.path,
        ...file.locate(path, at),
      });
    });
  }
  return { diagnostics, source };
}

/**
 * `checkLadderFile`, keeping only what the rules across files read: the file's data and parsed
 * text become garbage at once (`locate` parses the bytes again if a rule across files reports).
 */
export function outlineLadderFile(
  input: InputFile,
  limits: LoadLimits = DEFAULT_LIMITS,
): OutlineCheck {
  const { diagnostics, source } = checkLadderFile(input, limits);
  return source
    ? { diagnostics, source: reopenedOutline(input, outlineOf(source.ladder)) }
    : { diagnostics };
}

/** The outline source of `input`, whose data was read before. */
function reopenedOutline(input: InputFile, ladder: LadderOutline): OutlineSource {
  return { file: reopenedYamlFile(input.path, input.bytes, ladder), ladder };
}
