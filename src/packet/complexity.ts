/**
 * A linear scan that refuses Markdown the parser would take too long on. micromark's emphasis,
 * strikethrough and link-label resolution are quadratic in the delimiters of one paragraph, and
 * its tree walks recurse once per container level; a 200 KB packet of `*a*a*a...` takes minutes
 * and 100,000 nested `>` overflow the stack. Real packets stay far below these limits.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';

/** Per-paragraph and per-line limits; each is far above what a person writes. */
export const COMPLEXITY_LIMITS = {
  /** `*`, `_` and `~` in one paragraph (approximated: lines up to a blank line or new item). */
  emphasisPerBlock: 1000,
  /** `[` in one paragraph (links, images, references, footnotes). */
  bracketsPerBlock: 1000,
  /** Backticks in one block. */
  backticksPerBlock: 1000,
  /**
   * The parser's work on emphasis, brackets and backticks in the whole packet: each such mark
   * costs about as many steps as there are marks before it in its paragraph (micromark splices
   * the paragraph's event list for every match), so this is the sum over paragraphs of half
   * the square of their marks. 100 paragraphs just under the per-paragraph limits took 3-6 s;
   * this allows about twenty of them, a second's work, and is far above a real packet's
   * (hundreds of paragraphs of twenty marks make a few hundred thousand).
   */
  delimiterWork: 10_000_000,
  /** Nested containers (`>`, list markers) opened on one line. */
  containersPerLine: 32,
  /** Columns of indentation before a container marker (nested lists by indentation). */
  indentBeforeMarker: 128,
  /**
   * Blocks in the whole packet (headings, list items, paragraphs, quotes). micromark's time and
   * memory grow with the number of blocks more than with the bytes: 256 KB of one-letter list
   * items or setext headings (64,000 blocks) is several times slower than 256 KB of evidence and
   * takes over a gigabyte. A long real packet has a few thousand.
   */
  blocks: 5000,
} as const;

/**
 * A line that starts a block even right after another line: a heading, a list item, a quote, a
 * setext underline or a thematic break (after any `>`).
 */
const STARTS_BLOCK =
  /^ {0,3}(?:> ?)*(?:#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|=+[ \t]*$|-+[ \t]*$|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$)/;

/** A heading or a bullet item with content, at most three spaces in (after any `>`). */
const STARTS_INLINE_CONTENT = /^ {0,3}(?:> ?)*(?:#{1,6}(?:[ \t]|$)|[-+*][ \t]+\S)/;

/** The first reason the text is too complex to parse safely, as a diagnostic; else undefined. */
export function complexityProblem(path: string, text: string): Diagnostic | undefined {
  let emphasis = 0;
  let brackets = 0;
  let backticks = 0;
  let work = 0;
  let blockStart = 1;
  let blocks = 0;
  let afterBlank = true;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    const blank = /^\s*$/.test(content);
    if (blank || STARTS_INLINE_CONTENT.test(content)) {
      // A blank line, a heading or a new top-level bullet item ends the paragraph before it.
      emphasis = 0;
      brackets = 0;
      backticks = 0;
      blockStart = blank ? line + 1 : line;
    }
    if (!blank && (afterBlank || STARTS_BLOCK.test(content))) {
      blocks += 1;
      if (blocks > COMPLEXITY_LIMITS.blocks)
        return problem(
          path,
          line,
          `The packet has more than ${COMPLEXITY_LIMITS.blocks} blocks (headings, list items, paragraphs, quotes) by this line; so many are too slow to parse safely, so the packet was not reviewed. Merge short items, or link to long documents instead of pasting them.`,
        );
    }
    afterBlank = blank;
    if (!blank) {
      for (let i = 0; i < content.length; i += 1) {
        const c = content.charCodeAt(i);
        if (c === 42 || c === 95 || c === 126) work += ++emphasis;
        else if (c === 91) work += ++brackets;
        else if (c === 96) work += ++backticks;
      }
      const nesting = containerNesting(content);
      const tooMany =
        emphasis > COMPLEXITY_LIMITS.emphasisPerBlock
          ? `more than ${COMPLEXITY_LIMITS.emphasisPerBlock} \`*\`, \`_\` or \`~\` characters`
          : brackets > COMPLEXITY_LIMITS.bracketsPerBlock
            ? `more than ${COMPLEXITY_LIMITS.bracketsPerBlock} \`[\` characters`
            : backticks > COMPLEXITY_LIMITS.backticksPerBlock
              ? `more than ${COMPLEXITY_LIMITS.backticksPerBlock} backticks`
              : undefined;
      if (tooMany !== undefined) {
        return problem(
          path,
          blockStart,
          `The paragraph starting on line ${blockStart} has ${tooMany}; such text is too slow to parse safely, so the packet was not reviewed. Split the paragraph with blank lines or remove them.`,
        );
      }
      if (work > COMPLEXITY_LIMITS.delimiterWork)
        return problem(
          path,
          blockStart,
          `By the paragraph starting on line ${blockStart}, the packet's paragraphs hold so many \`*\`, \`_\`, \`~\`, \`[\` or backtick characters that it is too slow to parse safely, so the packet was not reviewed. Split long paragraphs into shorter ones, or remove the characters.`,
        );
      if (
        nesting.containers > COMPLEXITY_LIMITS.containersPerLine ||
        nesting.indent > COMPLEXITY_LIMITS.indentBeforeMarker
      ) {
        return problem(
          path,
          line,
          'This line nests quotes or lists too deeply to parse safely, so the packet was not reviewed. Flatten the nesting.',
        );
      }
    }
    if (newline === -1) break;
    start = newline + 1;
    line += 1;
  }
  return undefined;
}

/** How many containers a line opens and how far the last marker is indented. */
function containerNesting(line: string): { containers: number; indent: number } {
  let containers = 0;
  let indent = 0;
  let i = 0;
  for (;;) {
    let width = 0;
    while (line[i] === ' ' || line[i] === '\t') {
      width += line[i] === '\t' ? 4 : 1;
      i += 1;
    }
    const c = line[i];
    if (c === '>') {
      containers += 1;
      indent = Math.max(indent, width);
      i += 1;
      continue;
    }
    if ((c === '-' || c === '*' || c === '+') && /[ \t]/.test(line[i + 1] ?? '')) {
      containers += 1;
      indent = Math.max(indent, width);
      i += 1;
      continue;
    }
    const ordered = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(i, i + 11));
    if (ordered) {
      containers += 1;
      indent = Math.max(indent, width);
      i += ordered[0].length;
      continue;
    }
    return { containers, indent };
  }
}

function problem(path: string, line: number, message: string): Diagnostic {
  return { code: 'packet-too-complex', severity: 'error', message, file: path, line, column: 1 };
}
