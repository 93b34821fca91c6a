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

/** The runs that turn `before` into `after`, elements compared with `===`. */
export function diffSequences<T>(before: ArrayLike<T>, after: ArrayLike<T>): SequenceRun[] {
  const oldLen = before.length;
  const newLen = after.length;
  // The runs found so far form a persistent linked list (paths share their beginnings):
  // entry i is run kind[i] of count[i] elements after entry previous[i]; 0 is the empty list.
  const kind = [SAME];
  const count = [0];
  const previous = [0];
  const append = (k: number, n: number, p: number): number => {
    kind.push(k);
    count.push(n);
    previous.push(p);
    return kind.length - 1;
  };
  /** One more element of kind `k` after the list `last`, merged into its last run if alike. */
  const extend = (last: number, k: number): number =>
    last !== 0 && kind[last] === k
      ? append(k, (count[last] ?? 0) + 1, previous[last] ?? 0)
      : append(k, 1, last);

  // The furthest path on each diagonal (old position minus new position), by offset index.
  const offset = oldLen + newLen + 1;
  const pathOld = new Array<number>(2 * offset + 1).fill(NONE);
  const pathLast = new Array<number>(2 * offset + 1).fill(0);

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
    for (let i = last; i !== 0; i = previous[i] ?? 0)
      out.push({ kind: KINDS[kind[i] ?? SAME] ?? 'same', count: count[i] ?? 0 });
    return out.reverse();
  };

  let newPos = snake(0, -1, 0);
  if (snakeOld + 1 >= oldLen && newPos + 1 >= newLen) return runs(snakeLast);
  pathOld[offset] = snakeOld;
  pathLast[offset] = snakeLast;

  let minDiagonal = Number.NEGATIVE_INFINITY;
  let maxDiagonal = Number.POSITIVE_INFINITY;
  for (let edits = 1; edits <= oldLen + newLen; edits += 1) {
    for (let k = Math.max(minDiagonal, -edits); k <= Math.min(maxDiagonal, edits); k += 2) {
      const removeOld = pathOld[k - 1 + offset] ?? NONE;
      const removeLast = pathLast[k - 1 + offset] ?? 0;
      const addOld = pathOld[k + 1 + offset] ?? NONE;
      const addLast = pathLast[k + 1 + offset] ?? 0;
      // A path is extended at most once by a deletion; the package drops it after that.
      if (removeOld !== NONE) pathOld[k - 1 + offset] = NONE;
      const canAdd = addOld !== NONE && addOld - k >= 0 && addOld - k < newLen;
      const canRemove = removeOld !== NONE && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        pathOld[k + offset] = NONE;
        continue;
      }
      // Extend the path that is furthest along the old list and still inside the graph.
      const useAdd = !canRemove || (canAdd && removeOld < addOld);
      newPos = useAdd
        ? snake(k, addOld, extend(addLast, ADDED))
        : snake(k, removeOld + 1, extend(removeLast, REMOVED));
      if (snakeOld + 1 >= oldLen && newPos + 1 >= newLen) return runs(snakeLast);
      pathOld[k + offset] = snakeOld;
      pathLast[k + offset] = snakeLast;
      if (snakeOld + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  // Unreachable: oldLen + newLen edits always reach the end.
  return [];
}
