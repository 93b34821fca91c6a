/**
 * How wide text shows in a terminal, for a code frame's caret: the columns of a diagnostic count
 * UTF-16 code units (as the YAML parser and editors do), while a terminal gives an emoji or a
 * CJK character two cells, a combining mark none, and a tab its own stop.
 */

/** East Asian wide and fullwidth characters, and emoji shown as pictures: two cells. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]|\p{Extended_Pictographic}/u;

/** Marks that join the character before them (variation selectors too), zero-width ones: none. */
const ZERO = /\p{M}|[\u200B-\u200D\u2060]/u;

/**
 * White space as wide as `text` shows: two spaces for a wide character, none for a mark, a tab
 * for a tab (the terminal moves both lines to the same stop).
 */
export function blankAs(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '\t') out += '\t';
    else if (ZERO.test(char)) continue;
    else out += WIDE.test(char) ? '  ' : ' ';
  }
  return out;
}

/** The number of cells `text` shows in (a tab counted as one). */
export function widthOf(text: string): number {
  return blankAs(text).length;
}
