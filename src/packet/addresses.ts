/**
 * `(addresses: …)` notes: an item names the expectations of its dimension that it shows, by
 * number as `new-packet` numbers them or by id: `(addresses: 2)`, `(addresses: 1, 3)`,
 * `(addresses: 1; 3)`, `(addresses: 2 3)`, `(addresses: ships-small-changes and 3)`. Brackets or
 * a colon, or the word `expectation`, make a note: `(addresses 2)`, `addresses: 2` and
 * `addresses expectation 2` are notes too (numbers only), while prose such as `Addressed 3
 * incidents` is not. A range, `1-3` or `1–3`, names every number from the first to the last. Ids
 * are read only between brackets after a colon, where every entry is read and what is neither a
 * number nor an id is kept to be reported.
 */
import { clip } from '../util/text';

/** `word` in any letter case, for patterns shared with case-sensitive ones (`GH-123`). */
function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

const VERB = `${anyCase('address')}(?:${anyCase('es')}|${anyCase('ed')}|${anyCase('ing')})?`;
const EXPECTATION = `${anyCase('expectation')}[sS]?`;
const NUMBER = String.raw`(?:${EXPECTATION}\s*)?#?\d{1,9}(?:\s*[-–]\s*#?\d{1,9})?`;
/** `,`, `;`, `/`, `&`, `+` (each optionally followed by `and`), or `and` between spaces. */
const AND = anyCase('and');
const NUMBERS = String.raw`${NUMBER}(?:\s*(?:[,;/&+]\s*(?:${AND}\s+)?|\s${AND}\s+)${NUMBER})*`;

/**
 * A note, in each form it takes, with its list in group 1, 2 or 3: `(addresses: list)`,
 * `(addresses 1, 3)`, and `addresses: 1, 3` or `addresses expectation 2` outside brackets.
 * Written without flags, so that it can join the case-sensitive pattern of issue references,
 * which then skips the `#2` of `(addresses: #2)`.
 */
export const NOTE_PATTERN = [
  String.raw`\(\s*${VERB}\s*:\s*([^()]{1,300}?)\s*\)`,
  String.raw`\(\s*${VERB}\s+(${NUMBERS})\s*\)`,
  String.raw`\b${VERB}(?:\s*:\s*|\s+(?=${EXPECTATION}))(${NUMBERS})(?![\w-])`,
].join('|');

const NOTE = new RegExp(NOTE_PATTERN, 'g');
/** Every note has the verb. */
const MAYBE_NOTE = /address/i;

/**
 * Between entries: `,`, `;`, `/`, `&`, `+`, or `and` between spaces (never the `-and-` of an id);
 * numbers may be separated by spaces alone (`2 3`).
 */
const SEPARATOR = /\s*[,;/&+]\s*(?:and\s+)?|\s+and\s+|(?<=\d)\s+(?=#?\d)/i;
const NUMBER_ENTRY = /^(?:expectations?\s*)?#?(\d{1,9})$/i;
/** A range, `1-3` or `1–3`: every number from the first to the last. */
const RANGE_ENTRY = /^(?:expectations?\s*)?#?(\d{1,3})\s*[-–]\s*#?(\d{1,3})$/i;
/** The most numbers one range stands for: a dimension has a handful of expectations. */
const MAX_RANGE = 50;
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** One note as found in a text: where it starts, and what it names. */
export interface NoteInText {
  /** The index of the note's first character (its bracket, or `address`). */
  readonly index: number;
  /** Expectation numbers as written, without repeats; 0 included, to be reported. */
  readonly numbers: readonly number[];
  /** Statement ids, lower case, without repeats. */
  readonly ids: readonly string[];
  /** Entries that are neither a number nor an id (`Mastery 2`), clipped. */
  readonly unreadable: readonly string[];
}

/** The notes of a text, in order; a note that names nothing (`(addresses: ,)`) is left out. */
export function notesIn(text: string): NoteInText[] {
  const out: NoteInText[] = [];
  // Most items have no note; `matchAll` would copy the expression for each of them.
  if (!MAYBE_NOTE.test(text)) return out;
  NOTE.lastIndex = 0;
  for (let match = NOTE.exec(text); match; match = NOTE.exec(text)) {
    const numbers: number[] = [];
    const ids: string[] = [];
    const unreadable: string[] = [];
    for (const entry of (match[1] ?? match[2] ?? match[3] ?? '').split(SEPARATOR)) {
      // A sentence's full stop (`(addresses: 1.)`) ends the note, not the entry: ids hold no dot.
      const token = entry.trim().replace(/\.$/, '');
      if (token === '') continue;
      const digits = NUMBER_ENTRY.exec(token)?.[1];
      const range = RANGE_ENTRY.exec(token);
      const id = token.toLowerCase();
      if (digits !== undefined) {
        const n = Number(digits);
        if (!numbers.includes(n)) numbers.push(n);
      } else if (range) {
        const [first, last] = [Number(range[1]), Number(range[2])];
        if (last < first || last - first >= MAX_RANGE) unreadable.push(clip(token, 60));
        else for (let n = first; n <= last; n++) if (!numbers.includes(n)) numbers.push(n);
      } else if (ID.test(id)) {
        if (!ids.includes(id)) ids.push(id);
      } else unreadable.push(clip(token, 60));
    }
    if (numbers.length + ids.length + unreadable.length > 0)
      out.push({ index: match.index, numbers, ids, unreadable });
  }
  return out;
}
