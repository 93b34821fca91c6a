/**
 * `ladder review [PACKET...] [--format text|markdown|json] [--verify]`: review promotion
 * packets; with `--verify`, also check their GitHub links through the API (never without it).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_FILE, type Config } from '../../config/config';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { unreadDiagnostic } from '../../load/snapshot';
import { plural } from '../../markdown/plural';
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
  reviewParsedPacket,
  unreadablePacket,
  verdictsExitCode,
} from '../../review/index';
import { packetTargets, type Send, verifyTargets } from '../../verify/run';
import type { Fetched, TargetScope } from '../../verify/types';
import { type CommandSpec, parseCommandArgs } from '../args';
import { parseFormat, printDiagnostics } from '../format';
import { cliScope, type Env, graphqlSender, graphqlUrl, verifyToken } from '../github';
import { type CliIo, fromCwd, repositoryFiles, workingTree } from '../io';
import { timed } from '../timings';
import { openWorkspace, type Workspace } from '../workspace';

export const spec = {
  summary: 'Review promotion packets: what is evidenced, thin or missing, and what to add.',
  usage: 'ladder review [PACKET...] [--format text|markdown|json] [--verify]',
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
    verify: {
      type: 'boolean',
      fallback: 'links are not looked up (no network)',
      help: "Check each GitHub link on GitHub (existence, state, the candidate's part, the cycle) with GITHUB_TOKEN or GH_TOKEN.",
    },
  },
  environment: {
    GITHUB_TOKEN: 'With --verify: the token to ask GitHub with (else GH_TOKEN).',
    GH_TOKEN:
      'With --verify: the token when GITHUB_TOKEN is not set (for example `GH_TOKEN=$(gh auth token)`).',
    GITHUB_REPOSITORY:
      "With --verify: `owner/name`, the repository `#123` points into. Default: the `origin` remote's.",
    GITHUB_SERVER_URL:
      'With --verify: the GitHub server whose links are verified. Default: https://github.com.',
    GITHUB_API_URL:
      'With --verify: the REST API address; GraphQL is asked at its `/graphql`. Default: https://api.github.com.',
    GITHUB_GRAPHQL_URL:
      'With --verify: the GraphQL API address, over GITHUB_API_URL. Default: https://api.github.com/graphql.',
    LADDER_RETRY_DELAY_MS:
      'With --verify: milliseconds before the one retry of a request that timed out or got a 5xx answer. Default: 1000.',
  },
  example: 'npx ladder review promotions/2026-h2/rivera-dana.md',
} as const satisfies CommandSpec;

/** Output is handed to `io.stdout` in pieces of about this many characters. */
const WRITE_CHUNK = 64 * 1024;

/** What is reported in path order: a file to read and review, or a path that cannot be read. */
type Entry =
  | { readonly path: string; readonly file: string }
  | { readonly path: string; readonly problem: Diagnostic };

/** One packet's review, and its text for code frames under findings. */
export interface ReviewedPacket {
  readonly review: PacketReview;
  readonly source: string | undefined;
}

/** A packet read and parsed, ready to review; or the review of one that could not be read. */
type Prepared =
  | { readonly kind: 'parsed'; readonly parsed: ParsedPacket; readonly bytes: Uint8Array }
  | { readonly kind: 'reviewed'; readonly reviewed: ReviewedPacket };

/**
 * Reads and parses the packets under `paths` (default: the config's packets folder) one at a
 * time, in path order. A packet is read when the caller asks for the next one, and is not held
 * after that, so memory does not grow with the number of packets.
 */
