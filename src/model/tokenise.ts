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

/** LETTER for \p{L} or \p{N}, WHITE for \s, else 0; ASCII decided inline, the rest cached. */
function classOf(code: number): number {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57))
      return LETTER;
    return code === 32 || (code >= 9 && code <= 13) ? WHITE : 0;
  }
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
    const code = codeAt(text, j);
    if (classOf(code) !== LETTER && !(underscore && code === 95)) break;
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

/**
 * Words (with `_`) and single other characters, each with the white space after it; a leading
 * run of white space is a token of its own.
 */
export function diffTokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const spacesFrom = (from: number) => {
    let j = from;
    while (j < text.length) {
      const code = codeAt(text, j);
      if (classOf(code) !== WHITE) break;
      j += width(code);
    }
    return j;
  };
  if (text.length > 0 && classOf(codeAt(text, 0)) === WHITE) {
    i = spacesFrom(0);
    out.push(text.slice(0, i));
  }
  while (i < text.length) {
    const code = codeAt(text, i);
    const kind = classOf(code);
    const end = kind === LETTER || code === 95 ? wordEnd(text, i, true) : i + width(code);
    const after = spacesFrom(end);
    out.push(text.slice(i, after));
    i = after;
  }
  return out;
}
