/**
 * Placeholders: text that stands where evidence should be. Found in the item's own words (its
 * nested items are judged on their own), as a reader sees them (`visibleText`: a Cyrillic `Т`,
 * a zero-width space or a full-width letter hides nothing), in any letter case, with or without
 * a link. The reason names the marker in our words and never quotes the packet.
 */
import { disguises, visibleText } from './visible-text';

/** Markers of unfinished text, as letters only (`T.B.D.` is `tbd`). */
const MARKERS = ['tbd', 'tba', 'tbc', 'todo', 'fixme', 'xxx', 'wip'] as const;

/** Words that say "not written yet" even beside a link (`tbd [PR](url)`). */
const NOT_WRITTEN: readonly string[] = [
  ...MARKERS,
  'na',
  'none',
  'nothing',
  'nothingyet',
  'noneyet',
  'notyet',
  'notapplicable',
  'placeholder',
  'comingsoon',
  'tobedetermined',
  'tobeconfirmed',
  'tobeadded',
  'tobewritten',
];

/** Whole-item texts (letters and digits only, lower case) that mean "nothing here yet". */
const WHOLE_ITEM: ReadonlySet<string> = new Set([
  ...NOT_WRITTEN,
  'pending',
  'later',
  'soon',
  'test',
  'testing',
  'example',
  'sample',
  'asdf',
  'foo',
  'bar',
  'foobar',
  'blah',
  'etc',
]);

/** Whole-item words that are placeholders only when the item has no real link either. */
const WHOLE_ITEM_WITHOUT_LINK: ReadonlySet<string> = new Set([
  'evidence',
  'link',
  'links',
  'here',
  'details',
  'addevidence',
  'addevidencehere',
  'evidencehere',
  'addlink',
  'linkhere',
]);

/**
 * Text between double quotes or backticks (the item's code is given between backticks): a word
 * quoted or code (`"XXX-Large"`, `` `TODO` ``), matched first and skipped, not a marker left in.
 */
const QUOTED = '"[^"]*"|“[^”]*”|`[^`]*`';

/**
 * Not before the kind of thing a marker names, which makes it a word (`TODO comments`, `WIP
 * limits`, `TODO and FIXME markers`, `TBD tickets`); `XXX` before a noun is a number left out
 * (`Closed XXX tickets`).
 */
const NOT_A_KIND = String.raw`(?!(?:\s*(?:[,/&]|\s(?:and|or))\s*(?:T\.?B\.?[DAC]\.?|TO-?DO|FIXME|WIP))*\s+(?:comments?|markers?|items?|lists?|limits?|tickets?|tags?|labels?|notes?|tasks?|entries|entry|annotations?|columns?|lanes?|states?|status|boards?|apps?|queues?|issues?)(?![\p{L}\p{N}]))`;

/** A marker (group 1 or 2) in capitals anywhere: `Reduced latency by XXX ms`, `T.B.D.`. */
const SHOUTED = new RegExp(
  `${QUOTED}|${String.raw`(?<![\p{L}\p{N}])(?:(T\.?B\.?[DAC]\.?|TODO|TO-DO|FIXME|WIP)(?![\p{L}\p{N}])${NOT_A_KIND}|(XXX)(?![\p{L}\p{N}]))`}`,
  'gu',
);

/** Markers that are no word of any language, in any case anywhere: `tbd`, `fixme`, `xxx`. */
const NEVER_A_WORD = new RegExp(
  `${QUOTED}|${String.raw`(?<![\p{L}\p{N}])(?:(t\.?b\.?[dac]\.?|fixme)(?![\p{L}\p{N}])${NOT_A_KIND}|(xxx)(?![\p{L}\p{N}]))`}`,
  'giu',
);

/** A marker in any case where a marker goes: first, last, before a colon or in brackets. */
const PLACED = new RegExp(
  [
    // First word before punctuation: `todo: write this up`, `tbd - link to follow` (not a
    // `Todo app migration`).
    String.raw`^[^\p{L}\p{N}]*(?:to-?do|wip)\s*(?:[:\-–—.!,;()\[\]]|$)`,
    // Last word: `link: tbd`.
    String.raw`(?<![\p{L}\p{N}])(?:t\.?b\.?[dac]|fixme|xxx)[^\p{L}\p{N}]*$`,
    // Before a colon.
    String.raw`(?<![\p{L}\p{N}])(?:tbd|tba|fixme|xxx)\s*:`,
    // `todo` last or before a colon only after punctuation (`numbers: todo`, `(todo: link)`):
    // after a word it is a word (Spanish and Portuguese `lo documenté todo`, `lo revisé todo: …`,
    // `closed every to-do`); in capitals `SHOUTED` finds it anywhere.
    String.raw`(?<![\p{L}\p{N}]\s*)to-?do(?:[^\p{L}\p{N}]*$|\s*:)`,
    // In brackets.
    String.raw`[(\[{<]\s*(?:t\.?b\.?[dac]\.?|to-?do|fixme|xxx|wip)\s*[)\]}>]`,
  ].join('|'),
  'iu',
);

