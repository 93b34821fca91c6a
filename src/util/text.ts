/** Short text for messages and reports. */

/** Whitespace that `clip` folds into one space: a run, or one that is not a space. */
const FOLDABLE = /\s\s|[^\S ]/;

/** Text on one line, cut to `max` characters with an ellipsis when something was cut. */
export function clip(text: string, max: number): string {
  // Most text has no whitespace to fold but its single spaces: replacing each of them with
  // itself took a tenth of reading a packet's items.
  const flat = (FOLDABLE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * Control characters written out (`\u001B`): a terminal or a log viewer would act on an escape
 * sequence in a message.
 */
export function showControls(text: string): string {
  return text.replace(
    /\p{Cc}/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** A piece of user text for a message: one line, clipped, control characters shown. */
export function quote(text: string, max = 60): string {
  return showControls(clip(text, max));
}

/** `a`, `a and b`, `a, b and c` (or with `or`). */
export function series(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * Letters NFKD leaves whole, each with the Latin letters it is written as without its stroke or
 * ligature (lower case: the text is lower-cased first).
 */
const FOLDS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

/**
 * The words of a text as lower-case ASCII, for ids and file names made from it: accents dropped
 * (`Núñez` → `nunez`), `ł`, `ø`, `ß`, `æ` … written out (`Søren` → `soren`), and every run of
 * other characters a break between words.
 */
export function asciiWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[łøđðħıßæœþ]/g, (c) => FOLDS[c] ?? c)
      .match(/[a-z0-9]+/g) ?? []
  );
}
