/**
 * `ladder render [--check] [--out DIR]`: write the Markdown pages and the JSON/CSV exports of
 * the ladders into the pages folder (only files that changed; generated files that are no
 * longer produced are removed; a file without the generated marker is never written over), or,
 * with `--check`, write nothing and report what is stale.
 */

import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { ladderFilesHealth } from '../../health/health';
import { isInside, repoPath } from '../../load/working-tree';
import { plural } from '../../markdown/plural';
import {
  PACKET_GUIDE,
  pageDiagnostics,
  renderCollisions,
  renderFiles,
  renderPaths,
  repositoryRenderOptions,
} from '../../render/index';
import { DEFAULT_RENDER_COMMAND } from '../../render/marker';
import { mendable, SYNC_CODES, type SyncPlan, syncPlanner } from '../../render/sync';
import { type CommandSpec, parseCommandArgs } from '../args';
import { printDiagnostics } from '../format';
import { type CliIo, fromCwd, UsageError } from '../io';
import { timed } from '../timings';
import { openWorkspace, type Workspace } from '../workspace';

export const spec = {
  summary: 'Write the ladder pages and JSON/CSV exports, or check they are current.',
  usage: 'ladder render [--check] [--out DIR]',
  options: {
    check: {
      type: 'boolean',
      fallback: 'off: write the pages',
      help: 'Write nothing; exit 1 when a page is stale, missing or orphaned.',
    },
    out: {
      type: 'string',
      value: 'DIR',
      fallback: "the config's pages folder (docs/ladders)",
      help: 'The folder to write the pages into, relative to this folder.',
    },
  },
  example: 'npx ladder render --check',
} as const satisfies CommandSpec;

const EXTENSIONS = ['.md', '.json', '.csv'];
// Generated files are far smaller; a bigger file is never read whole just to compare it.
const MAX_READ_BYTES = 16 * 1024 * 1024;

/** Where the pages go and what the state of that folder is. */
interface PagesState {
  readonly dir: string;
  readonly absolute: string;
  readonly command: string;
  readonly result:
    | { readonly kind: 'collisions'; readonly collisions: readonly Diagnostic[] }
    /** The pages folder, or pages that a symbolic link would lead, out of the repository. */
    | { readonly kind: 'outside'; readonly diagnostics: readonly Diagnostic[] }
    | {
        readonly kind: 'synced';
        readonly plan: Omit<SyncPlan, 'writes'>;
        /** Files written (0 unless writing). */
        readonly written: number;
        readonly diagnostics: readonly Diagnostic[];
      };
}

function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Whether `absolute` (existing or not) stays inside the repository once symbolic links are followed. */
function staysInside(io: CliIo, absolute: string): boolean {
  // The deepest part of the path that exists decides where the rest will be created.
  let existing = absolute;
  for (;;) {
    try {
      return isInside(realpathSync(io.root), realpathSync(existing));
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return false;
      existing = parent;
    }
  }
}

/** An `outside-repository` diagnostic on a path of the pages (relative to the root). */
function outsideRepository(io: CliIo, path: string, why: string): Diagnostic {
  return {
    code: 'outside-repository',
    severity: 'error',
    message: `${why}; pages are written only inside it. The repository root is ${io.root}.`,
    file: path,
    line: 1,
    column: 1,
  };
}

/**
 * Resolves the pages folder: with an `outside-repository` diagnostic when it is outside the
 * repository (or leads out of it through a symbolic link). The root itself is a usage error.
 */
function pagesFolder(
  io: CliIo,
  folder: string,
): { dir: string; absolute: string; outside?: Diagnostic } {
  const absolute = resolve(io.root, folder);
  if (absolute === resolve(io.root))
    throw new UsageError(
      `The pages folder must be a folder inside the repository, not its root (${io.root}).`,
    );
  const dir = repoPath(io.root, absolute);
  const why = !isInside(io.root, absolute)
    ? 'This folder is outside the repository'
    : !staysInside(io, absolute)
      ? 'A symbolic link leads this folder outside the repository'
      : undefined;
  return { dir, absolute, ...(why ? { outside: outsideRepository(io, dir, why) } : {}) };
}

