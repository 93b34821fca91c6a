/**
 * Lists written as Markdown directly. A level's expectations and its "what changes" are most of
 * its page, and building their nodes only to serialise them was a large part of what `ladder
 * render` spent on a page (issue 7). Their items are flat runs of plain, bold, italic or struck
 * text; for those, this module writes exactly the bytes `serialiseFast` writes for the nodes the
 * builders in markdown.ts make of them: the same spacing and trimming, the same escaping
 * (`escapeText`), the same check that emphasis delimits (`delimits`). Where that check fails, the
 * list stays nodes and the page goes to to-markdown, as it did before.
 * test/render/prewritten.test.ts compares both ways on random runs.
 */
import type { List } from 'mdast';
import { emphasis, type Inline, list, singleSpaced, strike, strong } from './markdown';
import { type Block, delimits, escapeText } from './serialise';

/** A run of inline text, plain or marked. */
export interface StyledRun {
  readonly style: 'plain' | 'strong' | 'emphasis' | 'delete';
  readonly text: string;
}

const MARKERS = { strong: '**', emphasis: '_', delete: '~~' } as const;

/** The runs as inline content for the builders in markdown.ts. */
export function runsInline(runs: readonly StyledRun[]): Inline[] {
  return runs.map((r) =>
    r.style === 'plain'
      ? r.text
      : r.style === 'strong'
        ? strong(r.text)
        : r.style === 'emphasis'
          ? emphasis(r.text)
          : strike(r.text),
  );
}

/** The first character a written run starts with. */
function firstCharacter(style: StyledRun['style'] | undefined, text: string | undefined): string {
  return style === undefined || style === 'plain'
    ? (text ?? '').charAt(0)
    : MARKERS[style].charAt(0);
}

/** Two single-spaced texts joined, single-spaced: only a space on both sides can make a run. */
function joinSpaced(a: string, b: string): string {
  return a.endsWith(' ') && b.startsWith(' ') ? singleSpaced(a + b) : a + b;
}

/** Options of `paragraphMarkdown` and `runsList`. */
export interface RunsOptions {
  /**
   * Every run's text is known to be single-spaced (`isSingleSpaced`), as every piece of a
   * single-spaced statement is, so it is not checked again.
   */
  readonly singleSpaced?: boolean;
}

/**
 * What `serialiseFast` writes for `paragraph(...runsInline(runs))` at the start of a line, or
 * undefined where it would decline (and the page would go to to-markdown).
 */
export function paragraphMarkdown(
  runs: readonly StyledRun[],
  options: RunsOptions = {},
): string | undefined {
  const spaced = options.singleSpaced === true ? (text: string) => text : singleSpaced;
  // First the runs as the paragraph's nodes hold them: text single-spaced, plain runs next to
  // each other merged, marked runs trimmed, the paragraph's ends trimmed, empty plain runs
  // dropped (an empty marked run stays: it cannot be written, `delimits` says so).
  const styles: StyledRun['style'][] = [];
  const texts: string[] = [];
  for (const run of runs) {
    const n = texts.length;
    if (run.style !== 'plain') {
      styles.push(run.style);
      texts.push(spaced(run.text).trimStart().trimEnd());
    } else if (n > 0 && styles[n - 1] === 'plain')
      texts[n - 1] = joinSpaced(texts[n - 1] ?? '', spaced(run.text));
    else {
      styles.push('plain');
      texts.push(spaced(run.text));
    }
  }
  if (styles[0] === 'plain') texts[0] = (texts[0] ?? '').trimStart();
  const end = texts.length - 1;
  if (styles[end] === 'plain') texts[end] = (texts[end] ?? '').trimEnd();
  let kept = 0;
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i] ?? '';
    const style = styles[i] ?? 'plain';
    if (style === 'plain' && text === '') continue;
    // Escaped as serialiseFast escapes each text node; only the first can start the line.
    texts[kept] = escapeText(text, kept === 0 && style === 'plain');
    styles[kept] = style;
    kept += 1;
  }
  // Then written, each marked run checked against the characters around it.
  let out = '';
  let before = '';
  for (let i = 0; i < kept; i += 1) {
    const text = texts[i] ?? '';
    const style = styles[i] ?? 'plain';
    if (style === 'plain') out += text;
    else {
      const marker = MARKERS[style];
      const after = i + 1 < kept ? firstCharacter(styles[i + 1], texts[i + 1]) : '';
      if (!delimits(marker, text.charAt(0), text.charAt(text.length - 1), before, after))
        return undefined;
      out += `${marker}${text}${marker}`;
    }
    before = style === 'plain' ? text.charAt(text.length - 1) : MARKERS[style].charAt(0);
  }
  // As serialiseFast: leading white space would make an indented code block.
  const first = texts[0] ?? '';
  return kept > 0 && styles[0] === 'plain' && /^\s/.test(first) ? undefined : out;
}

/**
 * A tight bulleted list of runs: written as Markdown when every item can be, else as nodes
 * (`list(items.map(runsInline))`).
 */
export function runsList(
  items: readonly (readonly StyledRun[])[],
  options: RunsOptions = {},
): Block {
  const tree = (): List => list(items.map(runsInline));
  let markdown = '';
  for (const item of items) {
    const line = paragraphMarkdown(item, options);
    // A line needs no indenting: its text is single-spaced and escaping adds no line break.
    if (line === undefined) return tree();
    markdown += markdown === '' ? `- ${line}` : `\n- ${line}`;
  }
  return { type: 'prewritten', markdown, tree };
}
