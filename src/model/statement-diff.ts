/**
 * How one list of statements became another: which statements stayed, which were added or
 * removed, and which were reworded (a removed and an added statement similar enough to be one
 * statement edited), with a word diff for each rewording. Pure; the rendered level pages use it
 * for "what changes from the previous level", and the semantic ladder diff reuses it.
 */
import { diffArrays } from 'diff';
import { type DiffTokens, diffTokenSpans, words } from './tokenise';

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
  /** Word numbers to share with other diffs (see `WordNumbers`); by default, this diff's own. */
  readonly words?: WordNumbers;
  /**
   * The statements' ids, in the order of `before` and `after`: a removed and an added statement
   * with the same id are one statement reworded, however different their words.
   */
  readonly ids?: { readonly before: readonly string[]; readonly after: readonly string[] };
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
  similarities([before], [after], new WordNumbers(), (_, __, similarity) => {
    result = similarity;
  });
  return result;
}

/**
 * The words of statements as numbers (one number per distinct word), for `similarities`.
 * Numbering a statement's words was most of what pairing statements cost (issue 7), and a
 * level's statements are the new list of one level page and the old list of the next: a
 * `WordNumbers` shared by a ladder's level pages numbers each statement once (and cuts it into
 * diff tokens once, `spans`). It remembers the statements of the last two levels only
 * (`startLevel`), and its numbers one ladder's words.
 */
export class WordNumbers {
  private readonly numbers = new Map<string, number>();
  private current = new Map<string, readonly number[]>();
  private previous = new Map<string, readonly number[]>();
  private currentSpans = new Map<string, DiffTokens>();
  private previousSpans = new Map<string, DiffTokens>();

  /**
   * `diffTokenSpans(text)`, remembered like the word numbers: each statement is cut once for
   * the two word diffs it takes part in (as the new text of one level, the old of the next).
   */
  spans(text: string): DiffTokens {
    let out = this.currentSpans.get(text) ?? this.previousSpans.get(text);
    if (out === undefined) {
      out = diffTokenSpans(text);
      this.currentSpans.set(text, out);
    }
    return out;
  }

  /** How many distinct words have numbers. */
  get size(): number {
    return this.numbers.size;
  }

  /** Starts the next level: statements seen before the last one are forgotten. */
  startLevel(): void {
    this.previous = this.current;
    this.current = new Map();
    this.previousSpans = this.currentSpans;
    this.currentSpans = new Map();
  }

  /** The numbers of the words of `text`, in order. */
  of(text: string): readonly number[] {
    let out = this.current.get(text) ?? this.previous.get(text);
    if (out === undefined) {
      const list = words(text);
      const numbers = new Array<number>(list.length);
      for (let k = 0; k < list.length; k += 1) {
        const word = list[k] ?? '';
        let n = this.numbers.get(word);
        if (n === undefined) {
          n = this.numbers.size;
          this.numbers.set(word, n);
        }
        numbers[k] = n;
      }
      out = numbers;
      this.current.set(text, out);
    }
    return out;
  }
}

