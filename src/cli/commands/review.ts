/** `ladder review [PACKET...] [--format text|markdown|json]`: review promotion packets. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { isPacketFile } from '../../packet/files';
import { hasRelativeLink, packetTooLarge, parsePacket } from '../../packet/parse';
import type { ParsedPacket } from '../../packet/types';
import { ANSI, PLAIN } from '../../report/diagnostics-text';
import {
  jsonReviewWriter,
  markdownReviewWriter,
  type ReviewWriter,
  textReviewWriter,
} from '../../report/review-stream';
import {
  type PacketReview,
  type ReviewOptions,
  reviewDiagnostics,
  reviewParsedPacket,
  unreadablePacket,
  verdictsExitCode,
} from '../../review/index';
import { type CommandSpec, parseCommandArgs } from '../args';
import { parseFormat } from '../format';
import { type CliIo, type FoundFile, findFiles, fromCwd, readFound, repositoryFiles } from '../io';
import { timed } from '../timings';
import { loadWorkspace, type Workspace } from '../workspace';

export const spec = {
  summary: 'Review promotion packets: what is evidenced, thin or missing, and what to add.',
  usage: 'ladder review [PACKET...] [--format text|markdown|json]',
  positionals: {
    name: 'PACKET...',
    fallback: "every packet in the config's packets folder (folder READMEs aside)",
    help: 'Packet files or folders, relative to this folder.',
  },
  options: {
    format: {
      type: 'string',
      value: 'text|markdown|json',
      fallback: 'text',
      help: 'Text, the Markdown of the pull request comment, or JSON.',
    },
  },
  example: 'npx ladder review promotions/2026-h2/rivera-dana.md',
} as const satisfies CommandSpec;

/** Output is handed to `io.stdout` in pieces of about this many characters. */
const WRITE_CHUNK = 64 * 1024;

/** What is reported in path order: a file to read and review, or a path that cannot be read. */
type Entry =
  | { readonly path: string; readonly file: FoundFile }
  | { readonly path: string; readonly problem: Diagnostic };

/** One packet's review, and its text for code frames under findings. */
export interface ReviewedPacket {
  readonly review: PacketReview;
  readonly source: string | undefined;
}

/**
 * Reviews the packets under `paths` (default: the config's packets folder) one at a time, in path
 * order. A packet is read, parsed and reviewed when the caller asks for the next one, and is not
 * held after that, so memory does not grow with the number of packets.
 */
export function* reviewEach(
  io: CliIo,
  { config, model }: Pick<Workspace, 'config' | 'model'>,
  paths: readonly string[],
): Generator<ReviewedPacket, void, undefined> {
  const explicit = paths.length > 0;
  const targets = explicit ? paths : [config.packets];
  // In a folder, only packet files count (a folder's README explains it and is skipped); a file
  // named explicitly is reviewed whatever its name, a README too.
  const { files, diagnostics } = timed('packets', () =>
    findFiles(io, targets, isPacketFile, config.maxPacketBytes),
  );
  // The default folder need not exist; but one that leads out of the repository is reported.
  const reported = (d: Diagnostic) =>
    explicit || d.file !== config.packets || d.code === 'outside-repository';
  const unreadable = (d: Diagnostic): ReviewedPacket => ({
    review: unreadablePacket(d.file, [
      d.code === 'file-too-large'
        ? packetTooLarge(d.file, sizeOf(io, d.file), config.maxPacketBytes)
        : d,
    ]),
    source: undefined,
  });
  const entries: Entry[] = [
    ...files.map((file) => ({ path: file.path, file })),
    ...diagnostics.filter(reported).map((problem) => ({ path: problem.file, problem })),
  ];
  // Stable: packets before problems of the same path, each in the order found.
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // The repository's files are listed once, and only when a packet has a relative link.
  let repository: ReadonlySet<string> | undefined;
  const options = (parsed: ParsedPacket): ReviewOptions => {
    if (repository === undefined && hasRelativeLink(parsed))
      repository = timed('packets', () => repositoryFiles(io));
    return {
      evidenceMinimum: config.evidenceMinimum,
      maxPacketBytes: config.maxPacketBytes,
      trackers: config.trackers,
      ...(repository ? { files: repository } : {}),
    };
  };
  const decoder = new TextDecoder();
  for (const entry of entries) {
    if ('problem' in entry) {
      yield unreadable(entry.problem);
      continue;
    }
    const bytes = timed('packets', () => readFound(entry.file));
    if (!(bytes instanceof Uint8Array)) {
      if (reported(bytes)) yield unreadable(bytes);
      continue;
    }
    const { review, text } = timed('review', () => {
      const parsed = parsePacket(entry.path, bytes, { maxBytes: config.maxPacketBytes });
      return { review: reviewParsedPacket(model, parsed, options(parsed)), text: parsed.text };
    });
    // Code frames show what the file holds even when it is not valid UTF-8.
    yield {
      review,
      source: text ?? (review.findings.length > 0 ? decoder.decode(bytes) : undefined),
    };
  }
}

/** Exit 1 when a packet is invalid or (per `review.failOn`) missing or thin evidence. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(spec, args);
  const format = parseFormat(values.format, ['text', 'markdown', 'json']);
  // Only the config and the model are kept: the ladder texts (for code frames) are not needed
  // here, and holding them through the review made every full garbage collection slower.
  const { config, model, diagnostics } = await loadWorkspace(io);
  const ladderErrors = diagnostics.filter((d) => d.severity === 'error');
  if (ladderErrors.length > 0) {
    const files = new Set(ladderErrors.map((d) => d.file));
    io.stderr(
      `ladder review: ${ladderErrors.length} error(s) in ${[...files].join(', ')}; packets for a broken ladder cannot be checked. Run \`ladder validate\` for details.\n`,
    );
  }
  const out = chunkedWriter(io.stdout);
  const writer: ReviewWriter =
    format === 'json'
      ? jsonReviewWriter(out.write)
      : format === 'markdown'
        ? markdownReviewWriter(out.write)
        : textReviewWriter(out.write, io.colour ? ANSI : PLAIN);
  const paths = positionals.map((p) => fromCwd(io, p));
  for (const { review, source } of reviewEach(io, { config, model }, paths)) {
    timed('report', () => writer.add(review, source));
    // Wait for a slow reader rather than holding the report in memory.
    if (out.flushed() && io.drained) await io.drained();
  }
  timed('report', () => writer.end());
  out.flush();
  return verdictsExitCode(writer.counts, config.failOn);
}

/** Collects small writes into pieces of about WRITE_CHUNK characters. */
function chunkedWriter(stdout: (text: string) => void): {
  write: (text: string) => void;
  flush: () => void;
  /** Whether a piece was written since the last call. */
  flushed: () => boolean;
} {
  let pending: string[] = [];
  let size = 0;
  let wrote = false;
  const flush = () => {
    if (pending.length === 0) return;
    stdout(pending.join(''));
    pending = [];
    size = 0;
    wrote = true;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= WRITE_CHUNK) flush();
    },
    flush,
    flushed() {
      const result = wrote;
      wrote = false;
      return result;
    },
  };
}

function sizeOf(io: CliIo, path: string): number {
  try {
    return statSync(resolve(io.root, path)).size;
  } catch {
    return 0;
  }
}
