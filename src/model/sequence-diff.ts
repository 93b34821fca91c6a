/**
 * Myers' O(ND) difference of two sequences, step for step as the `diff` package's `diffArrays`
 * computes it (same diagonal order, same choice between insertion and deletion, same pruning),
 * so the runs are identical; test/render/sequence-diff.test.ts checks that against the package
 * on random input. The package allocates a path object and a change object at every step; here
 * the change list lives in plain number arrays, which made "what changes" on level pages about
 * four times faster (issue 7).
 */

/** A run of a diff: `count` elements kept, added (from the new list) or removed (from the old). */
export interface SequenceRun {
  readonly kind: 'same' | 'added' | 'removed';
  readonly count: number;
}

const SAME = 0;
const ADDED = 1;
const REMOVED = 2;
const KINDS = ['same', 'added', 'removed'] as const;
/** No path on a diagonal. */
const NONE = -2;

/**
 * Scratch space reused by every call (the diff is synchronous and calls nothing outside), so
 * that a word diff allocates little beyond its result: scavenges of its short-lived arrays were
 * a good part of what rendering level pages cost (issue 7). An array that grows beyond
 * `REUSE_LIMIT` elements is used by that call only, so what stays allocated is bounded.
 */
const REUSE_LIMIT = 1 << 14;
let sharedPaths = new Int32Array(256);
let sharedEntries = new Int32Array(768);

/** The runs that turn `before` into `after`, elements compared with `===`. */
export function diffSequences<T>(before: ArrayLike<T>, after: ArrayLike<T>): SequenceRun[] {
  const oldLen = before.length;
  const newLen = after.length;
  // The runs found so far form a persistent linked list (paths share their beginnings): entry
  // i (three numbers from 3i) is a run of kind `kindOf(i)` of `countOf(i)` elements after entry
  // `previousOf(i)`; entry 0 is the empty list.
  let entries = sharedEntries;
  let size = 1;
  entries[0] = SAME;
  entries[1] = 0;
  entries[2] = 0;
  const kindOf = (i: number) => entries[3 * i] ?? SAME;
  const countOf = (i: number) => entries[3 * i + 1] ?? 0;
  const previousOf = (i: number) => entries[3 * i + 2] ?? 0;
  const append = (k: number, n: number, p: number): number => {
    if (3 * size + 3 > entries.length) {
      const grown = new Int32Array(2 * entries.length);
      grown.set(entries);
      entries = grown;
      if (grown.length <= REUSE_LIMIT) sharedEntries = grown;
    }
    entries[3 * size] = k;
    entries[3 * size + 1] = n;
    entries[3 * size + 2] = p;
    size += 1;
    return size - 1;
  };
  /** One more element of kind `k` after the list `last`, merged into its last run if alike. */
  const extend = (last: number, k: number): number =>
    last !== 0 && kindOf(last) === k
      ? append(k, countOf(last) + 1, previousOf(last))
      : append(k, 1, last);

  // The furthest path on each diagonal (old position minus new position), by offset index:
  // its old position plus 2 (so 0, what a fresh array holds, is NONE) and its last entry.
  const offset = oldLen + newLen + 1;
  const diagonals = 2 * offset + 1;
  if (sharedPaths.length < 2 * diagonals && 2 * diagonals <= REUSE_LIMIT)
    sharedPaths = new Int32Array(2 * diagonals);
  const paths = sharedPaths.length >= 2 * diagonals ? sharedPaths : new Int32Array(2 * diagonals);
  paths.fill(0, 0, 2 * diagonals);
  const pathOldAt = (d: number) => (paths[d] ?? 0) - 2;
  const setPath = (d: number, old: number, last: number) => {
    paths[d] = old + 2;
    paths[diagonals + d] = last;
  };
  const pathLastAt = (d: number) => paths[diagonals + d] ?? 0;

  // Follows equal elements along diagonal `k` from old position `oldPos`.
  let snakeOld = 0;
  let snakeLast = 0;
  const snake = (k: number, oldPos: number, last: number): number => {
    let o = oldPos;
    let n = o - k;
    let common = 0;
    while (n + 1 < newLen && o + 1 < oldLen && before[o + 1] === after[n + 1]) {
      n += 1;
      o += 1;
      common += 1;
    }
    snakeOld = o;
    snakeLast = common > 0 ? append(SAME, common, last) : last;
    return n;
  };

  const runs = (last: number): SequenceRun[] => {
    const out: SequenceRun[] = [];
    for (let i = last; i !== 0; i = previousOf(i))
      out.push({ kind: KINDS[kindOf(i)] ?? 'same', count: countOf(i) });
    return out.reverse();
  };

  let newPos = snake(0, -1, 0);
  if (snakeOld + 1 >= oldLen && newPos + 1 >= newLen) return runs(snakeLast);
  setPath(offset, snakeOld, snakeLast);

  // Beyond any diagonal the loop reaches (whole numbers keep the arithmetic on small integers).
  let minDiagonal = -offset;
  let maxDiagonal = offset;
  for (let edits = 1; edits <= oldLen + newLen; edits += 1) {
    for (let k = Math.max(minDiagonal, -edits); k <= Math.min(maxDiagonal, edits); k += 2) {
      const removeOld = pathOldAt(k - 1 + offset);
      const removeLast = pathLastAt(k - 1 + offset);
      const addOld = pathOldAt(k + 1 + offset);
      const addLast = pathLastAt(k + 1 + offset);
      // A path is extended at most once by a deletion; the package drops it after that.
      if (removeOld !== NONE) setPath(k - 1 + offset, NONE, removeLast);
      const canAdd = addOld !== NONE && addOld - k >= 0 && addOld - k < newLen;
      const canRemove = removeOld !== NONE && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        setPath(k + offset, NONE, pathLastAt(k + offset));
        continue;
      }
      // Extend the path that is furthest along the old list and still inside the graph.
      const useAdd = !canRemove || (canAdd && removeOld < addOld);
      newPos = useAdd
        ? snake(k, addOld, extend(addLast, ADDED))
        : snake(k, removeOld + 1, extend(removeLast, REMOVED));
      if (snakeOld + 1 >= oldLen && newPos + 1 >= newLen) return runs(snakeLast);
      setPath(k + offset, snakeOld, snakeLast);
      if (snakeOld + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  // Unreachable: oldLen + newLen edits always reach the end.
  return [];
}