/** Calls `each` with the similarity (as `statementSimilarity`) of every old/new pair. */
function similarities(
  before: readonly string[],
  after: readonly string[],
  numbers: WordNumbers,
  each: (i: number, j: number, similarity: number) => void,
): void {
  const oldWords = before.map((text) => numbers.of(text));
  const newWords = after.map((text) => numbers.of(text));
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

/**
 * The word diff of two texts as runs of same / added / removed text: Myers' diff over words and
 * punctuation compared without their trailing spaces, each run one slice of its text (tokens
 * cover their text). Concatenating the `same` and `added` runs gives `after`; whitespace sits
 * in `same` runs where it can, so a reader can emphasise the changed words without emphasising
 * spaces. Marks kept inside a word between two changes belong to the change (`changes`). The
 * tokens are ours (`diffTokenSpans`), the diff is the `diff` package's `diffArrays`.
 */
export function wordDiff(before: string, after: string, remembered?: WordNumbers): WordChange[] {
  const old = remembered ? remembered.spans(before) : diffTokenSpans(before);
  const now = remembered ? remembered.spans(after) : diffTokenSpans(after);
  const oldAt = (k: number) => old.starts[k] ?? before.length;
  const newAt = (k: number) => now.starts[k] ?? after.length;
  const out: WordChange[] = [];
  const push = (kind: WordChange['kind'], text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) out[out.length - 1] = { kind, text: last.text + text };
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  for (const part of changes(before, old, after, now)) {
    const n = part.count;
    const kind = part.kind;
    if (kind === 'same') {
      push('same', after.slice(newAt(j), newAt(j + n)));
      i += n;
      j += n;
      continue;
    }
    const value =
      kind === 'added' ? after.slice(newAt(j), newAt(j + n)) : before.slice(oldAt(i), oldAt(i + n));
    if (kind === 'added') j += n;
    else i += n;
    // Move the spaces around a changed run out of it: `**word **` is not bold in Markdown.
    const unled = value.trimStart();
    const core = unled.trimEnd();
    // Removed text's spaces are not part of `after`; added text's spaces are.
    if (kind === 'added') push('same', value.slice(0, value.length - unled.length));
    push(kind, core);
    if (kind === 'added') push('same', unled.slice(core.length));
  }
  return out;
}

/** A run of tokens of the word diff: kept, or only in the old or the new list. */
interface Part {
  readonly kind: WordChange['kind'];
  readonly count: number;
}

/** A letter or a number. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether the `count` tokens from `at` of `text` are marks inside a word: no space among them,
 * a letter or number right before and right after (the `’` of `what’s`, the `.` of `e.g.`).
 */
function marksInsideWord(text: string, tokens: DiffTokens, at: number, count: number): boolean {
  const start = tokens.starts[at] ?? text.length;
  let end = start;
  for (let k = at; k < at + count; k += 1) {
    const key = tokens.keys[k] ?? '';
    if (key === '' || WORD_CHAR.test(key) || tokens.starts[k] !== end) return false;
    end += key.length;
  }
  return WORD_CHAR.test(text.charAt(start - 1)) && WORD_CHAR.test(text.charAt(end));
}

/**
 * The diff of two token lists as parts, with each stretch of changes as one removed part then
 * one added part. Marks kept inside a word between two changes join the changes around them:
 * the `’` that `what’s been done` and `don’t need` share would otherwise cut a word in two on
 * the page (`**don**’~~s been done~~ **t need**`), as would the `.` of `e.g.`.
 */
function changes(before: string, old: DiffTokens, after: string, now: DiffTokens): Part[] {
  // `diffArrays` reads the token lists and never changes them.
  const parts: Part[] = diffArrays(old.keys as string[], now.keys as string[]).map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'same',
    count: p.count,
  }));
  const out: Part[] = [];
  let removed = 0;
  let added = 0;
  const flush = () => {
    if (removed > 0) out.push({ kind: 'removed', count: removed });
    if (added > 0) out.push({ kind: 'added', count: added });
    removed = 0;
    added = 0;
  };
  // The index in each list of the part's first token.
  let i = 0;
  let j = 0;
  parts.forEach((part, k) => {
    const absorbed =
      part.kind === 'same' &&
      (parts[k - 1]?.kind ?? 'same') !== 'same' &&
      (parts[k + 1]?.kind ?? 'same') !== 'same' &&
      (marksInsideWord(before, old, i, part.count) || marksInsideWord(after, now, j, part.count));
    if (part.kind !== 'added') i += part.count;
    if (part.kind !== 'removed') j += part.count;
    if (part.kind === 'removed' || absorbed) removed += part.count;
    if (part.kind === 'added' || absorbed) added += part.count;
    if (part.kind === 'same' && !absorbed) {
      flush();
      out.push(part);
    }
  });
  flush();
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

  // Exact matches first: a statement kept word for word is unchanged wherever it moved (each
  // old statement matches once, the earliest first).
  const sameText = new Map<string, number[]>();
  before.forEach((text, i) => {
    const list = sameText.get(text);
    if (list) list.push(i);
    else sameText.set(text, [i]);
  });
  const unchanged = new Array<boolean>(after.length).fill(false);
  const kept = new Array<boolean>(before.length).fill(false);
  after.forEach((text, j) => {
    const i = sameText.get(text)?.shift();
    if (i === undefined) return;
    unchanged[j] = true;
    kept[i] = true;
  });
  const removedIdx: number[] = [];
  for (let i = 0; i < before.length; i += 1) if (!kept[i]) removedIdx.push(i);
  const addedIdx: number[] = [];
  for (let j = 0; j < after.length; j += 1) if (!unchanged[j]) addedIdx.push(j);

  // Greedy pairing by similarity; ties go to the earlier statements so the result is stable.
  // `pairOf[j]` is the old statement new statement j rewords, or -1.
  const pairOf = new Array<number>(after.length).fill(-1);
  const pairSimilarity = new Array<number>(after.length).fill(0);
  const paired = new Array<boolean>(before.length).fill(false);
  if (options.ids) {
    // Same id, new words: reworded. Pairs by id come before pairs by similarity.
    const oldById = new Map<string, number>();
    for (const i of removedIdx) {
      const id = options.ids.before[i];
      if (id !== undefined && !oldById.has(id)) oldById.set(id, i);
    }
    for (const j of addedIdx) {
      const i = oldById.get(options.ids.after[j] ?? '');
      if (i === undefined || paired[i]) continue;
      paired[i] = true;
      pairOf[j] = i;
      pairSimilarity[j] = statementSimilarity(before[i] ?? '', after[j] ?? '');
    }
  }
  if (removedIdx.length * addedIdx.length <= maxPairs) {
    const candidates: { i: number; j: number; similarity: number }[] = [];
    similarities(
      removedIdx.map((i) => before[i] ?? ''),
      addedIdx.map((j) => after[j] ?? ''),
      options.words ?? new WordNumbers(),
      (bi, aj, similarity) => {
        const i = removedIdx[bi] ?? 0;
        const j = addedIdx[aj] ?? 0;
        if (similarity >= threshold) candidates.push({ i, j, similarity });
      },
    );
    // The candidates come by old then new position, and the sort is stable: equally similar
    // pairs stay in that order.
    candidates.sort((x, y) => y.similarity - x.similarity);
    for (const c of candidates) {
      if (paired[c.i] || pairOf[c.j] !== -1) continue;
      paired[c.i] = true;
      pairOf[c.j] = c.i;
      pairSimilarity[c.j] = c.similarity;
    }
  }

  const changes: StatementChange[] = after.map((text, j) => {
    if (unchanged[j]) return { kind: 'unchanged', text };
    const i = pairOf[j] ?? -1;
    if (i === -1) return { kind: 'added', text };
    const old = before[i] ?? '';
    return {
      kind: 'reworded',
      before: old,
      after: text,
      similarity: pairSimilarity[j] ?? 0,
      words: wordDiff(old, text, options.words),
    };
  });
  for (const i of removedIdx)
    if (!paired[i]) changes.push({ kind: 'removed', text: before[i] ?? '' });
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
