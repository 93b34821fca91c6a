/**
 * How one list of statements became another: which statements stayed, which were added or
 * removed, and which were reworded (a removed and an added statement similar enough to be one
 * statement edited), with a word diff for each rewording. Pure; the rendered level pages use it
 * for "what changes from the previous level", and the semantic ladder diff reuses it.
 */
import { diffSequences } from './sequence-diff';
import { diffTokens, words } from './tokenise';

/** A run of words in a word diff: kept, added in the new text, or removed from the old one. */
export interface WordChange {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** What happened to one statement between the old and the new list. */
export type StatementChange =
  | { readonly kind: 'unchanged'; readonly text: string }
  | { readonly kind: 'added'; readonly text: string }
  | { readonly kind: 'removed'; readonly text: string }
  | {
      readonly kind: 'reworded';
      readonly before: string;
      readonly after: string;
      /** Word similarity of the pair, 0..1 (see `statementSimilarity`). */
      readonly similarity: number;
      readonly words: readonly WordChange[];
    };

/** Options of `diffStatements`. */
export interface StatementDiffOptions {
  /** Least similarity (0..1) for a removed and an added statement to count as one rewording. */
  readonly rewordThreshold?: number;
  /**
   * Pairing compares every removed statement with every added one; above this many pairs it is
   * skipped (everything counts as added or removed) so a hostile list cannot make it slow.
   */
  readonly maxPairs?: number;
}

/** The default least similarity for a rewording: half the words in common. */
export const DEFAULT_REWORD_THRESHOLD = 0.5;
const DEFAULT_MAX_PAIRS = 10_000;

/**
 * How alike two statements are, 0..1: the Dice coefficient of their word multisets (twice the
 * shared words over all words). Word order is ignored, which keeps it linear in the text.
 */
export function statementSimilarity(before: string, after: string): number {
  let result = 0;
  similarities([before], [after], (_, __, similarity) => {
    result = similarity;
  });
  return result;
}

/**
 * Calls `each` with the similarity (as `statementSimilarity`) of every old/new pair. Words are
 * numbered once (one number per distinct word of the comparison) and counted in plain arrays;
 * a multiset per pair was most of the time "what changes" took (issue 7).
 */
function similarities(
  before: readonly string[],
  after: readonly string[],
  each: (i: number, j: number, similarity: number) => void,
): void {
  const numbers = new Map<string, number>();
  const numbered = (text: string) =>
    words(text).map((word) => {
      let n = numbers.get(word);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(word, n);
      }
      return n;
    });
  const oldWords = before.map(numbered);
  const newWords = after.map(numbered);
  const counts = new Array<number>(numbers.size).fill(0);
  const used = new Array<number>(numbers.size).fill(0);
  oldWords.forEach((a, i) => {
    for (const w of a) counts[w] = (counts[w] ?? 0) + 1;
    newWords.forEach((b, j) => {
      let shared = 0;
      for (const w of b)
        if ((used[w] ?? 0) < (counts[w] ?? 0)) {
          used[w] = (used[w] ?? 0) + 1;
          shared += 1;
        }
      for (const w of b) used[w] = 0;
      const total = a.length + b.length;
      each(i, j, total === 0 ? (before[i] === after[j] ? 1 : 0) : (2 * shared) / total);
    });
    for (const w of a) counts[w] = 0;
  });
}

type Run = { kind: WordChange['kind']; value: string };

/**
 * Words and single punctuation marks with the spaces after them, as `diffWords` splits text,
 * and the same without those spaces (what is compared).
 */
interface Tokens {
  readonly tokens: readonly string[];
  readonly keys: readonly string[];
}

function tokensOf(text: string): Tokens {
  const tokens = diffTokens(text);
  return { tokens, keys: tokens.map((t) => t.trimEnd()) };
}

/**
 * Runs of same / added / removed text: Myers' diff over words and punctuation compared without
 * their trailing spaces. The `diff` package's `diffWords` gives the same result but tokenises
 * character classes and re-joins whitespace itself, which made it most of the time `ladder
 * render` spent on "what changes" (issue 7).
 */
function wordRuns(before: Tokens, after: Tokens): Run[] {
  const a = before.tokens;
  const b = after.tokens;
  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  for (const part of diffSequences(before.keys, after.keys)) {
    const n = part.count;
    if (part.kind === 'added') {
      runs.push({ kind: 'added', value: b.slice(j, j + n).join('') });
      j += n;
    } else if (part.kind === 'removed') {
      runs.push({ kind: 'removed', value: a.slice(i, i + n).join('') });
      i += n;
    } else {
      runs.push({ kind: 'same', value: b.slice(j, j + n).join('') });
      i += n;
      j += n;
    }
  }
  return runs;
}

