/**
 * Two things that would be written to the same file: a level `README` and its ladder's page, a
 * ladder `abilities` and the ability pages, a ladder `index` and `index.json`, or ids differing
 * only in case (one file on macOS and Windows). Reported on the YAML, before anything is written.
 */
import type { PageCode } from '../diagnostics/codes';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Origin } from '../model/types';

/** A file the site would write and what it is written for. */
export interface PlannedFile {
  readonly path: string;
  /** What the file is for, e.g. "the page of level `L1`". */
  readonly what: string;
  /** Where that thing is written in the YAML, when it is written there. */
  readonly origin?: Origin;
}

/** The stable code of the diagnostic. */
export const PATH_COLLISION: PageCode = 'page-path-collision';

/** One diagnostic per planned file that shares its path (ignoring case) with another. */
export function pathCollisions(files: readonly PlannedFile[]): Diagnostic[] {
  const byPath = new Map<string, PlannedFile[]>();
  for (const f of files) {
    const key = f.path.toLowerCase();
    byPath.set(key, [...(byPath.get(key) ?? []), f]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const group of byPath.values()) {
    if (group.length < 2) continue;
    for (const f of group) {
      if (!f.origin) continue;
      const others = group
        .filter((g) => g !== f)
        .map((g) => g.what)
        .join(' and ');
      diagnostics.push({
        code: PATH_COLLISION,
        severity: 'error',
        message: `${capitalise(f.what)} would be written to \`${f.path}\`, like ${others}; rename one of the ids so each page has its own file.`,
        file: f.origin.file,
        line: f.origin.line,
        column: 1,
      });
    }
  }
  return diagnostics;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
