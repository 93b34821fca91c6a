/**
 * `ladder health [--format text|markdown|json]`: how each ladder, level, dimension and ability
 * is used (roles, levels, packets), whether anyone reached it, when it last changed (git blame),
 * and warnings for stale content, dimensions never evidenced and levels missing expectations.
 */
import { applyHealthSeverities, healthReport } from '../../health/health';
import { ladderHistory } from '../../health/history';
import { healthPackets } from '../../health/packets';
import { blameFiles } from '../../load/git-blame';
import { GitCommit } from '../../load/git-commit';
import { ANSI, PLAIN } from '../../report/diagnostics-text';
import { healthMarkdown } from '../../report/health';
import { healthText } from '../../report/health-text';
import { listPackets, readPackets } from '../../workspace/index';
import { type CommandSpec, parseCommandArgs } from '../args';
import { parseFormat, printDiagnostics } from '../format';
import { defaultBranch, isGitRepository, resolveCommit } from '../git';
import { type CliIo, workingTree } from '../io';
import { sourceDate } from '../source-date';
import { openWorkspace } from '../workspace';

export const spec = {
  summary: 'Report ladder health: usage by roles and packets, last changes, staleness.',
  usage: 'ladder health [--format text|markdown|json]',
  options: {
    format: {
      type: 'string',
      value: 'text|markdown|json',
      fallback: 'text',
      help: 'Text, Markdown (as the action writes it into the job summary), or JSON.',
    },
  },
  environment: {
    SOURCE_DATE_EPOCH:
      'The report date, in whole seconds since 1970-01-01 UTC (reproducible-builds.org). Default: now.',
  },
  example: 'npx ladder health --format markdown',
} as const satisfies CommandSpec;

/** Exit 0 (warnings are advice), 1 when the ladders do not validate. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(spec, args);
  const format = parseFormat(values.format, ['text', 'markdown', 'json']);
  // Read before any work, so that a bad value is told at once.
  const now = sourceDate(io.env);
  const workspace = await openWorkspace(io);
  const errors = workspace.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(io, format === 'json' ? 'json' : 'text', errors, workspace.sources);
    return 1;
  }
  const { config, model } = workspace;
  const git = isGitRepository(io);

  // Packets in the work tree; those also on the default branch are merged.
  const packetFiles = await readPackets(workingTree(io), config, await workspace.packets());
  let merged = new Set<string>();
  if (git) {
    const branch = defaultBranch(io) ?? 'HEAD';
    try {
      // The packets of that commit, listed as the working tree's are.
      merged = new Set(await listPackets(new GitCommit(io, resolveCommit(io, branch)), config));
    } catch {
      merged = new Set();
    }
  }
  const packets = healthPackets(packetFiles, model, (path) => merged.has(path), {
    evidenceMinimum: config.evidenceMinimum,
    maxPacketBytes: config.maxPacketBytes,
  });

  const files = workspace.sources.files();
  const blames = git
    ? await blameFiles(
        io,
        files.map((f) => f.path),
      )
    : new Map<string, string>();
  const health = applyHealthSeverities(
    healthReport(model, packets, ladderHistory(files, blames), {
      now,
      staleAfterDays: config.staleAfterDays,
    }),
    config.severities,
  );

  if (format === 'json') io.stdout(`${JSON.stringify(health, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(healthMarkdown(health));
  else io.stdout(healthText(health, io.colour ? ANSI : PLAIN));
  return 0;
}
