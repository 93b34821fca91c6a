/**
 * Two levels' statements side by side: each statement of the higher level beside its
 * counterpart at the lower level. Counterparts are found as the statement diff finds them
 * (the same text, or a rewording: similar enough, wherever it stands), and what is left is
 * paired by position (the first statement left at one level beside the first left at the other). A lower statement with no
 * counterpart is only "not restated" at the higher level: the pair says nothing about
 * whether it still applies.
 */
import {
  diffStatements,
  type StatementDiffOptions,
  statementSimilarity,
  type WordChange,
  wordDiff,
} from './statement-diff';

/** One row of a side-by-side comparison. */
export type StatementPair =
  | { readonly kind: 'same'; readonly before: string; readonly after: string }
  | {
      /** A counterpart: a rewording, or the statement in the same position. */
      readonly kind: 'counterpart';
      readonly before: string;
      readonly after: string;
      /** Word similarity, 0..1 (see `statementSimilarity`). */
      readonly similarity: number;
      /** The word diff, when the two are alike enough for one to read as an edit of the other. */
      readonly words?: readonly WordChange[];
    }
  | { readonly kind: 'before-only'; readonly before: string }
  | { readonly kind: 'after-only'; readonly after: string };

/** Options of `pairStatements`. */
export interface PairOptions extends StatementDiffOptions {
  /**
   * Least similarity for a pair found by position to get a word diff; below it the two read as
   * different statements and are shown whole (default 0.3).
   */
  readonly markThreshold?: number;
}

/** The default least similarity for marking the words of a pair found by position. */
export const DEFAULT_MARK_THRESHOLD = 0.3;

/**
 * Pairs the statements of a lower level (`before`) with those of a higher one (`after`), in
 * the higher level's order; a lower statement with no counterpart comes after the rows of the
 * statements that stood before it.
 */
export function pairStatements(
  before: readonly string[],
  after: readonly string[],
  options: PairOptions = {},
): StatementPair[] {
  const markThreshold = options.markThreshold ?? DEFAULT_MARK_THRESHOLD;
  const changes = diffStatements(before, after, options);
  // Which lower statement each higher one stands beside (by index), or -1.
  const used = new Array<boolean>(before.length).fill(false);
  const take = (text: string): number => {
    const i = before.findIndex((b, k) => !used[k] && b === text);
    if (i >= 0) used[i] = true;
    return i;
  };
  const beside = after.map(() => -1);
  after.forEach((_, j) => {
    const c = changes[j];
    if (c?.kind === 'unchanged') beside[j] = take(c.text);
    else if (c?.kind === 'reworded') beside[j] = take(c.before);
  });
  // What is left, by position: the first statement left at each level side by side, then
  // the second, and so on.
  const leftBefore = before.map((_, i) => i).filter((i) => !used[i]);
  after.forEach((_, j) => {
    if (beside[j] !== -1) return;
    const i = leftBefore.shift();
    if (i === undefined) return;
    used[i] = true;
    beside[j] = i;
  });
  const rows: { at: number; pair: StatementPair }[] = after.map((text, j) => {
    const i = beside[j] ?? -1;
    const old = before[i];
    if (i < 0 || old === undefined) return { at: j, pair: { kind: 'after-only', after: text } };
    if (old === text) return { at: i, pair: { kind: 'same', before: old, after: text } };
    const similarity = statementSimilarity(old, text);
    const reworded = changes[j]?.kind === 'reworded';
    return {
      at: i,
      pair: {
        kind: 'counterpart',
        before: old,
        after: text,
        similarity,
        ...(reworded || similarity >= markThreshold ? { words: wordDiff(old, text) } : {}),
      },
    };
  });
  const out = rows.map((r) => r.pair);
  // Each lower statement left over goes after the last row that stands beside an earlier one.
  for (let i = before.length - 1; i >= 0; i -= 1) {
    if (used[i]) continue;
    let at = 0;
    rows.forEach((r, k) => {
      if (r.pair.kind !== 'after-only' && r.at < i) at = k + 1;
    });
    out.splice(at, 0, { kind: 'before-only', before: before[i] ?? '' });
    rows.splice(at, 0, { at: i, pair: { kind: 'before-only', before: before[i] ?? '' } });
  }
  return out;
}
