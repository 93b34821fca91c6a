/**
 * The two ways statements are cut into pieces: words (for similarity) and diff tokens (for the
 * word diff). Each is defined by a regular expression, kept below as the reference that
 * test/render/tokenise.test.ts compares with; the scanners here give the same pieces several
 * times faster, because Unicode property classes are slow on text with any non-ASCII character
 * (an em dash is enough), and "what changes" cuts every statement of every level (issue 7).
 */

/** Reference: lower-cased words and numbers, with inner apostrophes (`team’s`). */
export const WORDS_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** Reference: a leading run of white space, then words and single marks with the spaces after. */
export const DIFF_TOKENS_PATTERN = /^\s+|(?:[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s])\s*/gu;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const known = new Map<number, number>();
const LETTER = 1;
const WHITE = 2;

/** The class of each ASCII character: letters, digits and the six ASCII white spaces. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
    ? LETTER
    : code === 32 || (code >= 9 && code <= 13)
      ? WHITE
      : 0,
);

/** LETTER for \p{L} or \p{N}, WHITE for \s, else 0; ASCII from a table (small enough to inline). */
function classOf(code: number): number {
  return code < 128 ? (ASCII_CLASS[code] ?? 0) : classOfOther(code);
}

/** `classOf` beyond ASCII, cached. */
function classOfOther(code: number): number {
  let kind = known.get(code);
  if (kind === undefined) {
    const char = String.fromCodePoint(code);
    kind = LETTER_OR_NUMBER.test(char) ? LETTER : SPACE.test(char) ? WHITE : 0;
    // Bounded: a text of many distinct characters cannot grow the cache without end.
    if (known.size < 10_000) known.set(code, kind);
  }
  return kind;
}

/** The code point at `i` and how many UTF-16 units it takes. */
function codeAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

function width(code: number): number {
  return code > 0xffff ? 2 : 1;
}

/** The end of the run of letters and numbers (plus `_` when `underscore`) starting at `i`. */
function wordEnd(text: string, i: number, underscore: boolean): number {
  let j = i;
  while (j < text.length) {
    // ASCII first: one unit, class from the table.
    const unit = text.charCodeAt(j);
    if (unit < 128) {
      if (ASCII_CLASS[unit] !== LETTER && !(underscore && unit === 95)) break;
      j += 1;
      continue;
    }
    const code = codeAt(text, j);
    if (classOfOther(code) !== LETTER) break;
    j += width(code);
  }
  return j;
}

/** The end of the run of white space starting at `i`. */
function spaceEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const unit = text.charCodeAt(j);
    if (unit < 128) {
      if (ASCII_CLASS[unit] !== WHITE) break;
      j += 1;
      continue;
    }
    const code = codeAt(text, j);
    if (classOfOther(code) !== WHITE) break;
    j += width(code);
  }
  return j;
}

/** Lower-cased words and numbers of a statement; punctuation and spacing do not count. */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < lower.length) {
    const code = codeAt(lower, i);
    if (classOf(code) !== LETTER) {
      i += width(code);
      continue;
    }
    let end = wordEnd(lower, i, false);
    // An apostrophe joins two runs of letters: `team’s` is one word.
    for (;;) {
      const mark = lower.charCodeAt(end);
      if (mark !== 39 && mark !== 0x2019) break;
      const next = end + 1;
      if (next >= lower.length || classOf(codeAt(lower, next)) !== LETTER) break;
      end = wordEnd(lower, next, false);
    }
    out.push(lower.slice(i, end));
    i = end;
  }
  return out;
}

/** A text's diff tokens by position, with what is compared of each. */
export interface DiffTokens {
  /** Where each token starts; a token runs to the next one's start (the last to the end). */
  readonly starts: readonly number[];
  /** Each token without the white space after it. */
  readonly keys: readonly string[];
}

/**
 * Words (with `_`) and single other characters, each with the white space after it; a leading
 * run of white space is a token of its own (its key is empty). The tokens cover the text, so a
 * run of them is one slice of it.
 */
export function diffTokenSpans(text: string): DiffTokens {
  const starts: number[] = [];
  const keys: string[] = [];
  let i = 0;
  if (text.length > 0 && classOf(codeAt(text, 0)) === WHITE) {
    starts.push(0);
    keys.push('');
    i = spaceEnd(text, 0);
  }
  while (i < text.length) {
    const code = codeAt(text, i);
    const kind = classOf(code);
    const end = kind === LETTER || code === 95 ? wordEnd(text, i, true) : i + width(code);
    starts.push(i);
    keys.push(text.slice(i, end));
    i = spaceEnd(text, end);
  }
  return { starts, keys };
}

/** The diff tokens as text (see `diffTokenSpans`). */
export function diffTokens(text: string): string[] {
  const { starts } = diffTokenSpans(text);
  return starts.map((start, k) => text.slice(start, starts[k + 1] ?? text.length));
}
