/**
 * Ids scoped to a ladder (abilities, roles). Two ladders may both declare `communication`; a
 * reference names the ladder (`web/communication`), or is written bare and means the ability of
 * the referring ladder, else the only ladder that declares that id. A bare id that several other
 * ladders declare, none of them the referring one, is ambiguous.
 */

/** What a scoped reference resolves to. */
export type ScopedResult<T> =
  | { readonly kind: 'found'; readonly ladder: string; readonly value: T }
  | { readonly kind: 'unknown'; readonly ladder?: string }
  | { readonly kind: 'ambiguous'; readonly ladders: readonly string[] };

/** Resolves references to items declared per ladder. */
export interface ScopedIndex<T> {
  resolve(fromLadder: string, ref: string): ScopedResult<T>;
  /** Every `ladder/id` or bare id a reader could write from `fromLadder`, for suggestions. */
  names(fromLadder: string): string[];
}

/** An item's name with its ladder, `ladder/id` (what `splitScoped` splits). */
export function scopedName(item: { readonly ladder: string; readonly id: string }): string {
  return `${item.ladder}/${item.id}`;
}

/** Splits `ladder/id` into its parts; a bare id has no ladder. */
export function splitScoped(ref: string): { readonly ladder?: string; readonly id: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { id: ref } : { ladder: ref.slice(0, slash), id: ref.slice(slash + 1) };
}

/** An index over `[ladder id, item]` pairs, in declaration order (the first of an id wins). */
export function scopedIndex<T extends { readonly id: string }>(
  entries: Iterable<readonly [string, T]>,
): ScopedIndex<T> {
  const byLadder = new Map<string, Map<string, T>>();
  const ladders = new Map<string, string[]>();
  for (const [ladder, item] of entries) {
    const items = byLadder.get(ladder) ?? new Map<string, T>();
    byLadder.set(ladder, items);
    if (items.has(item.id)) continue;
    items.set(item.id, item);
    const owners = ladders.get(item.id) ?? [];
    owners.push(ladder);
    ladders.set(item.id, owners);
  }
  return {
    resolve(fromLadder, ref) {
      const { ladder, id } = splitScoped(ref);
      if (ladder !== undefined) {
        const value = byLadder.get(ladder)?.get(id);
        return value ? { kind: 'found', ladder, value } : { kind: 'unknown', ladder };
      }
      const own = byLadder.get(fromLadder)?.get(id);
      if (own) return { kind: 'found', ladder: fromLadder, value: own };
      const owners = ladders.get(id) ?? [];
      const only = owners[0];
      if (owners.length > 1) return { kind: 'ambiguous', ladders: owners };
      const value = only === undefined ? undefined : byLadder.get(only)?.get(id);
      return only !== undefined && value
        ? { kind: 'found', ladder: only, value }
        : { kind: 'unknown' };
    },
    names(fromLadder) {
      const out: string[] = [];
      for (const [ladder, items] of byLadder)
        for (const id of items.keys())
          out.push(ladder === fromLadder ? id : scopedName({ ladder, id }));
      return out;
    },
  };
}
