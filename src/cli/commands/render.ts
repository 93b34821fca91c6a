/**
 * `ladder render [--check] [--out DIR]`: write the Markdown pages and the JSON/CSV exports of
 * the ladders into the pages folder (only files that changed; generated files that are no
 * longer produced are removed), or, with `--check`, write nothing and report what is stale.
 */
import {
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
import { parseArgs } from 'node:util';
import type { Diagnostic } from '../../diagnostics/diagnostic';
import { renderSite } from '../../render/index';
import { DEFAULT_RENDER_COMMAND } from '../../render/marker';
import { planSync, type SyncPlan, syncDiagnostics } from '../../render/sync';
import { printDiagnostics } from '../format';
import { type CliIo, isInside, repoPath, UsageError } from '../io';
import { timed } from '../timings';
import { loadWorkspace, type Workspace } from '../workspace';

export const summary = 'Write the ladder pages and JSON/CSV exports, or check they are current.';
export const usage = 'ladder render [--check] [--out DIR]';

const EXTENSIONS = ['.md', '.json', '.csv'];
// Generated files are far smaller; a bigger file is never read whole just to compare it.
const MAX_READ_BYTES = 16 * 1024 * 1024;

/** Where the pages go and what the state of that folder is. */
interface PagesState {
  readonly dir: string;
  readonly absolute: string;
  readonly command: string;
  readonly plan: SyncPlan | undefined;
  readonly diagnostics: readonly Diagnostic[];
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

/** Resolves the pages folder and refuses one outside the repository (or the root itself). */
function pagesFolder(io: CliIo, folder: string): { dir: string; absolute: string } {
  const absolute = resolve(io.root, folder);
  if (!isInside(io.root, absolute) || absolute === resolve(io.root) || !staysInside(io, absolute))
    throw new UsageError(
      `The pages folder \`${folder}\` must be a folder inside the repository (not the root itself).`,
    );
  return { dir: repoPath(io.root, absolute), absolute };
}

/** Reads the generated-looking files under the pages folder: relative path → text. */
function readPages(absolute: string): Map<string, string> {
  const files = new Map<string, string>();
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
      const info = lstatSync(path);
      if (info.isDirectory()) walk(path, rel);
      else if (EXTENSIONS.some((ext) => name.endsWith(ext))) {
        // A symbolic link or an oversized file is never ours: empty text makes it stale, and
        // without the marker it is never removed.
        files.set(
          rel,
          info.isFile() && info.size <= MAX_READ_BYTES ? readFileSync(path, 'utf8') : '',
        );
      }
    }
  };
  walk(absolute, '');
  return files;
}

/** Renders the model and compares it with the pages folder. Writes nothing. */
function pagesState(io: CliIo, workspace: Workspace, out: string | undefined): PagesState {
  const { dir, absolute } = pagesFolder(io, out ?? workspace.config.pages);
  const command =
    dir === workspace.config.pages
      ? DEFAULT_RENDER_COMMAND
      : `${DEFAULT_RENDER_COMMAND} --out ${shellQuote(dir)}`;
  const rendered = timed('render', () => renderSite(workspace.model, { pagesDir: dir, command }));
  if (rendered.diagnostics.length > 0)
    return { dir, absolute, command, plan: undefined, diagnostics: rendered.diagnostics };
  const plan = planSync(rendered.files, readPages(absolute));
  return { dir, absolute, command, plan, diagnostics: syncDiagnostics(plan, dir, command) };
}

/**
 * The render check `ladder check` runs: a diagnostic per stale, missing or orphaned file in
 * the configured pages folder (or per clashing page path). Call only on a model without errors.
 */
export function checkPages(io: CliIo, workspace: Workspace): readonly Diagnostic[] {
  return pagesState(io, workspace, undefined).diagnostics;
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
export function run(args: readonly string[], io: CliIo): number {
  const { values } = parseArgs({
    args: [...args],
    options: { check: { type: 'boolean' }, out: { type: 'string' } },
  });
  const workspace = loadWorkspace(io);
  if (workspace.diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(io, 'text', workspace.diagnostics, workspace.sources);
    io.stderr('The ladders have errors; fix them first. No page was written.\n');
    return 1;
  }
  if (workspace.diagnostics.length > 0)
    printDiagnostics(io, 'text', workspace.diagnostics, workspace.sources);

  const state = pagesState(io, workspace, values.out);
  const { plan } = state;
  if (!plan) {
    printDiagnostics(io, 'text', state.diagnostics, workspace.sources);
    io.stderr('Some pages would overwrite each other. No page was written.\n');
    return 1;
  }
  const total = plan.unchanged + plan.writes.length;
  if (values.check) {
    if (plan.problems.length === 0) {
      io.stdout(`All ${total} generated files in ${state.dir} are up to date.\n`);
      return 0;
    }
    printDiagnostics(io, 'text', state.diagnostics, workspace.sources);
    io.stdout(
      `${plan.problems.length} generated file(s) in ${state.dir} are stale, missing or orphaned. Run \`${state.command}\` to update them.\n`,
    );
    return 1;
  }

  // A folder inside the pages folder may be a symbolic link elsewhere: check before writing.
  const outside = plan.writes.filter(
    (f) => !staysInside(io, dirname(join(state.absolute, f.path))),
  );
  if (outside.length > 0) {
    for (const f of outside)
      io.stderr(
        `${state.dir}/${f.path}: a symbolic link leads this path outside the repository.\n`,
      );
    io.stderr('Remove the symbolic links in the pages folder. No page was written.\n');
    return 1;
  }
  for (const file of plan.writes) writeFile(join(state.absolute, file.path), file.content);
  for (const path of plan.removals) {
    const absolute = join(state.absolute, path);
    unlinkSync(absolute);
    pruneEmpty(dirname(absolute), state.absolute);
  }
  const verb = { missing: 'created', stale: 'updated', orphaned: 'removed' } as const;
  for (const p of plan.problems) io.stdout(`  ${verb[p.status]}  ${state.dir}/${p.path}\n`);
  io.stdout(
    plan.problems.length === 0
      ? `All ${total} generated files in ${state.dir} are up to date; nothing written.\n`
      : `Wrote ${plan.writes.length} and removed ${plan.removals.length} file(s) in ${state.dir}; ${plan.unchanged} were already up to date.\n`,
  );
  return 0;
}
