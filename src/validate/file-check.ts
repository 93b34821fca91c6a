/**
 * The first half of the validate stage: one ladder file on its own, from bytes to data that
 * passed the schema and the rules about one file. Files do not depend on each other here, so
 * the rules across files come after (src/validate/index.ts).
 */

import ladderSchema from '../../schema/ladder.schema.json';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { DEFAULT_LIMITS, type LoadLimits, loadYaml } from '../load/yaml-document';
import { reopenedYamlFile } from '../load/yaml-locate';
import type { RawLadder } from '../model/raw';
import { ladderPlace } from './place';
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
import { validPart } from './schema-prune';
import { pointerOf } from './schema-walk';
import { ladder as validateLadderSchema } from './schemas.gen.js';

/** One file to validate: repository-relative path with forward slashes, and its bytes. */
export interface InputFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * What checking one file found: its diagnostics and, when the file could be read as a ladder,
 * its source. `partial` says the source holds only the parts that passed the schema: the rules
 * ran on them, but no model is built from it.
 */
export interface FileCheck {
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: LadderSource;
  readonly partial?: boolean;
}

/** What checking one file found, keeping of its data only the outline (rule.ts). */
export interface OutlineCheck {
  readonly diagnostics: readonly Diagnostic[];
  readonly source?: OutlineSource;
  readonly partial?: boolean;
}

/**
 * Loads one ladder file, checks it against the schema and the rules about one file. The rules
 * run on the parts of the file that passed the schema, so one run reports both kinds.
 */
export function checkLadderFile(input: InputFile, limits: LoadLimits = DEFAULT_LIMITS): FileCheck {
  const loaded = loadYaml(input.path, input.bytes, limits, { readPastDuplicates: true });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const { file } = loaded;
  const diagnostics = [...loaded.diagnostics];
  let ladder = file.data as RawLadder;
  let partial = false;
  if (!validateLadderSchema(file.data)) {
    const errors = validateLadderSchema.errors ?? [];
    diagnostics.push(...schemaDiagnostics(file, errors, ladderSchema, { place: ladderPlace }));
    const valid = validPart(file.data, errors, ladderSchema);
    if (valid === undefined) return { diagnostics };
    ladder = valid as RawLadder;
    partial = true;
  }
  const source: LadderSource = { file, ladder, lines: sourceLines(file) };
  for (const rule of FILE_RULES) {
    rule.checkFile(source, (path: DataPath, message: string, at: 'key' | 'value' = 'value') => {
      diagnostics.push({
        code: rule.code,
        severity: rule.severity,
        message,
        file: file.path,
        ...file.locate(path, at),
        dataPath: pointerOf(path),
      });
    });
  }
  return partial ? { diagnostics, source, partial } : { diagnostics, source };
}

/**
 * `checkLadderFile`, keeping only what the rules across files read: the file's data and parsed
 * text become garbage at once (`locate` parses the bytes again if a rule across files reports).
 */
export function outlineLadderFile(
  input: InputFile,
  limits: LoadLimits = DEFAULT_LIMITS,
): OutlineCheck {
  const { diagnostics, source, partial } = checkLadderFile(input, limits);
  if (!source) return { diagnostics };
  const outline = reopenedOutline(input, outlineOf(source.ladder));
  return partial ? { diagnostics, source: outline, partial } : { diagnostics, source: outline };
}

/** The outline source of `input`, whose data was read before. */
function reopenedOutline(input: InputFile, ladder: LadderOutline): OutlineSource {
  return { file: reopenedYamlFile(input.path, input.bytes, ladder), ladder };
}
