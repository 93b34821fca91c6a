/**
 * The CLI's surroundings, and its reading of the repository: the working tree
 * (src/load/working-tree.ts, the action's walker too), rooted at the repository root. Every path
 * is kept inside the root: a path argument, a config folder or a symlink that leads outside it is
 * reported, not read.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { unreadDiagnostic } from '../load/snapshot';
import { repoPath, WorkingTree } from '../load/working-tree';
import type { InputFile } from '../validate/index';
import { type ReadConfig, readConfig as readSnapshotConfig } from '../workspace/index';

/**
 * What the CLI is given by its surroundings: the process (bin.ts) or a test. The commands read
 * the folder and the environment from here, never from `process`.
 */
export interface CliStart {
  /** The folder the command runs in: paths on the command line are relative to it. */
  readonly cwd: string;
  /** The environment (for git, `SOURCE_DATE_EPOCH`, `LADDER_DEBUG`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly colour: boolean;
  /**
   * Resolves once standard output has handed what was written to the operating system. A
   * command that writes a long output in pieces waits for it, so that a slow reader (a pipe)
   * does not make the output pile up in memory. Absent: writes never pile up.
   */
  readonly drained?: () => Promise<void>;
}

/** What a command needs: its surroundings and the repository root (`findRoot`). */
export interface CliIo extends CliStart {
  /** The repository root: paths are resolved against it and may not leave it. */
  readonly root: string;
}

/** A problem with the command line itself (exit 2). */
export class UsageError extends Error {}

/** The working tree of the repository the command runs in. */
export function workingTree(io: Pick<CliIo, 'root'>): WorkingTree {
  return new WorkingTree(io.root);
}

/**
 * A path the user typed, relative to the folder the command runs in, as a repository-relative
 * path with forward slashes (`.` for the root itself; `../…` when it leads out of the root, which
 * the readers then refuse, naming the root).
 */
export function fromCwd(io: CliIo, path: string): string {
  return repoPath(io.root, resolve(io.cwd, path)) || '.';
}

/** Whether anything (a file, a folder, a link even to nowhere) stands at `absolute`. */
export function pathExists(absolute: string): boolean {
  try {
    lstatSync(absolute);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the files under `paths` that `keep` keeps (and those named, whatever their names), in
 * the order they are walked; a path named that is not there, a link out, a file over `maxBytes`
 * is a diagnostic.
 */
export async function collectFiles(
  tree: WorkingTree,
  paths: readonly string[],
  keep: (path: string) => boolean,
  maxBytes: number,
): Promise<{ files: InputFile[]; diagnostics: Diagnostic[] }> {
  const found = tree.find(paths, keep, maxBytes);
  const files: InputFile[] = [];
  const diagnostics = found.diagnostics;
  for (const path of found.paths) {
    const read = await tree.read(path, maxBytes);
    if (read.kind === 'file') files.push({ path, bytes: read.bytes });
    else if (read.kind !== 'missing') diagnostics.push(unreadDiagnostic(path, read));
  }
  return { files, diagnostics };
}

/**
 * Every file of the repository (hidden folders such as `.github` included; `.git` and
 * `node_modules` left out, and links that cannot be followed), by repository path: what a
 * packet's relative links may point at.
 */
export function repositoryFiles(io: CliIo): Set<string> {
  const files = new Set<string>();
  for (const m of workingTree(io).walk(['.'], { keep: () => true, hidden: true }))
    if (m.kind === 'file') files.add(m.path);
  return files;
}

/** Reads `ladder.config.yml` when there is one (its defaults when not). */
export function readConfig(io: Pick<CliIo, 'root'>): Promise<ReadConfig> {
  return readSnapshotConfig(workingTree(io));
}

/** The text of each file, for code frames. */
export function sourceTexts(files: readonly InputFile[]): Map<string, string> {
  const decoder = new TextDecoder();
  return new Map(files.map((f) => [f.path, decoder.decode(f.bytes)]));
}