/** The generated-looking files under the pages folder (relative paths); nothing is read yet. */
function listPages(absolute: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      if (lstatSync(path).isDirectory()) walk(path, rel);
      else if (EXTENSIONS.some((ext) => name.endsWith(ext))) files.push(rel);
    }
  };
  walk(absolute, '');
  return files;
}

/**
 * The text of a file in the pages folder. A symbolic link or an oversized file is never ours:
 * empty text makes it stale, and without the marker it is never removed.
 */
function readPage(absolute: string): string {
  try {
    const info = lstatSync(absolute);
    return info.isFile() && info.size <= MAX_READ_BYTES ? readFileSync(absolute, 'utf8') : '';
  } catch {
    return '';
  }
}

/**
 * Renders the model one file at a time and compares each with the pages folder, writing the
 * ones that changed when `write` is set, then (when writing) removes the orphaned generated
 * files. Only one rendered page is in memory at a time (issue 7). Writes nothing when a page
 * would go through a symbolic link out of the repository.
 */
function syncPages(
  io: CliIo,
  workspace: Workspace,
  out: string | undefined,
  write: boolean,
  collisions: readonly Diagnostic[] = renderCollisions(workspace.model),
): PagesState {
  const { dir, absolute, outside: folderOutside } = pagesFolder(io, out ?? workspace.config.pages);
  const command =
    dir === workspace.config.pages
      ? DEFAULT_RENDER_COMMAND
      : `${DEFAULT_RENDER_COMMAND} --out ${shellQuote(dir)}`;
  const state = { dir, absolute, command };
  if (folderOutside) return { ...state, result: { kind: 'outside', diagnostics: [folderOutside] } };
  if (collisions.length > 0) return { ...state, result: { kind: 'collisions', collisions } };
  // A folder inside the pages folder may be a symbolic link elsewhere: check before writing.
  // (Files under such a folder are never listed, so they would always be written.)
  if (write) {
    const folders = new Map<string, boolean>();
    const inside = (folder: string) => {
      if (!folders.has(folder)) folders.set(folder, staysInside(io, folder));
      return folders.get(folder);
    };
    const outside = renderPaths(workspace.model).filter(
      (path) => !inside(dirname(join(absolute, path))),
    );
    const why = 'A symbolic link leads this path outside the repository';
    const diagnostics = outside.map((path) => outsideRepository(io, `${dir}/${path}`, why));
    if (outside.length > 0) return { ...state, result: { kind: 'outside', diagnostics } };
  }
  const planner = syncPlanner(listPages(absolute), (path) => readPage(join(absolute, path)));
  let written = 0;
  const options = repositoryRenderOptions(
    workspace.config,
    dir,
    command,
    existsSync(join(io.root, PACKET_GUIDE)),
    ladderFilesHealth(workspace.model),
  );
  const files = renderFiles(workspace.model, options);
  for (;;) {
    const next = timed('render', () => files.next());
    if (next.done) break;
    if (planner.add(next.value) && write) {
      writeFile(join(absolute, next.value.path), next.value.content);
      written += 1;
    }
  }
  const plan = planner.finish();
  if (write)
    for (const path of plan.removals) {
      const file = join(absolute, path);
      unlinkSync(file);
      pruneEmpty(dirname(file), absolute);
    }
  return {
    ...state,
    result: {
      kind: 'synced',
      plan,
      written,
      diagnostics: pageDiagnostics(workspace.model, plan, dir, command),
    },
  };
}

/**
 * The render check `ladder check` runs: a diagnostic per stale, missing or orphaned file in
 * the configured pages folder, per file of the user's where a page goes, or per clashing page
 * path (`collisions`: the model's `renderCollisions`, which the caller has already found). Call
 * only on a model without errors.
 */
export function checkPages(
  io: CliIo,
  workspace: Workspace,
  collisions: readonly Diagnostic[],
): { readonly diagnostics: readonly Diagnostic[]; readonly advice?: string } {
  const state = syncPages(io, workspace, undefined, false, collisions);
  const { result } = state;
  if (result.kind === 'collisions') return { diagnostics: result.collisions };
  if (result.kind === 'outside') return { diagnostics: result.diagnostics };
  const count = result.plan.problems.filter(mendable).length;
  return {
    diagnostics: result.diagnostics,
    ...(count > 0 ? { advice: staleAdvice(count, state) } : {}),
  };
}

