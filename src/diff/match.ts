/** Pairs the items of two lists by id, and finds likely renames among the rest by content. */

/** How two lists of items correspond. */
export interface Matching<T> {
  /** Items on both sides: the same id, or a likely rename (`renamed` true). */
  readonly pairs: readonly { readonly before: T; readonly after: T; readonly renamed: boolean }[];
  readonly added: readonly T[];
  readonly removed: readonly T[];
  /** Base id → head id (or names, when matched by name), for every pair. */
  readonly ids: ReadonlyMap<string, string>;
}

/** How to compare two items' content, ignoring their ids. */
export interface ContentKeys<T> {
  /** Everything but the id. */
  readonly exact: (item: T) => string;
  /** Everything but the id and the title; undefined when too little is left to go on. */
  readonly loose?: (item: T) => string | undefined;
}

/**
 * Pairs items with the same id (or `name`, for ids unique only within a ladder); then pairs each
 * removed item with the first added item of the same content (exact first, then without the
 * title), as a likely rename.
 */
export function matchById<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  keys: ContentKeys<T>,
  name: (item: T) => string = (item) => item.id,
): Matching<T> {
  const afterIds = new Map(after.map((a) => [name(a), a]));
  const beforeIds = new Set(before.map(name));
  const pairs: { before: T; after: T; renamed: boolean }[] = [];
  const removed: T[] = [];
  for (const b of before) {
    const a = afterIds.get(name(b));
    if (a) pairs.push({ before: b, after: a, renamed: false });
    else removed.push(b);
  }
  let added = after.filter((a) => !beforeIds.has(name(a)));
  const stillRemoved: T[] = [];
  for (const b of removed) {
    const exact = keys.exact(b);
    let match = added.find((a) => keys.exact(a) === exact);
    if (!match && keys.loose) {
      const loose = keys.loose(b);
      if (loose !== undefined) match = added.find((a) => keys.loose?.(a) === loose);
    }
    if (match) {
      const found = match;
      pairs.push({ before: b, after: found, renamed: true });
      added = added.filter((a) => a !== found);
    } else stillRemoved.push(b);
  }
  return {
    pairs,
    added,
    removed: stillRemoved,
    ids: new Map(pairs.map((p) => [name(p.before), name(p.after)])),
  };
}

/** JSON of a value without the keys that are not content (positions, versions, owners). */
export function contentJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) =>
    key === 'origin' || key === 'version' || key === 'owners' ? undefined : v,
  );
}

/** Every string and number in a value, in order: a list of lines for a text diff. */
export function textLines(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(textLines);
  if (typeof value === 'object') return Object.values(value).flatMap(textLines);
  return [];
}