/** An HTML tag, opening or closing: GitHub shows its words as no text. */
const HTML_TAG = /<\/?[A-Za-z][^<>]*>/g;

/** Three or more question marks: `???`. */
const QUESTIONS = /\?{3,}|？{3,}/;

/**
 * Filler, matched on normalised text (lower case, single spaces): lorem ipsum and keyboard mash
 * (group 1: filler only when it is most of the item, see `mostlyFiller`), and phrases (group 2).
 */
const FILLER =
  /\b(?:(lorem|ipsum|dolor sit amet|consectetur adipiscing|asdf\w*|qwerty\w*)|(coming soon|to be (?:added|determined|confirmed|written|filled(?: in)?|completed|updated)|(?:will|to) be (?:added|filled in|written up) later|add (?:evidence|a link|link|details|more) here|(?:insert|paste|put) (?:a )?(?:link|url|evidence|text) here|(?:your|some) (?:text|evidence|link) here|(?:details|link|links|evidence|numbers) to follow|more to come|write this up|(?:text|evidence|link|description) goes here|fill (?:this )?in here|yada yada|something something|fill (?:this )?in later|fill me in|placeholder text|sample text|dummy text|blah blah|foo bar baz))\b/g;

/** The words of the lorem ipsum text as people paste it, but those English has (`in`, `sit`). */
const LOREM: ReadonlySet<string> = new Set(
  (
    'lorem ipsum dolor amet consectetur adipiscing elit sed eiusmod tempor incididunt ut labore ' +
    'et dolore magna aliqua enim minim veniam quis nostrud exercitation ullamco laboris nisi ' +
    'aliquip ea commodo consequat duis aute irure reprehenderit voluptate velit esse cillum eu ' +
    'fugiat nulla pariatur'
  ).split(' '),
);

/** Keyboard mash: a run along a row of the keyboard (`asdf`, `asdfgh`, `qwerty`, `jkl`). */
const MASH = /^(?:asdf|qwert|zxcv|hjkl|jkl)/;

/** Why an item's own text is a placeholder, or undefined. */
export interface PlaceholderInput {
  /** The item's own text (nested items left out), as written. */
  readonly text: string;
  /** Whether the item has a link that opens something (placeholder words beside one still count). */
  readonly realLink: boolean;
  /** Whether the item shows an image. */
  readonly image: boolean;
  /** Whether the item has links at all (even ones that open nothing). */
  readonly anyLink: boolean;
  /** The item's own words outside links (`tbd` in `tbd [PR](url)`), when it has links. */
  readonly bare?: string;
  /** Whether all of the item's own words are struck through (`~~Pitched the migration~~`). */
  readonly struck?: boolean;
}

const NOT_ASCII = /[\u0080-\uffff]/;

/** Lower-case letters, digits and single spaces of visible text. */
function words(visible: string): string {
  const lower = visible.toLowerCase();
  // ASCII text's letters and digits are [a-z0-9] once lower-cased: the same words, at less cost.
  return (
    NOT_ASCII.test(lower)
      ? lower.replace(/[^\p{L}\p{N}]+/gu, ' ')
      : lower.replace(/[^a-z0-9]+/g, ' ')
  ).trim();
}

/** Why the item is a placeholder rather than evidence, or undefined when it is not one. */
export function placeholderReason(input: PlaceholderInput): string | undefined {
  const visible = visibleText(input.text).replace(/\s+/g, ' ').trim();
  const plain = words(visible);
  const reason = reasonOf(visible, plain, input);
  if (reason === undefined) return undefined;
  // Say so when only the reading as people see it found the placeholder.
  const hidden = disguises(input.text);
  if (hidden.length === 0) return reason;
  const raw = input.text.replace(/\s+/g, ' ').trim();
  if (reasonOf(raw, words(raw), input) === reason) return reason;
  return `${reason}, written with ${hidden.join(', ')}`;
}