async function* parseEach(
  io: CliIo,
  config: Config,
  paths: readonly string[],
): AsyncGenerator<Prepared, void, undefined> {
  const explicit = paths.length > 0;
  const targets = explicit ? paths : [config.packets];
  // In a folder, only packet files count (a folder's README explains it and is skipped); a file
  // named explicitly is reviewed whatever its name, a README too.
  const tree = workingTree(io);
  const { paths: files, diagnostics } = timed('packets', () =>
    tree.find(targets, isPacketFile, config.maxPacketBytes),
  );
  // The default folder need not exist; but one that leads out of the repository is reported.
  const reported = (d: Diagnostic) =>
    explicit || d.file !== config.packets || d.code === 'outside-repository';
  const unreadable = (d: Diagnostic): Prepared => ({
    kind: 'reviewed',
    reviewed: {
      review: unreadablePacket(d.file, [
        d.code === 'file-too-large'
          ? packetTooLarge(d.file, sizeOf(io, d.file), config.maxPacketBytes)
          : d,
      ]),
      source: undefined,
    },
  });
  const entries: Entry[] = [
    ...files.map((file) => ({ path: file, file })),
    ...diagnostics.filter(reported).map((problem) => ({ path: problem.file, problem })),
  ];
  // Stable: packets before problems of the same path, each in the order found.
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of entries) {
    if ('problem' in entry) {
      yield unreadable(entry.problem);
      continue;
    }
    const read = await timed('packets', () => tree.read(entry.file, config.maxPacketBytes));
    if (read.kind !== 'file') {
      if (read.kind !== 'missing') {
        const problem = unreadDiagnostic(entry.file, read);
        if (reported(problem)) yield unreadable(problem);
      }
      continue;
    }
    const { bytes } = read;
    const parsed = timed('review', () =>
      parsePacket(entry.path, bytes, { maxBytes: config.maxPacketBytes }),
    );
    yield { kind: 'parsed', parsed, bytes };
  }
}

const decoder = new TextDecoder();

/** Reviews a parsed packet; `options` may carry what GitHub said about its links. */
function reviewParsed(
  model: Workspace['model'],
  { parsed, bytes }: { parsed: ParsedPacket; bytes: Uint8Array },
  options: ReviewOptions,
): ReviewedPacket {
  const review = timed('review', () => reviewParsedPacket(model, parsed, options));
  // Code frames show what the file holds even when it is not valid UTF-8.
  return {
    review,
    source: parsed.text ?? (review.findings.length > 0 ? decoder.decode(bytes) : undefined),
  };
}

/**
 * The review options for a packet. The repository's files (to check relative links) are listed
 * once, and only when a packet has a relative link.
 */
function reviewOptions(io: CliIo, config: Config): (parsed: ParsedPacket) => ReviewOptions {
  let repository: ReadonlySet<string> | undefined;
  return (parsed) => {
    if (repository === undefined && hasRelativeLink(parsed))
      repository = timed('packets', () => repositoryFiles(io));
    return {
      evidenceMinimum: config.evidenceMinimum,
      maxPacketBytes: config.maxPacketBytes,
      trackers: config.trackers,
      ...(repository ? { files: repository } : {}),
    };
  };
}

/** What `--verify` needs: where links point, how to ask, and how many links are left to ask. */
interface Verifier {
  readonly scope: TargetScope;
  readonly send: Send;
  left: number;
  requests: number;
  asked: number;
  overLimit: number;
}

/** The verifier for `--verify`, or undefined with a note on stderr saying why there is none. */
function verifier(io: CliIo, config: Config): Verifier | undefined {
  const env: Env = io.env ?? {};
  if (config.verify === 'off') {
    io.stderr(
      'ladder review: `review.verify` is `off` in ladder.config.yml; links not verified.\n',
    );
    return undefined;
  }
  const token = verifyToken(env);
  if (!token) {
    io.stderr(
      'ladder review: --verify needs a token: set GITHUB_TOKEN or GH_TOKEN (for example `GH_TOKEN=$(gh auth token)`); links not verified.\n',
    );
    return undefined;
  }
  const scope = cliScope(env, io.root);
  if (!scope.repository)
    io.stderr(
      'ladder review: no GITHUB_REPOSITORY and no GitHub `origin` remote, so `#123` references are not verified.\n',
    );
  const retry = Number(env.LADDER_RETRY_DELAY_MS);
  return {
    scope,
    send: graphqlSender(token.token, graphqlUrl(env), Number.isFinite(retry) ? retry : 1000),
    left: config.maxVerifiedLinks,
    requests: 0,
    asked: 0,
    overLimit: 0,
  };
}

