/**
 * Comparing the rendered files with what is in the pages folder: which files are stale,
 * missing or orphaned (generated earlier, but no longer produced). `render` writes and removes
 * accordingly; `render --check` and `check` report the same plan as diagnostics.
 */
import type { PageCode } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { isGenerated } from './marker';
import type { RenderedFile } from './site';

/** Why a file needs `render`. */
export type FileStatus = 'stale' | 'missing' | 'orphaned';

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
  /** Stale and missing files, with their new content. */
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
  /** Compares one rendered file with the existing one: true when it must be written. */
  add(file: RenderedFile): boolean;
  /** The problems (sorted by path), the orphaned files to remove, and how many were current. */
  finish(): Omit<SyncPlan, 'writes'>;
}

/**
 * Plans the update one rendered file at a time. `existing` holds the relative path of every
 * file now in the pages folder and `read` gives one's text when it is needed, so neither the
 * rendered site nor the pages folder has to be held in memory whole (issue 7). Files that do
 * not carry the generated marker are never removed.
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
};

/** The plan's problems as diagnostics on the files (`pagesDir` is relative to the root). */
export function syncDiagnostics(
  plan: Pick<SyncPlan, 'problems'>,
  pagesDir: string,
  command: string,
): Diagnostic[] {
  return plan.problems.map((p) => {
    const message =
      p.status === 'stale'
        ? `This generated file is out of date with the ladders (first difference at line ${p.line}); edit the ladder YAML rather than the page, and run \`${command}\` to regenerate it.`
        : p.status === 'missing'
          ? `This generated file is missing; run \`${command}\` to create it.`
          : `This generated file is no longer produced by any ladder; run \`${command}\` to remove it.`;
    return {
      code: SYNC_CODES[p.status],
      severity: 'error' as const,
      message,
      file: pagesDir === '.' ? p.path : `${pagesDir}/${p.path}`,
      line: p.line ?? 1,
      column: 1,
    };
  });
}