/** The line that closes a list of stale pages: how many, and the command that updates them. */
function staleAdvice(count: number, { dir, command }: { dir: string; command: string }): string {
  const [are, them] = count === 1 ? ['is', 'it'] : ['are', 'them'];
  return `${plural(count, 'generated file')} in ${dir} ${are} stale, missing or orphaned. Run \`${command}\` to update ${them}.\n`;
}

/** What `render` did: `Wrote 9 files in docs/ladders; 5 were already up to date.` */
function writtenSummary(written: number, removed: number, unchanged: number, dir: string): string {
  const done: string[] = [];
  if (written > 0) done.push(`wrote ${plural(written, 'file')}`);
  if (removed > 0) done.push(`removed ${plural(removed, 'file')}`);
  const did = done.join(' and ') || 'wrote nothing';
  const current =
    unchanged === 0 ? '' : `; ${unchanged} ${unchanged === 1 ? 'was' : 'were'} already up to date`;
  return `${did.charAt(0).toUpperCase()}${did.slice(1)} in ${dir}${current}.\n`;
}

/** Writes a file, replacing (never following) a symbolic link that stands in its place. */
function writeFile(absolute: string, content: string): void {
  mkdirSync(dirname(absolute), { recursive: true });
  try {
    if (lstatSync(absolute).isSymbolicLink()) unlinkSync(absolute);
  } catch {
    // Not there yet.
  }
  writeFileSync(absolute, content);
}

/** Removes now-empty folders from `dir` up to (not including) `stop`. */
function pruneEmpty(dir: string, stop: string): void {
  let current = dir;
  while (current !== stop && isInside(stop, current)) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = dirname(current);
  }
}

/** Exit 0 when the pages were written (or are current with `--check`), 1 on any problem. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(spec, args);
  // `--check` writes nothing anyway: saying that no page was written would read as news.
  const unwritten = values.check === true ? '' : ' No page was written.';
  const workspace = await openWorkspace(io);
  if (workspace.diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(io, 'text', workspace.diagnostics, workspace.sources);
    io.stderr(`The ladders have errors; fix them first.${unwritten}\n`);
    return 1;
  }
  if (workspace.diagnostics.length > 0)
    printDiagnostics(io, 'text', workspace.diagnostics, workspace.sources);

  const out = values.out === undefined ? undefined : fromCwd(io, values.out);
  const state = syncPages(io, workspace, out, values.check !== true);
  const { result } = state;
  if (result.kind === 'collisions') {
    printDiagnostics(io, 'text', result.collisions, workspace.sources);
    io.stderr(`Some pages would overwrite each other.${unwritten}\n`);
    return 1;
  }
  if (result.kind === 'outside') {
    printDiagnostics(io, 'text', result.diagnostics, workspace.sources);
    if (unwritten !== '') io.stderr(`${unwritten.trim()}\n`);
    return 1;
  }
  const { plan } = result;
  const total = plan.unchanged + result.written;
  if (values.check) {
    if (plan.problems.length === 0) {
      io.stdout(`All ${plan.unchanged} generated files in ${state.dir} are up to date.\n`);
      return 0;
    }
    printDiagnostics(io, 'text', result.diagnostics, workspace.sources);
    const stale = plan.problems.filter(mendable).length;
    if (stale > 0) io.stdout(staleAdvice(stale, state));
    return 1;
  }
  const verb = { missing: 'created', stale: 'updated', orphaned: 'removed' } as const;
  for (const p of plan.problems)
    if (p.status !== 'not-generated') io.stdout(`  ${verb[p.status]}  ${state.dir}/${p.path}\n`);
  // Files of the user's where a page goes: every other page is written, these are not.
  const kept = result.diagnostics.filter((d) => d.code === SYNC_CODES['not-generated']);
  if (kept.length > 0) printDiagnostics(io, 'text', kept, workspace.sources);
  io.stdout(
    plan.problems.length === 0
      ? `All ${total} generated files in ${state.dir} are up to date; nothing written.\n`
      : writtenSummary(result.written, plan.removals.length, plan.unchanged, state.dir),
  );
  if (kept.length === 0) return 0;
  io.stderr(
    kept.length === 1
      ? 'Left 1 file of yours as it is (above); its page was not written.\n'
      : `Left ${kept.length} files of yours as they are (above); their pages were not written.\n`,
  );
  return 1;
}