function reasonOf(visible: string, plain: string, input: PlaceholderInput): string | undefined {
  if (plain === '') {
    if (input.image) return 'the item is only an image, with no words';
    if (QUESTIONS.test(visible)) return 'the item says only ???';
    if (input.anyLink) return 'the item is a link with no text';
    return 'the item is empty';
  }
  const letters = plain.replace(/ /g, '');
  if (WHOLE_ITEM.has(letters))
    return `the item says only ${letters === 'na' ? 'N/A' : isMarker(letters) ? letters.toUpperCase() : `“${plain}”`}`;
  // `[link](…/pull/XXX)` has a link, one that does not count: saying "with no link" puzzles.
  if (!input.realLink && WHOLE_ITEM_WITHOUT_LINK.has(letters))
    return `the item says only “${plain}”, ${input.anyLink ? 'and its link does not count' : 'with no link'}`;
  if (input.struck) return 'its words are struck through: work withdrawn, not evidence';
  // `<describe your expertise here>`: a hint written as a tag, which GitHub does not show.
  if (visible.includes('<') && words(visible.replace(HTML_TAG, ' ')) === '')
    return /<img\b/i.test(visible)
      ? 'the item is only an image, with no words'
      : 'the item has no words a reader sees, only an HTML tag';
  // `tbd [PR](url)`: a link does not fill in the words beside it.
  const bare = words(visibleText(input.bare ?? ''));
  if (bare !== '' && NOT_WRITTEN.includes(bare.replace(/ /g, '')))
    return `it says only ${spoken(bare)} beside its link`;
  const shouted = markerIn(visible, SHOUTED);
  if (shouted) return `it still says ${spoken(shouted)}`;
  const placed = PLACED.exec(visible);
  if (placed) return `it still says ${spoken(placed[0])}`;
  const word = markerIn(visible, NEVER_A_WORD);
  if (word) return `it still says ${spoken(word)}`;
  if (QUESTIONS.test(visible)) return 'it still says ???';
  FILLER.lastIndex = 0;
  for (let filler = FILLER.exec(plain); filler; filler = FILLER.exec(plain)) {
    const mash = filler[1];
    if (mash === undefined) return 'it is filler text, not evidence';
    // `Migrated all runtimes to asdf` is a sentence that names a tool, not mash.
    if (mostlyFiller(bare !== '' ? bare : plain))
      return LOREM.has(mash.split(' ')[0] ?? '')
        ? 'it is lorem ipsum'
        : 'it is filler text, not evidence';
  }
  if (repeatsOneWord(plain)) return 'it is filler text, not evidence';
  return undefined;
}

/** The first marker `pattern` finds outside quotes and code. */
function markerIn(visible: string, pattern: RegExp): string | undefined {
  // `exec` from the start rather than `matchAll`, which copies the pattern on every call.
  pattern.lastIndex = 0;
  for (let match = pattern.exec(visible); match; match = pattern.exec(visible)) {
    const marker = match[1] ?? match[2];
    if (marker !== undefined) return marker;
  }
  return undefined;
}

function isMarker(letters: string): boolean {
  return (MARKERS as readonly string[]).includes(letters);
}

/** A marker in capitals, in our spelling: `t.b.d.` → `TBD`, `To-do` → `TODO`. */
function spoken(marker: string): string {
  const letters = marker.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters === 'na') return 'N/A';
  if (letters === 'todo') return 'TODO';
  return isMarker(letters)
    ? letters.toUpperCase()
    : WHOLE_ITEM.has(letters)
      ? `“${marker}”`
      : 'a placeholder';
}

/**
 * Whether half or more of the words (the item's own, outside its links when it has any) are lorem
 * ipsum or keyboard mash.
 */
function mostlyFiller(words: string): boolean {
  const all = words.split(' ');
  let filler = 0;
  for (const word of all) if (LOREM.has(word) || MASH.test(word)) filler += 1;
  return filler * 2 >= all.length;
}

/** `test test test`, `data, data; DATA!`: three or more words and only one distinct word. */
function repeatsOneWord(plain: string): boolean {
  // `plain` is words joined by single spaces: the first word, then ` word` again and again.
  const first = plain.indexOf(' ');
  if (first <= 0 || (plain.length + 1) % (first + 1) !== 0) return false;
  const times = (plain.length + 1) / (first + 1);
  return (
    times >= 3 && plain === `${plain.slice(0, first + 1).repeat(times - 1)}${plain.slice(0, first)}`
  );
}
