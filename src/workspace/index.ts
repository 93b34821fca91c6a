/**
 * The one workspace reader of the CLI and the action: from a snapshot (the working tree, a git
 * commit or GitHub's API tree, src/load/snapshot.ts) read the config, list and read the ladder
 * files, validate them, and list the packets. The CLI and the action both call `loadWorkspace`;
 * they differ only in the snapshot they hand it and in how they report.
 */
import { CONFIG_FILE, type Config, DEFAULT_CONFIG, parseConfig } from '../config/config';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic';
import { isLadderFileName, LADDER_EXTENSIONS } from '../load/ladder-files';
import { inFolder, type ReadResult, type Snapshot, unreadDiagnostic } from '../load/snapshot';
import type { LoadLimits } from '../load/yaml-document';
import type { Model } from '../model/types';
import { isPacketFile, PACKET_EXTENSIONS } from '../packet/files';
import { type InputFile, validateLadders } from '../validate/index';

/** The largest config file read. */
export const CONFIG_MAX_BYTES = 256 * 1024;

/** Runs a step, timing it under a label (the CLI's `LADDER_TIMINGS`); by default just runs it. */
export type Timer = <T>(label: string, fn: () => T) => T;

const untimed: Timer = (_label, fn) => fn();

/** What the caller sets above the config file: its path and the folders (the action's inputs). */
export interface ConfigOverrides {
  /** The config file's path (default `ladder.config.yml`). */
  readonly configFile?: string;
  readonly ladders?: string;
  readonly packets?: string;
  readonly pages?: string;
}

/** A config as read, and the problems of reading it. */
export interface ReadConfig {
  readonly config: Config;
  readonly diagnostics: readonly Diagnostic[];
  /** The config file as read, when there is one: the CLI prints code frames from it. */
  readonly file?: InputFile;
  /** Where the config file sets the ladders folder (not overridden), to point `no-ladders` at. */
  readonly laddersAt?: Place;
}

/** Anything a file can be read from: a snapshot, or a pull request's base side. */
export interface FileReader {
  read(path: string, maxBytes: number): Promise<ReadResult>;
}

/**
 * Reads the config file (its defaults when it is missing); `overrides` set folders over it. A
 * config that cannot be read (too large, a link out of the repository) is reported and the
 * defaults used: never followed out, never silently ignored.
 */
export async function readConfig(
  reader: FileReader,
  overrides: ConfigOverrides = {},
): Promise<ReadConfig> {
  const path = overrides.configFile ?? CONFIG_FILE;
  const diagnostics: Diagnostic[] = [];
  let config = DEFAULT_CONFIG;
  let read: InputFile | undefined;
  let laddersAt: ReadConfig['laddersAt'];
  const file = await reader.read(path, CONFIG_MAX_BYTES);
  if (file.kind === 'file') {
    read = { path, bytes: file.bytes };
    const parsed = parseConfig(path, file.bytes);
    config = parsed.config;
    diagnostics.push(...parsed.diagnostics);
    if (overrides.ladders === undefined && parsed.laddersAt)
      laddersAt = { file: path, ...parsed.laddersAt };
  } else if (file.kind !== 'missing') diagnostics.push(unreadDiagnostic(path, file));
  config = {
    ...config,
    ...(overrides.ladders === undefined ? {} : { ladders: overrides.ladders }),
    ...(overrides.packets === undefined ? {} : { packets: overrides.packets }),
    ...(overrides.pages === undefined ? {} : { pages: overrides.pages }),
  };
  return {
    config,
    diagnostics,
    ...(read ? { file: read } : {}),
    ...(laddersAt ? { laddersAt } : {}),
  };
}

/**
 * Whether a path is a promotion packet: Markdown (`.md`, `.markdown`) under the packets folder,
 * not a folder's README (`src/packet/files.ts`).
 */
export function isPacket(path: string, config: Config): boolean {
  return inFolder(path, config.packets) && isPacketFile(path);
}

/** Whether a path is a ladder file under the ladders folder. */
export function isLadderFile(path: string, config: Config): boolean {
  return inFolder(path, config.ladders) && isLadderFileName(path);
}

/** The limits ladder files are loaded under. */
export function ladderLimits(config: Config): LoadLimits {
  return { maxBytes: config.maxFileBytes, maxAliases: 100 };
}

