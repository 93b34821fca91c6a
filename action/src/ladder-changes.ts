/**
 * The ladder change of a pull request: gather the ladder files of both sides and the packets,
 * and hand them to the diff stage (`compareLadderFiles`), which does everything else.
 *
 * The head side is what the run already loaded (the checkout, the overlay or the head commit
 * through the API). The base side (`readBaseLadders`, which the review of packets uses too) is
 * the head side with the pull request's ladder changes taken back out: each ladder file it adds is dropped, and each it modifies, removes or renames is
 * read as it was at the base, from the base checkout when there is one (under
 * `pull_request_target`), else through the API at `pull_request.base.sha`, one request per
 * changed ladder file. Files the pull request does not touch are the same on both sides and are
 * never read twice. So the diff is exactly the pull request's change, even when its branch is
 * behind the base branch.
 */
import type { Config } from '../../src/config/config';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { type Comparison, compareLadderFiles } from '../../src/diff/compare';
import { unreadDiagnostic } from '../../src/load/snapshot';
import type { InputFile } from '../../src/validate/index';
import { type FileReader, isLadderFile } from '../../src/workspace/index';
import type { ChangedFile } from './changed-files';

/** Reads one file as it is at the base of the pull request. */
export interface BaseReader extends FileReader {
  /** Where the base files come from, for the log. */
  readonly description: string;
}

/** What `compareRevisions` needs. */
export interface RevisionInput {
  readonly config: Config;
  /** The head side's ladder files, as loaded. */
  readonly headFiles: readonly InputFile[];
  /** Problems met reading the head side's ladder files (a file too large). */
  readonly headProblems: readonly Diagnostic[];
  /** The base side, from `readBaseLadders`. */
  readonly baseLadders: BaseLadders;
  /** The packets in the repository at the head, for the impact. */
  readonly packets: readonly InputFile[];
  /** The pull request's author, never listed among the owners to ask. */
  readonly author?: string;
}

/** The ladder paths whose base version differs from the head's: read those at the base. */
function changedLadderPaths(
  changed: readonly ChangedFile[],
  config: Config,
): { readonly drop: ReadonlySet<string>; readonly readAtBase: readonly string[] } {
  const drop = new Set<string>();
  const readAtBase = new Set<string>();
  for (const c of changed) {
    if (isLadderFile(c.path, config)) {
      drop.add(c.path);
      if (c.status !== 'added' && c.status !== 'renamed' && c.status !== 'copied')
        readAtBase.add(c.path);
    }
    if (c.status === 'renamed' && c.previousPath !== undefined) {
      if (isLadderFile(c.previousPath, config)) readAtBase.add(c.previousPath);
    }
  }
  return { drop, readAtBase: [...readAtBase].sort() };
}

/** The base side's ladder files, and the problems of reading them. */
export interface BaseLadders {
  readonly files: readonly InputFile[];
  readonly problems: readonly Diagnostic[];
}

/**
 * The ladder files as they are at the base of the pull request: the head's, with each file the
 * pull request adds dropped and each it modifies, removes or renames read at the base.
 */
export async function readBaseLadders(
  config: Config,
  changed: readonly ChangedFile[],
  headFiles: readonly InputFile[],
  base: BaseReader,
): Promise<BaseLadders> {
  const { drop, readAtBase } = changedLadderPaths(changed, config);
  const reads = await Promise.all(readAtBase.map((p) => base.read(p, config.maxFileBytes)));
  const files: InputFile[] = headFiles.filter((f) => !drop.has(f.path));
  const problems: Diagnostic[] = [];
  readAtBase.forEach((path, i) => {
    const r = reads[i];
    if (r?.kind === 'file') files.push({ path, bytes: r.bytes });
    else if (r !== undefined && r.kind !== 'missing') problems.push(unreadDiagnostic(path, r));
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/** Compares the pull request's base and head ladders. */
export function compareRevisions(input: RevisionInput): Comparison {
  const { config } = input;
  return compareLadderFiles(
    input.baseLadders.files,
    input.headFiles,
    input.packets,
    {
      maxFileBytes: config.maxFileBytes,
      evidenceMinimum: config.evidenceMinimum,
      severities: config.severities,
      ...(input.author === undefined ? {} : { author: input.author }),
    },
    { base: input.baseLadders.problems, head: input.headProblems },
  );
}
