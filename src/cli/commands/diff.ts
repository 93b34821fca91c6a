/**
 * `ladder diff [--base REF] [--head REF] [--format text|markdown|json]`: the ladder change
 * between two git revisions in ladder terms, the version check, and the packets it affects.
 * This module only chooses the two sides (a commit, read from git as data, or the working tree)
 * and reads each through the one workspace reader; `compareLadderFiles` does the rest.
 */
import type { Config } from '../../config/config';
import { compareDiagnostics, type Diagnostic } from '../../diagnostics/diagnostic';
import { compareLadderFiles } from '../../diff/compare';
import { GitCommit } from '../../load/git-commit';
import type { Snapshot } from '../../load/snapshot';
import { ANSI, formatDiagnosticsText, PLAIN } from '../../report/diagnostics-text';
import { ladderChangesSection } from '../../report/ladder-changes';
import { ladderChangesText } from '../../report/ladder-changes-text';
import {
  type BrokenSide,
  inRevision,
  ladderChangesUnavailableMarkdown,
  ladderChangesUnavailableText,
} from '../../report/ladder-changes-unavailable';
import type { InputFile } from '../../validate/index';
import { listPackets, readPackets, readWorkspace } from '../../workspace/index';
import { type CommandSpec, parseCommandArgs } from '../args';
import { parseFormat } from '../format';
import { defaultBase, isGitRepository, type Revision, resolveCommit } from '../git';
import { type CliIo, sourceTexts, UsageError, workingTree } from '../io';

export const spec = {
  summary: 'Explain a ladder change: semantic diff, version check, affected packets.',
  usage: 'ladder diff [--base REF] [--head REF] [--format text|markdown|json]',
  options: {
    base: {
      type: 'string',
      value: 'REF',
      fallback:
        'on the default branch, the commit before HEAD; elsewhere, the merge base of HEAD with the default branch',
      help: 'The git revision to compare from (a branch, tag or commit).',
    },
    head: {
      type: 'string',
      value: 'REF',
      fallback: 'the working tree',
      help: 'The git revision to compare to.',
    },
    format: {
      type: 'string',
      value: 'text|markdown|json',
      fallback: 'text',
      help: 'Text, the Markdown of the pull request comment section, or JSON.',
    },
  },
  example: 'npx ladder diff --base main --head HEAD --format markdown',
} as const satisfies CommandSpec;

/** One side of the diff as read: its config, its ladder files and the problems reading them. */
interface Side {
  readonly config: Config;
  /** What is wrong in the side's ladder.config.yml (its defaults stand in for a bad value). */
  readonly configDiagnostics: readonly Diagnostic[];
  readonly files: readonly InputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads a side as every command reads the working tree: its own ladder.config.yml, then the
 * ladder files of its ladders folder. A side with no ladders is a change (every ladder
 * removed, or none yet), not a problem: `no-ladders` is not reported here.
 */
async function readSide(snapshot: Snapshot): Promise<Side> {
  const read = await readWorkspace(snapshot);
  return {
    config: read.config,
    configDiagnostics: read.configDiagnostics,
    files: read.files,
    diagnostics: read.readProblems,
  };
}

/**
 * Exit 0, or 1 when a version was not bumped as required, the head's config has an error, or a
 * side does not validate.
 */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(spec, args);
  const format = parseFormat(values.format, ['text', 'markdown', 'json']);
  if (!isGitRepository(io))
    throw new UsageError('`ladder diff` compares git revisions; run it inside a git repository.');
  const base: Revision =
    values.base !== undefined
      ? { sha: resolveCommit(io, values.base), label: values.base }
      : defaultBase(io);
  const headSha = values.head !== undefined ? resolveCommit(io, values.head) : undefined;
  const labels = { base: base.label, head: values.head ?? 'the working tree' };
  const revisions = {
    base: { ref: labels.base, sha: base.sha },
    head: { ref: labels.head, sha: headSha ?? null },
  };

  const baseTree = new GitCommit(io, base.sha);
  const headTree: Snapshot =
    headSha === undefined
      ? workingTree(io)
      : headSha === base.sha
        ? baseTree
        : new GitCommit(io, headSha);
  const [before, after] = await Promise.all([readSide(baseTree), readSide(headTree)]);
  // The head's config sets the rules of the comparison, as for every command on the working tree.
  const { config } = after;
  const packets = await readPackets(headTree, config, await listPackets(headTree, config));
  const comparison = compareLadderFiles(
    before.files,
    after.files,
    packets,
    {
      maxFileBytes: config.maxFileBytes,
      evidenceMinimum: config.evidenceMinimum,
      severities: config.severities,
    },
    { base: before.diagnostics, head: after.diagnostics },
  );
  const palette = io.colour ? ANSI : PLAIN;
  // The head's config is the one in force, so what is wrong in it is reported with the change
  // (as `validate` reports it); the base's was already there before the change.
  const configProblems = after.configDiagnostics;

  // Where each side's files come from, as git names them (`HEAD:ladders/ops.yml`): the base is
  // always a commit; the head is one when named.
  const revision = { base: values.base ?? base.sha.slice(0, 7), head: values.head };
  const headFiles = (diagnostics: readonly Diagnostic[], files: readonly InputFile[]) =>
    inRevision(diagnostics, sourceTexts(files), revision.head);

  if (!comparison.ok) {
    const sides = comparison.broken.map(
      (b): BrokenSide => ({
        side: b.side,
        label: labels[b.side],
        ...(revision[b.side] === undefined ? {} : { revision: revision[b.side] }),
        errors: b.errors,
        sources: sourceTexts(b.side === 'base' ? before.files : after.files),
      }),
    );
    if (format === 'json') {
      // The keys of a comparison are always there, empty; a base's errors say they are the base's.
      const diagnostics = [
        ...comparison.broken.flatMap((b) =>
          b.side === 'base' ? b.errors.map((d) => ({ ...d, revision: 'base' })) : b.errors,
        ),
        ...configProblems,
      ];
      const none = { changes: [], versions: [], titles: {}, impact: [] };
      const reviewers = { users: [], teams: [] };
      io.stdout(
        `${JSON.stringify({ ok: false, ...revisions, ...none, reviewers, diagnostics }, null, 2)}\n`,
      );
    } else if (format === 'markdown') {
      io.stdout(ladderChangesUnavailableMarkdown(sides));
    } else {
      io.stdout(ladderChangesUnavailableText(sides, palette));
      if (configProblems.length > 0) {
        const shown = headFiles(configProblems, []);
        io.stdout(`\n${formatDiagnosticsText(shown.diagnostics, shown.sources, palette)}\n`);
      }
    }
    return 1;
  }

  const { result, impact, reviewers } = comparison;
  const diagnostics = [...configProblems, ...comparison.diagnostics].sort(compareDiagnostics);
  const failed = diagnostics.some((d) => d.severity === 'error');
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ ok: !failed, ...revisions, ...result, impact, reviewers, diagnostics }, null, 2)}\n`,
    );
  } else if (format === 'markdown') {
    // As the comment joins its sections (src/report/pr-comment.ts).
    io.stdout(ladderChangesSection(result, impact, reviewers, { requested: false }).join('\n\n'));
  } else {
    io.stdout(ladderChangesText(result, impact, { ...labels, reviewers, palette }));
    if (diagnostics.length > 0) {
      const shown = headFiles(diagnostics, after.files);
      io.stdout(`\n${formatDiagnosticsText(shown.diagnostics, shown.sources, palette)}\n`);
    }
  }
  return failed ? 1 : 0;
}
