import type { DataPath, LadderSource, Rule } from '../rule';

type Entry = { readonly source: LadderSource; readonly path: DataPath };

/** Ids name things in links, packets and diffs, so each must name exactly one thing. */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  severity: 'error',
  description:
    'Ids must be unique: ladders, abilities and roles across all files; groups, dimensions, levels, threads, signals and areas within a ladder.',
  check({ sources, report }) {
    const global = new Map<string, Map<string, Entry>>([
      ['ladder', new Map()],
      ['ability', new Map()],
      ['role', new Map()],
    ]);
    const claim = (kind: string, seen: Map<string, Entry>, id: string, entry: Entry) => {
      const first = seen.get(id);
      if (first) {
        const place =
          first.source === entry.source
            ? `line ${first.source.file.locate(first.path).line}`
            : first.source.file.path;
        report(
          entry.source,
          entry.path,
          `The ${kind} id \`${id}\` is already used (${place}); give this ${kind} another id.`,
        );
      } else {
        seen.set(id, entry);
      }
    };
    for (const source of sources) {
      const { ladder } = source;
      claim('ladder', global.get('ladder') as Map<string, Entry>, ladder.id, {
        source,
        path: ['id'],
      });
      ladder.abilities?.forEach((a, i) =>
        claim('ability', global.get('ability') as Map<string, Entry>, a.id, {
          source,
          path: ['abilities', i, 'id'],
        }),
      );
      ladder.roles?.forEach((r, i) =>
        claim('role', global.get('role') as Map<string, Entry>, r.id, {
          source,
          path: ['roles', i, 'id'],
        }),
      );
      const local: [string, string, readonly { readonly id: string }[] | undefined][] = [
        ['group', 'groups', ladder.groups],
        ['dimension', 'dimensions', ladder.dimensions],
        ['level', 'levels', ladder.levels],
        ['thread', 'threads', ladder.threads],
        ['signal', 'signals', ladder.signals],
        ['area', 'areas', ladder.areas],
      ];
      for (const [kind, key, items] of local) {
        const seen = new Map<string, Entry>();
        items?.forEach((item, i) => claim(kind, seen, item.id, { source, path: [key, i, 'id'] }));
      }
    }
  },
};
