/**
 * The CLI's side of the one workspace reader (src/workspace): the working tree under the
 * repository root, read once for any command that needs the model, with the texts for code
 * frames; and `ladder validate PATH...`, which checks the files named against the ladders folder.
 */
import type { Config } from '../config/config';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { isLadderFileName, ladderFileStem } from '../load/ladder-files';
import type { WorkingTree } from '../load/working-tree';
import type { Model } from '../model/types';
import type { InputFile } from '../validate/file-check';
import { diagnoseLadders } from '../validate/index';
import {
  ladderLimits,
  loadWorkspace,
  noLadders,
  readConfig,
  readWorkspace,
  type WorkspaceOptions,
} from '../workspace/index';
import { type CliIo, collectFiles, workingTree } from './io';
import { SourceTexts } from './source-texts';
import { timed } from './timings';

/** Config, model and every diagnostic from reading them; `sources` holds texts for code frames. */
export interface Workspace {
  readonly config: Config;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceTexts;
  /** The packets of the packets folder, listed when first asked for. */
  readonly packets: () => Promise<readonly string[]>;
}

/** Where the CLI's `no-ladders` diagnostic points. */
const HINT = 'point the command at the right folder';

const OPTIONS: WorkspaceOptions = { hint: HINT, timed };

/** The ladder files' texts, and the config file's for its code frames. */
function sources(files: readonly InputFile[], config: InputFile | undefined): SourceTexts {
  return new SourceTexts(
    new Map(files.map((f) => [f.path, f.bytes])),
    new Map(config ? [[config.path, config.bytes]] : []),
  );
}

/** Reads ladder.config.yml and validates the ladders of the config's folder. */
export async function openWorkspace(io: CliIo): Promise<Workspace> {
  const loaded = await loadWorkspace(workingTree(io), OPTIONS);
  return {
    config: loaded.config,
    model: loaded.model,
    diagnostics: loaded.diagnostics,
    sources: sources(loaded.files, loaded.configFile),
    packets: loaded.packets,
  };
}

/**
 * For `ladder validate`: the diagnostics of the ladders of the config's folder, or of the files
 * under `paths` (repository-relative) when given, checked against the others. Only what the
 * rules across files read is kept of each file, so memory holds little more than the files'
 * bytes.
 */
export async function loadDiagnostics(
  io: CliIo,
  paths: readonly string[] = [],
): Promise<Omit<Workspace, 'model' | 'packets'>> {
  const tree = workingTree(io);
  if (paths.length === 0) {
    const read = await readWorkspace(tree, OPTIONS);
    const { config } = read;
    const validation = timed('validate', () =>
      diagnoseLadders(read.files, { limits: ladderLimits(config), severities: config.severities }),
    );
    const diagnostics = [
      ...read.configDiagnostics,
      ...read.readProblems,
      ...(read.noLadders ? [read.noLadders] : []),
      ...validation,
    ].sort(compareDiagnostics);
    return { config, diagnostics, sources: sources(read.files, read.configFile) };
  }
  return validateNamed(tree, paths);
}

/**
 * The files under `paths`, validated against the ladders of the config's folder (less the files
 * named, read once, and the files a named file from outside the folder stands in for: same name,
 * so the same ladder id, e.g. a draft of `ladders/ops.yml` kept elsewhere). Only the named files'
 * diagnostics are kept; problems reading the others are not theirs. Which of two files with one
 * ladder id is blamed does not depend on which was named (duplicate-id.ts).
 */
async function validateNamed(
  tree: WorkingTree,
  paths: readonly string[],
): Promise<Omit<Workspace, 'model' | 'packets'>> {
  const { config, diagnostics: configDiagnostics, file: configFile } = await readConfig(tree);
  const named = await timed('read', () =>
    collectFiles(tree, paths, isLadderFileName, config.maxFileBytes),
  );
  const namedPaths = new Set(named.files.map((f) => f.path));
  const others = (await readWorkspace(tree, { ...OPTIONS, config: { config, diagnostics: [] } }))
    .files;
  // A named file outside the ladders folder stands in for the ladder of its name; one of the
  // folder's own files stands in for nothing, so another file of its name is checked beside it.
  const own = new Set(others.map((f) => f.path));
  const stems = new Set(
    named.files.filter((f) => !own.has(f.path)).map((f) => ladderFileStem(f.path)),
  );
  const files = [
    ...named.files,
    ...others.filter((f) => !namedPaths.has(f.path) && !stems.has(ladderFileStem(f.path))),
  ];
  const validation = timed('validate', () =>
    diagnoseLadders(files, { limits: ladderLimits(config), severities: config.severities }),
  );
  const diagnostics = [
    ...configDiagnostics,
    ...named.diagnostics,
    ...validation.filter((d) => namedPaths.has(d.file)),
  ].sort(compareDiagnostics);
  if (namedPaths.size === 0 && named.diagnostics.length === 0)
    diagnostics.push(noLadders(paths, HINT));
  return { config, diagnostics, sources: sources(files, configFile) };
}
