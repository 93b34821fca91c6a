/** Loads config and ladders from the repository once, for any command that needs the model. */

import type { Config } from '../config/config';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { isLadderFileName } from '../load/ladder-files';
import type { LoadLimits } from '../load/yaml-document';
import type { Model } from '../model/types';
import type { InputFile } from '../validate/file-check';
import { diagnoseLadders, validateLadders } from '../validate/index';
import { type CliIo, collectFiles, readConfig } from './io';
import { SourceTexts } from './source-texts';
import { timed } from './timings';

/** Config, model and every diagnostic from reading them; `sources` holds texts for code frames. */
export interface Workspace {
  readonly config: Config;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceTexts;
}

/** Reads ladder.config.yml and validates the ladders under `paths` (default: the config's folder). */
export async function loadWorkspace(io: CliIo, paths: readonly string[] = []): Promise<Workspace> {
  const read = readLadders(io, paths);
  const { model, diagnostics } = timed('validate', () =>
    validateLadders(read.files, { limits: read.limits, severities: read.config.severities }),
  );
  return { model, ...finish(read, diagnostics) };
}

/**
 * `loadWorkspace` without the model, for `ladder validate`: only what the rules across files read
 * is kept of each file, so memory holds little more than the files' bytes.
 */
export async function loadDiagnostics(
  io: CliIo,
  paths: readonly string[] = [],
): Promise<Omit<Workspace, 'model'>> {
  const read = readLadders(io, paths);
  const diagnostics = timed('validate', () =>
    diagnoseLadders(read.files, { limits: read.limits, severities: read.config.severities }),
  );
  return finish(read, diagnostics);
}

interface Read {
  readonly config: Config;
  readonly targets: readonly string[];
  readonly files: readonly InputFile[];
  readonly limits: LoadLimits;
  readonly configDiagnostics: readonly Diagnostic[];
  readonly readDiagnostics: readonly Diagnostic[];
}

function readLadders(io: CliIo, paths: readonly string[]): Read {
  const { config, diagnostics: configDiagnostics } = readConfig(io);
  const targets = paths.length > 0 ? paths : [config.ladders];
  const { files, diagnostics: readDiagnostics } = timed('read', () =>
    collectFiles(io, targets, isLadderFileName, config.maxFileBytes),
  );
  return {
    config,
    targets,
    files,
    limits: { maxBytes: config.maxFileBytes, maxAliases: 100 },
    configDiagnostics,
    readDiagnostics,
  };
}

function finish(read: Read, validation: readonly Diagnostic[]): Omit<Workspace, 'model'> {
  const { config, targets, files, configDiagnostics, readDiagnostics } = read;
  const all = [...configDiagnostics, ...readDiagnostics, ...validation].sort(compareDiagnostics);
  if (files.length === 0 && readDiagnostics.length === 0) {
    all.push({
      code: 'no-ladders',
      severity: 'error',
      message: `No ladder files (*.yml) found in ${targets.join(', ')}; add one or point the command at the right folder.`,
      file: targets[0] ?? config.ladders,
      line: 1,
      column: 1,
    });
  }
  return {
    config,
    diagnostics: all,
    sources: new SourceTexts(new Map(files.map((f) => [f.path, f.bytes]))),
  };
}