/** Asks GitHub about one packet's links (within what is left of the limit), then reviews it. */
async function verifyAndReview(
  model: Workspace['model'],
  config: Config,
  prepared: { parsed: ParsedPacket; bytes: Uint8Array },
  v: Verifier,
  options: ReviewOptions,
): Promise<ReviewedPacket> {
  const targets = packetTargets(prepared.parsed, v.scope);
  const github = prepared.parsed.frontMatter?.data?.github;
  const run = await verifyTargets(
    [{ ...(github === undefined ? {} : { login: github }), targets }],
    v.left,
    v.send,
  );
  v.left -= run.asked;
  v.requests += run.requests;
  v.asked += run.asked;
  v.overLimit += run.overLimit;
  const results: ReadonlyMap<string, Fetched> = run.results;
  return reviewParsed(model, prepared, {
    ...options,
    verification: {
      mode: config.verify === 'require' ? 'require' : 'report',
      scope: v.scope,
      results,
      cycles: config.cycles,
      limit: config.maxVerifiedLinks,
    },
  });
}

/** Exit 1 when a packet is invalid or (per `review.failOn`) missing or thin evidence. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(spec, args);
  const format = parseFormat(values.format, ['text', 'markdown', 'json']);
  const workspace = await usableWorkspace(io, format);
  if (workspace === undefined) return 1;
  const { config, model, diagnostics } = workspace;
  const ladderErrors = diagnostics.filter((d) => d.severity === 'error');
  if (ladderErrors.length > 0) {
    const files = new Set(ladderErrors.map((d) => d.file));
    io.stderr(
      `ladder review: ${plural(ladderErrors.length, 'error')} in ${[...files].join(', ')}; packets for a broken ladder cannot be checked. Run \`ladder validate\` for details.\n`,
    );
  }
  const out = chunkedWriter(io.stdout);
  const writer: ReviewWriter =
    format === 'json'
      ? jsonReviewWriter(out.write)
      : format === 'markdown'
        ? markdownReviewWriter(out.write)
        : textReviewWriter(out.write, io.colour ? ANSI : PLAIN);
  const v = values.verify ? verifier(io, config) : undefined;
  const optionsFor = reviewOptions(io, config);
  const paths = positionals.map((p) => fromCwd(io, p));
  for await (const prepared of parseEach(io, config, paths)) {
    const { review, source } =
      prepared.kind === 'reviewed'
        ? prepared.reviewed
        : v
          ? await verifyAndReview(model, config, prepared, v, optionsFor(prepared.parsed))
          : reviewParsed(model, prepared, optionsFor(prepared.parsed));
    timed('report', () => writer.add(review, source));
    // Wait for a slow reader rather than holding the report in memory.
    if (out.flushed() && io.drained) await io.drained();
  }
  timed('report', () => writer.end());
  out.flush();
  if (v)
    io.stderr(
      `ladder review: verified ${plural(v.asked, 'GitHub link')} in ${plural(v.requests, 'request')}${v.overLimit > 0 ? `; ${v.overLimit} over the limit of ${config.maxVerifiedLinks} (\`limits.maxVerifiedLinks\`) not checked` : ''}.\n`,
    );
  return verdictsExitCode(writer.counts, config.failOn);
}

/**
 * The config and the model, or undefined when ladder.config.yml has an error: then, as
 * `validate`, `check`, `render` and `health` do, the errors are printed (as JSON with `--format
 * json`) and nothing is reviewed, since the packets folder and `review.failOn` would be guesses.
 * Only the config and the model are kept: the ladder texts (for code frames) are not needed
 * after this, and holding them through the review made every full garbage collection slower.
 */
async function usableWorkspace(
  io: CliIo,
  format: string,
): Promise<Pick<Workspace, 'config' | 'model' | 'diagnostics'> | undefined> {
  const workspace = await openWorkspace(io);
  const errors = workspace.diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => d.file === CONFIG_FILE)) {
    printDiagnostics(io, format === 'json' ? 'json' : 'text', errors, workspace.sources);
    io.stderr(
      `ladder review: ${CONFIG_FILE} has an error, so no packet was reviewed (where the packets are and when they fail would be guesses); fix it first.\n`,
    );
    return undefined;
  }
  const { config, model, diagnostics } = workspace;
  return { config, model, diagnostics };
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
