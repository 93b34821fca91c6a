/** `ladder review [PACKET...] [--format text|markdown|json]`: review promotion packets. */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { packetTooLarge } from '../../packet/parse';
import { ANSI, PLAIN } from '../../report/diagnostics-text';
import { composeComment } from '../../report/pr-comment';
import { formatReviewText } from '../../report/review-text';
import {
  type PacketReview,
  type ReviewReport,
  reviewDiagnostics,
  reviewExitCode,
  reviewPackets,
  unreadablePacket,
} from '../../review/index';
import { parseFormat } from '../format';
import { type CliIo, collectFiles } from '../io';
import { timed } from '../timings';
import { loadWorkspace, type Workspace } from '../workspace';

/** One line for `ladder --help`. */
export const summary =
  'Review promotion packets (default: all under promotions/): what is evidenced, thin or missing.';
/** The synopsis shown with usage errors. */
export const usage = 'ladder review [PACKET...] [--format text|markdown|json]';

/** Packet files end in these. */
const PACKET_EXTENSIONS = ['.md', '.markdown'];

/** Reads and reviews the packets under `paths` (default: the config's packets folder). */
export function reviewFromDisk(
  io: CliIo,
  workspace: Workspace,
  paths: readonly string[],
): { report: ReviewReport; sources: Map<string, string> } {
  const { config, model } = workspace;
  const explicit = paths.length > 0;
  const targets = explicit ? paths : [config.packets];
  const { files, diagnostics } = collectFiles(
    io,
    targets,
    PACKET_EXTENSIONS,
    config.maxPacketBytes,
  );
  // A folder's README explains the folder; it is not a packet. Named explicitly, it is reviewed.
  const given = new Set(paths.map((p) => p.replace(/^\.\//, '')));
  const packets = files.filter(
    (f) => given.has(f.path) || basename(f.path).toLowerCase() !== 'readme.md',
  );
  const report = timed('review', () =>
    reviewPackets(model, packets, {
      evidenceMinimum: config.evidenceMinimum,
      maxPacketBytes: config.maxPacketBytes,
    }),
  );
  const unreadable: PacketReview[] = diagnostics
    // The default folder need not exist; but one that leads out of the repository is reported.
    .filter((d) => explicit || d.file !== config.packets || d.code === 'outside-repository')
    .map((d) =>
      unreadablePacket(d.file, [
        d.code === 'file-too-large'
          ? packetTooLarge(d.file, sizeOf(io, d.file), config.maxPacketBytes)
          : d,
      ]),
    );
  const all = [...report.packets, ...unreadable].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const decoder = new TextDecoder();
  return {
    report: { packets: all },
    sources: new Map(packets.map((f) => [f.path, decoder.decode(f.bytes)])),
  };
}

/** The packets step of `ladder check`: every packet under the config's folder, as diagnostics. */
export function checkPackets(io: CliIo, workspace: Workspace): { diagnostics: Diagnostic[] } {
  const { report } = reviewFromDisk(io, workspace, []);
  return {
    diagnostics: report.packets.flatMap((p) => reviewDiagnostics(p, workspace.config.failOn)),
  };
}

/** Exit 1 when a packet is invalid or (per `review.failOn`) missing or thin evidence. */
export function run(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { format: { type: 'string' } },
  });
  const format = parseFormat(values.format, ['text', 'markdown', 'json']);
  const workspace = loadWorkspace(io);
  const ladderErrors = workspace.diagnostics.filter((d) => d.severity === 'error');
  if (ladderErrors.length > 0) {
    const files = new Set(ladderErrors.map((d) => d.file));
    io.stderr(
      `ladder review: ${ladderErrors.length} error(s) in ${[...files].join(', ')}; packets for a broken ladder cannot be checked. Run \`ladder validate\` for details.\n`,
    );
  }
  const { report, sources } = reviewFromDisk(io, workspace, positionals);
  if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(composeComment({ review: report }));
  else io.stdout(`${formatReviewText(report, sources, io.colour ? ANSI : PLAIN)}\n`);
  return reviewExitCode(report, workspace.config.failOn);
}

function sizeOf(io: CliIo, path: string): number {
  try {
    return statSync(resolve(io.root, path)).size;
  } catch {
    return 0;
  }
}
