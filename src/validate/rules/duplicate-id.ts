import type { DataPath, FileRule, OutlineSource, SetRule } from '../rule';

type Entry = { readonly source: OutlineSource; readonly path: DataPath };

const CODE = 'duplicate-id';
const DESCRIPTION =
  'Ids must be unique: ladders, abilities and roles across all files; sources, groups, dimensions, levels, threads, signals and areas within a ladder.';

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
      ['level', 'levels', ladder.levels],
      ['thread', 'threads', ladder.threads],
      ['signal', 'signals', ladder.signals],
      ['area', 'areas', ladder.areas],
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
  },
};

/** ... and across files, for the ids that packets and other ladders refer to. */
export const duplicateGlobalId: SetRule = {
  code: CODE,
  severity: 'error',
  description: DESCRIPTION,
  checkSet(sources, report) {
    const ladders = new Map<string, Entry>();
    const abilities = new Map<string, Entry>();
    const roles = new Map<string, Entry>();
    const reportAt = (entry: Entry, message: string) => report(entry.source, entry.path, message);
    for (const source of sources) {
      const { ladder } = source;
      claim('ladder', ladders, ladder.id, { source, path: ['id'] }, reportAt);
      ladder.abilities?.forEach((a, i) =>
        claim('ability', abilities, a.id, { source, path: ['abilities', i, 'id'] }, reportAt),
      );
      ladder.roles?.forEach((r, i) =>
        claim('role', roles, r.id, { source, path: ['roles', i, 'id'] }, reportAt),
      );
    }
  },
};
