/** Loads config and ladders from the repository once, for any command that needs the model. */

import type { Config } from '../config/config';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { isLadderFileName } from '../load/ladder-files';
import type { Model } from '../model/types';
import { validateLadders } from '../validate/index';
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
export function loadWorkspace(io: CliIo, paths: readonly string[] = []): Workspace {
  const { config, diagnostics: configDiagnostics } = readConfig(io);
  const targets = paths.length > 0 ? paths : [config.ladders];
  const { files, diagnostics: readDiagnostics } = timed('read', () =>
    collectFiles(io, targets, isLadderFileName, config.maxFileBytes),
  );
  const { model, diagnostics } = timed('validate', () =>
    validateLadders(files, {
      limits: { maxBytes: config.maxFileBytes, maxAliases: 100 },
      severities: config.severities,
    }),
  );
  const all = [...configDiagnostics, ...readDiagnostics, ...diagnostics].sort(compareDiagnostics);
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
    model,
    diagnostics: all,
    sources: new SourceTexts(new Map(files.map((f) => [f.path, f.bytes]))),
  };
}