/** A place in a file: where a diagnostic points. */
interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * The one `no-ladders` diagnostic: nothing to validate where the ladders were looked for.
 * `hint` says where else to point (the config, the command line, the action's input); `at` is
 * where the folder is named, else the folder itself.
 */
export function noLadders(
  folders: readonly string[],
  hint: string,
  at: Place = { file: folders[0] ?? DEFAULT_CONFIG.ladders, line: 1, column: 1 },
): Diagnostic {
  return {
    code: 'no-ladders',
    severity: 'error',
    message: `No ladder files (*.yml) found in ${folders.join(', ')}; add one, or ${hint}.`,
    ...at,
  };
}

/** How to load a workspace. */
export interface WorkspaceOptions extends ConfigOverrides {
  /** A config already read (a pull request's review decides it), instead of the snapshot's. */
  readonly config?: ReadConfig;
  /** Where the `no-ladders` diagnostic tells the user to point instead (after "add one, or"). */
  readonly hint?: string;
  /** Times the reading and the validation (the CLI's `LADDER_TIMINGS`). */
  readonly timed?: Timer;
}

/** The config and the ladder files of a snapshot, read but not validated. */
export interface ReadWorkspace {
  readonly config: Config;
  /** The problems of the config file. */
  readonly configDiagnostics: readonly Diagnostic[];
  /** The config file as read, when there is one (for code frames). */
  readonly configFile?: InputFile;
  /** The ladder files that were read, sorted by path. */
  readonly files: readonly InputFile[];
  /** Problems reading ladder files (too large, a link out): that side cannot be diffed. */
  readonly readProblems: readonly Diagnostic[];
  /** The `no-ladders` diagnostic, when the ladders folder lists nothing. */
  readonly noLadders: Diagnostic | undefined;
}

/** Reads the config and every ladder file of the snapshot, without validating them. */
export async function readWorkspace(
  snapshot: Snapshot,
  options: WorkspaceOptions = {},
): Promise<ReadWorkspace> {
  const timed = options.timed ?? untimed;
  const read = options.config ?? (await readConfig(snapshot, options));
  const { config } = read;
  const paths = await timed('read', () => snapshot.list(config.ladders, LADDER_EXTENSIONS));
  const reads = await Promise.all(
    paths.map((p) => timed('read', () => snapshot.read(p, config.maxFileBytes))),
  );
  const files: InputFile[] = [];
  const readProblems: Diagnostic[] = [];
  paths.forEach((path, i) => {
    const r = reads[i];
    if (r?.kind === 'file') files.push({ path, bytes: r.bytes });
    else if (r !== undefined && r.kind !== 'missing') readProblems.push(unreadDiagnostic(path, r));
  });
  return {
    config,
    configDiagnostics: read.diagnostics,
    ...(read.file ? { configFile: read.file } : {}),
    files,
    readProblems,
    noLadders:
      paths.length === 0
        ? read.laddersAt
          ? // The config names the folder: the line to correct is there.
            noLadders([config.ladders], 'correct `ladders` here', read.laddersAt)
          : noLadders(
              [config.ladders],
              options.hint ?? `set \`ladders\` in ${options.configFile ?? CONFIG_FILE}`,
            )
        : undefined,
  };
}

/** A workspace: its config, its ladders validated, and its packets. */
export interface Workspace extends ReadWorkspace {
  readonly model: Model;
  /** Every diagnostic of reading the config and the ladders and of validating them, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The packets of the snapshot (`isPacket`), sorted: listed on the first call, once. */
  readonly packets: () => Promise<readonly string[]>;
}

/**
 * Reads the config (or takes `options.config`), lists and reads the ladder files of its ladders
 * folder, validates them; the packets of its packets folder are listed when asked for.
 */
export async function loadWorkspace(
  snapshot: Snapshot,
  options: WorkspaceOptions = {},
): Promise<Workspace> {
  const timed = options.timed ?? untimed;
  const read = await readWorkspace(snapshot, options);
  const { config } = read;
  const validated = timed('validate', () =>
    validateLadders(read.files, {
      limits: ladderLimits(config),
      severities: config.severities,
    }),
  );
  const diagnostics = [
    ...read.configDiagnostics,
    ...read.readProblems,
    ...(read.noLadders ? [read.noLadders] : []),
    ...validated.diagnostics,
  ].sort(compareDiagnostics);
  let packets: Promise<readonly string[]> | undefined;
  return {
    ...read,
    model: validated.model,
    diagnostics,
    packets: () => {
      packets ??= listPackets(snapshot, config);
      return packets;
    },
  };
}

/** The packets of the snapshot (as `isPacket` says), sorted. */
export async function listPackets(snapshot: Snapshot, config: Config): Promise<readonly string[]> {
  return (await snapshot.list(config.packets, PACKET_EXTENSIONS)).filter((p) =>
    isPacket(p, config),
  );
}

/**
 * Reads packets, for the ladder diff's impact and the health report. A packet that cannot be
 * read (too large, a link out) is left out here; the review reports it.
 */
export async function readPackets(
  snapshot: Snapshot,
  config: Config,
  paths: readonly string[],
): Promise<InputFile[]> {
  const reads = await Promise.all(paths.map((p) => snapshot.read(p, config.maxPacketBytes)));
  return paths.flatMap((path, i) => {
    const r = reads[i];
    return r?.kind === 'file' ? [{ path, bytes: r.bytes }] : [];
  });
}
