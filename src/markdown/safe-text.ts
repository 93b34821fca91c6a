/**
 * What user text must not carry into Markdown we write, whatever the builder: characters that
 * act instead of show (controls, bidirectional overrides that reorder what a reader sees), and,
 * where GitHub would act on them (comments, summaries, reports), mentions that ping, references
 * that notify an issue, commit ids it links (outside code), bare URLs and HTML comment openers
 * that could forge our marker. Escaping syntax (`*`, `[`, `<`, `$` ...) is the serialiser's job
 * (serialise.ts); this is the rest.
 */

/** U+2060 WORD JOINER: invisible, and it breaks GitHub's mention and reference patterns. */
const JOINER = '\u2060';

/**
 * Controls (but tab, LF, CR), the Unicode line and paragraph separators, and the bidi marks,
 * embeddings, overrides and isolates.
 */
const INVISIBLE = /[^\P{Cc}\t\n\r]|[\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu;

const BIDI = /[\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * Unicode tag characters (U+E0000–U+E007F) mirror ASCII invisibly: a packet could carry a
 * sentence no reader sees but a tool reading the comment would (instructions to an AI reviewer,
 * say). Their one use in text is a subdivision flag (🏴 then letters and U+E007F, the flag of
 * England or Scotland), which is kept; any other is dropped.
 */
const TAGS =
  /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,7}\u{E007F})|[\u{E0000}-\u{E007F}]/gu;

/**
 * Runs of variation selectors or of zero-width characters: text uses one at a time (an emoji's
 * presentation, a joiner between two emoji or two letters), while a run of them can carry bytes
 * no reader sees, as tag characters can. A run keeps its first.
 */
const HIDDEN_RUNS =
  /([\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]+|([\u200B-\u200D\u2060\uFEFF])[\u200B-\u200D\u2060\uFEFF]+/gu;

function withoutHiddenText(text: string): string {
  return text
    .replace(TAGS, (_, flag: string | undefined) => flag ?? '')
    .replace(
      HIDDEN_RUNS,
      (_, selector: string | undefined, zeroWidth: string | undefined) =>
        selector ?? zeroWidth ?? '',
    );
}

/**
 * `text` without bidi controls (and line or paragraph separators) or tag characters: for pages,
 * whose controls the serialiser writes as character references instead.
 */
export function withoutBidi(text: string): string {
  return withoutHiddenText(text.replace(BIDI, ''));
}

/** `text` without control, bidi or tag characters. */
export function withoutInvisible(text: string): string {
  return withoutHiddenText(text.replace(INVISIBLE, ''));
}

/** Makes untrusted text inert for GitHub: no invisible characters, pings, references or `<!--`. */
export function safeText(text: string): string {
  return withoutInvisible(text)
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${JOINER}`)
    .replace(/#(?=\d)/g, `#${JOINER}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1${JOINER}-`)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${JOINER}.`)
    .replace(/<!--/g, `<${JOINER}!--`)
    .replace(/-->/g, `--${JOINER}>`);
}

/**
 * A run of 7 or more hex digits between word edges: GitHub links such a run to the commit of the
 * repository it abbreviates (`5d3f1c2`, also after `owner/repo@`), but not in a code span.
 */
const COMMIT_LIKE = /\b[0-9a-f]{7,}\b/gi;

/**
 * `safeText` for text outside code spans, where GitHub also links commit ids: a joiner after
 * every sixth digit of a run leaves no run of seven. (In code a number or an id stays whole, so
 * that it can be copied.)
 */
export function safeProse(text: string): string {
  return safeText(text).replace(COMMIT_LIKE, (run) =>
    run.replace(/[0-9a-f]{6}(?=[0-9a-f])/gi, `$&${JOINER}`),
  );
}