/**
 * The word diff of two texts as runs of same / added / removed text. Concatenating the `same`
 * and `added` runs gives `after`; whitespace sits in `same` runs where it can, so a reader can
 * emphasise the changed words without emphasising spaces.
 */
export function wordDiff(before: string, after: string): WordChange[] {
  const out: WordChange[] = [];
  const push = (kind: WordChange['kind'], text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) out[out.length - 1] = { kind, text: last.text + text };
    else out.push({ kind, text });
  };
  for (const change of wordRuns(tokensOf(before), tokensOf(after))) {
    const kind = change.kind;
    if (kind === 'same') {
      push('same', change.value);
      continue;
    }
    // Move the spaces around a changed run out of it: `**word **` is not bold in Markdown.
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(change.value);
    const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? '', match?.[3] ?? ''];
    // Removed text's spaces are not part of `after`; added text's spaces are.
    if (kind === 'added') push('same', lead);
    push(kind, core);
    if (kind === 'added') push('same', trail);
  }
  return out;
}

/**
 * Compares two lists of statements. Identical statements are unchanged (each matched once);
 * of the rest, the most similar removed/added pairs at or above the threshold become
 * rewordings. The result follows the new list's order, then the statements removed, in the old
 * list's order.
 */
export function diffStatements(
  before: readonly string[],
  after: readonly string[],
  options: StatementDiffOptions = {},
): StatementChange[] {
  const threshold = options.rewordThreshold ?? DEFAULT_REWORD_THRESHOLD;
  const maxPairs = options.maxPairs ?? DEFAULT_MAX_PAIRS;

  // Exact matches first: a statement kept word for word is unchanged wherever it moved.
  const unmatchedBefore = new Map<string, number[]>();
  before.forEach((text, i) => {
    const list = unmatchedBefore.get(text);
    if (list) list.push(i);
    else unmatchedBefore.set(text, [i]);
  });
  const afterMatch: (number | 'unchanged' | undefined)[] = after.map((text) => {
    const list = unmatchedBefore.get(text);
    if (list && list.length > 0) {
      list.shift();
      return 'unchanged';
    }
    return undefined;
  });
  const removedIdx = [...unmatchedBefore.values()].flat().sort((a, b) => a - b);
  const addedIdx = after.flatMap((_, j) => (afterMatch[j] === undefined ? [j] : []));

  // Greedy pairing by similarity; ties go to the earlier statements so the result is stable.
  const paired = new Map<number, { before: number; similarity: number }>();
  if (removedIdx.length * addedIdx.length <= maxPairs) {
    const candidates: { i: number; j: number; similarity: number }[] = [];
    similarities(
      removedIdx.map((i) => before[i] ?? ''),
      addedIdx.map((j) => after[j] ?? ''),
      (bi, aj, similarity) => {
        const i = removedIdx[bi] ?? 0;
        const j = addedIdx[aj] ?? 0;
        if (similarity >= threshold) candidates.push({ i, j, similarity });
      },
    );
    candidates.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
    const usedBefore = new Set<number>();
    for (const c of candidates) {
      if (usedBefore.has(c.i) || paired.has(c.j)) continue;
      usedBefore.add(c.i);
      paired.set(c.j, { before: c.i, similarity: c.similarity });
    }
  }

  const changes: StatementChange[] = after.map((text, j) => {
    if (afterMatch[j] === 'unchanged') return { kind: 'unchanged', text };
    const pair = paired.get(j);
    if (!pair) return { kind: 'added', text };
    const old = before[pair.before] ?? '';
    return {
      kind: 'reworded',
      before: old,
      after: text,
      similarity: pair.similarity,
      words: wordDiff(old, text),
    };
  });
  const pairedBefore = new Set([...paired.values()].map((p) => p.before));
  for (const i of removedIdx)
    if (!pairedBefore.has(i)) changes.push({ kind: 'removed', text: before[i] ?? '' });
  return changes;
}

/** How many statements of each kind a diff holds. */
export function countChanges(
  changes: readonly StatementChange[],
): Record<StatementChange['kind'], number> {
  const counts = { unchanged: 0, added: 0, removed: 0, reworded: 0 };
  for (const c of changes) counts[c.kind] += 1;
  return counts;
}
