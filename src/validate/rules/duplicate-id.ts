import { ladderFileStem } from '../../load/ladder-files';
import type { DataPath, FileRule, OutlineSource, SetRule } from '../rule';

type Entry = { readonly source: OutlineSource; readonly path: DataPath };

const CODE = 'duplicate-id';
const DESCRIPTION =
  'Ids must be unique: ladders across all files; sources, groups, dimensions, tracks, bands, ratings, levels, threads, signals, areas, abilities and roles within a ladder; statement ids within a level.';

/** Records `id` as seen, or reports it when it was seen before (`report` knows the entry's file). */
function claim(
  kind: string,
  seen: Map<string, Entry>,
  id: string,
  entry: Entry,
  report: (entry: Entry, message: string) => void,
): void {
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, entry);
    return;
  }
  const place =
    first.source === entry.source
      ? `line ${first.source.file.locate(first.path).line}`
      : first.source.file.path;
  report(
    entry,
    `The ${kind} id \`${id}\` is already used (${place}); give this ${kind} another id.`,
  );
}

/** Ids name things in links, packets and diffs, so each must name exactly one thing: within a ladder. */
export const duplicateLocalId: FileRule = {
  code: CODE,
  severity: 'error',
  description: DESCRIPTION,
  checkFile(source, report) {
    const { ladder } = source;
    const local: [string, string, readonly { readonly id?: string }[] | undefined][] = [
      ['source', 'source', ladder.source],
      ['group', 'groups', ladder.groups],
      ['dimension', 'dimensions', ladder.dimensions],
      ['track', 'tracks', ladder.tracks],
      ['band', 'bands', ladder.bands],
      ['rating', 'ratings', ladder.ratings],
      ['level', 'levels', ladder.levels],
      ['thread', 'threads', ladder.threads],
      ['signal', 'signals', ladder.signals],
      ['area', 'areas', ladder.areas],
      ['ability', 'abilities', ladder.abilities],
      ['role', 'roles', ladder.roles],
    ];
    for (const [kind, key, items] of local) {
      const seen = new Map<string, Entry>();
      items?.forEach((item, i) => {
        if (item.id === undefined) return;
        claim(kind, seen, item.id, { source, path: [key, i, 'id'] }, (entry, message) =>
          report(entry.path, message),
        );
      });
    }
    // Statement ids (the written ones; derived ids are made unique) within each level.
    ladder.levels.forEach((level, i) => {
      const seen = new Map<string, Entry>();
      for (const [dimension, statements] of Object.entries(level.expectations ?? {}))
        statements.forEach((statement, k) => {
          if (typeof statement === 'string' || statement.id === undefined) return;
          const path = ['levels', i, 'expectations', dimension, k, 'id'];
          claim('statement', seen, statement.id, { source, path }, (entry, message) =>
            report(entry.path, message),
          );
        });
    });
  },
};

/**
 * ... and across files, for ladder ids (ability and role ids are scoped to their ladder). The id
 * belongs to the file named after it, else to the first by path: the other file is the copy, and
 * it is blamed whichever files are checked, and in whatever order they were read.
 */
export const duplicateGlobalId: SetRule = {
  code: CODE,
  severity: 'error',
  description: DESCRIPTION,
  checkSet(sources, report) {
    const ladders = new Map<string, Entry>();
    const reportAt = (entry: Entry, message: string) => report(entry.source, entry.path, message);
    const rank = (s: OutlineSource) => (ladderFileStem(s.file.path) === s.ladder.id ? 0 : 1);
    const owners = [...sources].sort(
      (a, b) =>
        rank(a) - rank(b) || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0),
    );
    for (const source of owners)
      claim('ladder', ladders, source.ladder.id, { source, path: ['id'] }, reportAt);
  },
};
