/**
 * A bounded cache that keeps the most recently used entries: for things that are costly to make
 * and asked for again soon after, but that would grow the heap (and every full garbage
 * collection) if all of them were kept.
 */
export class Recent<K, V> {
  readonly #capacity: number;
  readonly #entries = new Map<K, V>();
  /** The most recent key: asked for again, it needs no reordering (the common case). */
  #newest: K | undefined;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The value for `key`, made by `make` when it is not kept; either way now the most recent. */
  get(key: K, make: (key: K) => V): V {
    const known = this.#entries.get(key);
    if (known !== undefined) {
      if (key !== this.#newest) this.set(key, known);
      return known;
    }
    const made = make(key);
    this.set(key, made);
    return made;
  }

  /** Keeps `value` for `key` as the most recent entry, letting the oldest go when full. */
  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#newest = key;
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
  }
}
