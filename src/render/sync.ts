/**
 * Comparing the rendered files with what is in the pages folder: which files are stale,
 * missing or orphaned (generated earlier, but no longer produced), and which stand where a
 * generated file goes without being one. `render` writes and removes accordingly; `render
 * --check` and `check` report the same plan as diagnostics.
 */
import type { PageCode } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { isGenerated } from './marker';
import type { RenderedFile } from './site';

/**
 * Why a file is not as `render` would leave it. `not-generated`: a file without the generated
 * marker (one a person wrote) is where a generated file goes; `render` never writes over it.
 */
export type FileStatus = 'stale' | 'missing' | 'orphaned' | 'not-generated';

/** One file that is not as `render` would leave it. */
export interface FileProblem {
  /** Relative to the pages folder. */
  readonly path: string;
  readonly status: FileStatus;
  /** For a stale file, the first line that differs (1-based). */
  readonly line?: number;
}

/** What `render` has to do to bring the pages folder up to date. */
export interface SyncPlan {
  /** Every problem, sorted by path. */
  readonly problems: readonly FileProblem[];
  /** Stale and missing files, with their new content (never a `not-generated` one). */
  readonly writes: readonly RenderedFile[];
  /** Orphaned files to delete: they carry the generated marker and are no longer produced. */
  readonly removals: readonly string[];
  /** Files already up to date. */
  readonly unchanged: number;
}

function firstDifference(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i += 1;
  return i + 1;
}

/** Compares rendered files with the pages folder one at a time (see `syncPlanner`). */
export interface SyncPlanner {
  /** Compares one rendered file with the existing one: true when it must (and may) be written. */
  add(file: RenderedFile): boolean;
  /** The problems (sorted by path), the orphaned files to remove, and how many were current. */
  finish(): Omit<SyncPlan, 'writes'>;
}

/**
 * Plans the update one rendered file at a time. `existing` holds the relative path of every
 * file now in the pages folder and `read` gives one's text when it is needed, so neither the
 * rendered site nor the pages folder has to be held in memory whole (issue 7). Files that do
 * not carry the generated marker are never removed, nor written over.
 */
export function syncPlanner(
  existing: Iterable<string>,
  read: (path: string) => string,
): SyncPlanner {
  const paths = new Set(existing);
  // Compared without case: on a case-insensitive disk `l1.md` *is* the `L1.md` just written.
  const produced = new Set<string>();
  const problems: FileProblem[] = [];
  let unchanged = 0;
  return {
    add(file) {
      produced.add(file.path.toLowerCase());
      const current = paths.has(file.path) ? read(file.path) : undefined;
      if (current === file.content) {
        unchanged += 1;
        return false;
      }
      // The marker test that keeps a person's files from being removed keeps them from being
      // overwritten too (a link or an oversized file reads as '', which is not ours either).
      if (current !== undefined && !isGenerated(current)) {
        problems.push({ path: file.path, status: 'not-generated' });
        return false;
      }
      problems.push(
        current === undefined
          ? { path: file.path, status: 'missing' }
          : { path: file.path, status: 'stale', line: firstDifference(current, file.content) },
      );
      return true;
    },
    finish() {
      const removals = [...paths]
        .filter((path) => !produced.has(path.toLowerCase()) && isGenerated(read(path)))
        .sort();
      for (const path of removals) problems.push({ path, status: 'orphaned' });
      problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { problems, removals, unchanged };
    },
  };
}

/**
 * Plans the update from every rendered file and the text of every file now in the pages
 * folder (relative path → text).
 */
export function planSync(
  rendered: readonly RenderedFile[],
  existing: ReadonlyMap<string, string>,
): SyncPlan {
  const planner = syncPlanner(existing.keys(), (path) => existing.get(path) ?? '');
  const writes = rendered.filter((file) => planner.add(file));
  return { ...planner.finish(), writes };
}

/** Stable codes of the stale-page diagnostics, by status. */
export const SYNC_CODES: Readonly<Record<FileStatus, PageCode>> = {
  stale: 'page-stale',
  missing: 'page-missing',
  orphaned: 'page-orphaned',
  'not-generated': 'page-not-generated',
};

/** Whether `render` mends the problem (it does not write over a file it did not generate). */
export function mendable(problem: FileProblem): boolean {
  return problem.status !== 'not-generated';
}

function messageOf(p: FileProblem, command: string, role: string | undefined): string {
  switch (p.status) {
    case 'stale':
      return `This generated file is out of date with the ladders (first difference at line ${p.line}); edit the ladder YAML rather than the page, and run \`${command}\` to regenerate it.`;
    case 'missing':
      return `This generated file is missing; run \`${command}\` to create it.`;
    case 'orphaned':
      return `This generated file is no longer produced by any ladder; run \`${command}\` to remove it.`;
    case 'not-generated':
      return `This file stands where ${role ?? 'a generated file'} goes, but it does not start with the generated-file marker: \`render\` did not write it, and never writes over it. Move it elsewhere, then run \`${command}\`.`;
  }
}

/**
 * The plan's problems as diagnostics on the files (`pagesDir` is relative to the root). `roles`
 * says what goes at a path (`fileRoles` in render/index.ts), for a file that is not ours there.
 */
export function syncDiagnostics(
  plan: Pick<SyncPlan, 'problems'>,
  pagesDir: string,
  command: string,
  roles?: ReadonlyMap<string, string>,
): Diagnostic[] {
  return plan.problems.map((p) => ({
    code: SYNC_CODES[p.status],
    severity: 'error' as const,
    message: messageOf(p, command, roles?.get(p.path)),
    file: pagesDir === '.' ? p.path : `${pagesDir}/${p.path}`,
    line: p.line ?? 1,
    column: 1,
  }));
}
