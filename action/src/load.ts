/**
 * Reading the configuration and the ladders from a snapshot, and telling packets and ladder files
 * apart among a pull request's changed files. The engine validates; this only gathers bytes.
 */
import { type Config, DEFAULT_CONFIG, parseConfig } from '../../src/config/config';
import { compareDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic';
import { isLadderFileName, LADDER_EXTENSIONS } from '../../src/load/ladder-files';
import type { Model } from '../../src/model/types';
import { isPacketFile, PACKET_EXTENSIONS } from '../../src/packet/files';
import { type InputFile, validateLadders } from '../../src/validate/index';
import { inFolder, type ReadResult, type Snapshot, unreadDiagnostic } from './files';
import type { ActionInputs } from './inputs';

/** The largest config file read. */
const CONFIG_MAX_BYTES = 256 * 1024;

/** The config, the model and every diagnostic of reading them. */
export interface Loaded {
  readonly config: Config;
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
  /** The ladder files that were read (their bytes feed the ladder diff and the health history). */
  readonly files: readonly InputFile[];
  /** Problems reading ladder files (too large, a link out): that side cannot be diffed. */
  readonly readProblems: readonly Diagnostic[];
  /** How many ladder files were read. */
  readonly ladderFiles: number;
}

/** A config as read, and the problems of reading it. */
export interface ReadConfig {
  readonly config: Config;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads the config file through `read` (its defaults when it is missing); inputs override it. */
export async function readConfig(
  read: (path: string, maxBytes: number) => Promise<ReadResult>,
  inputs: ActionInputs,
): Promise<ReadConfig> {
  const diagnostics: Diagnostic[] = [];
  let config = DEFAULT_CONFIG;
  const file = await read(inputs.config, CONFIG_MAX_BYTES);
  if (file.kind === 'file') {
    const parsed = parseConfig(inputs.config, file.bytes);
    config = parsed.config;
    diagnostics.push(...parsed.diagnostics);
  } else if (file.kind !== 'missing') diagnostics.push(unreadDiagnostic(inputs.config, file));
  config = {
    ...config,
    ...(inputs.ladders === undefined ? {} : { ladders: inputs.ladders }),
    ...(inputs.packets === undefined ? {} : { packets: inputs.packets }),
    ...(inputs.pages === undefined ? {} : { pages: inputs.pages }),
  };
  return { config, diagnostics };
}

/**
 * Validates every ladder in the snapshot, under `given` (a config already read, as a pull
 * request's review decides it) or the snapshot's own config file.
 */
export async function load(
  snapshot: Snapshot,
  inputs: ActionInputs,
  given?: ReadConfig,
): Promise<Loaded> {
  const read = given ?? (await readConfig((p, max) => snapshot.read(p, max), inputs));
  const { config } = read;
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const paths = await snapshot.list(config.ladders, LADDER_EXTENSIONS);
  const reads = await Promise.all(paths.map((p) => snapshot.read(p, config.maxFileBytes)));
  const files: InputFile[] = [];
  const readProblems: Diagnostic[] = [];
  paths.forEach((path, i) => {
    const r = reads[i];
    if (r?.kind === 'file') files.push({ path, bytes: r.bytes });
    else if (r !== undefined && r.kind !== 'missing') readProblems.push(unreadDiagnostic(path, r));
  });
  diagnostics.push(...readProblems);
  if (paths.length === 0)
    diagnostics.push({
      code: 'no-ladders',
      severity: 'error',
      message: `No ladder files (*.yml) found in ${config.ladders}; add one, or set \`ladders\` in ${inputs.config} or the action's \`ladders\` input.`,
      file: config.ladders,
      line: 1,
      column: 1,
    });
  const validated = validateLadders(files, {
    limits: { maxBytes: config.maxFileBytes, maxAliases: 100 },
    severities: config.severities,
  });
  diagnostics.push(...validated.diagnostics);
  return {
    config,
    model: validated.model,
    diagnostics: diagnostics.sort(compareDiagnostics),
    files,
    readProblems,
    ladderFiles: files.length,
  };
}

/**
 * Whether a path is a promotion packet: Markdown (`.md`, `.markdown`) under the packets folder,
 * not a folder's README, by the rule the CLI follows too (`src/packet/files.ts`).
 */
export function isPacket(path: string, config: Config): boolean {
  return inFolder(path, config.packets) && isPacketFile(path);
}

/** Whether a path is a ladder file under the ladders folder. */
export function isLadderFile(path: string, config: Config): boolean {
  return inFolder(path, config.ladders) && isLadderFileName(path);
}

/**
 * Every packet in the snapshot (as `isPacket` says), for the
 * ladder diff's impact and the health page. A packet that cannot be read (too large, a link
 * out) is left out here; the review reports it when a pull request changes it.
 */
export async function loadPackets(snapshot: Snapshot, config: Config): Promise<InputFile[]> {
  const paths = (await snapshot.list(config.packets, PACKET_EXTENSIONS)).filter((p) =>
    isPacket(p, config),
  );
  const reads = await Promise.all(paths.map((p) => snapshot.read(p, config.maxPacketBytes)));
  return paths.flatMap((path, i) => {
    const r = reads[i];
    return r?.kind === 'file' ? [{ path, bytes: r.bytes }] : [];
  });
}
