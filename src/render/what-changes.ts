/**
 * "What changes from the previous level": per dimension, the statements added, removed and
 * reworded, with the changed words of a rewording in bold and the dropped words struck through.
 */
import {
  countChanges,
  diffStatements,
  type StatementChange,
  type WordChange,
  WordNumbers,
} from '../model/statement-diff';
import type { Ladder, Level } from '../model/types';
import { type Inline, isSingleSpaced, join, paragraph, strike, strong } from './markdown';
import { runsList, type StyledRun } from './prewritten';
import type { Block } from './serialise';

/** One dimension's changes between two levels. */
export interface DimensionChanges {
  readonly dimension: string;
  readonly changes: readonly StatementChange[];
}

/**
 * The statement diff of every dimension either level has statements in, in ladder order.
 * `words` is shared by the level pages of one ladder (see `WordNumbers`).
 */
export function levelChanges(
  ladder: Ladder,
  previous: Level,
  level: Level,
  words: WordNumbers = new WordNumbers(),
): DimensionChanges[] {
  const statements = (l: Level, id: string) =>
    l.expectations.find((e) => e.dimension === id)?.statements ?? [];
  words.startLevel();
  return ladder.dimensions
    .map((d) => {
      const before = statements(previous, d.id);
      const after = statements(level, d.id);
      return {
        dimension: d.id,
        changes: diffStatements(
          before.map((s) => s.text),
          after.map((s) => s.text),
          { words, ids: { before: before.map((s) => s.id), after: after.map((s) => s.id) } },
        ),
      };
    })
    .filter((d) => d.changes.length > 0);
}

const WORD_END = /[\p{L}\p{N}.,;:!?)]$/u;
const WORD_START = /^[\p{L}\p{N}(]/u;
const LEADING_PUNCTUATION = /^([\p{P}\s]*)([\s\S]*)$/u;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

// The same classes for one ASCII character, from tables: most text is ASCII, and a Unicode
// class costs far more than a lookup (three tests per changed run of every rewording).
const asciiTable = (pattern: RegExp) =>
  Uint8Array.from({ length: 128 }, (_, code) => (pattern.test(String.fromCharCode(code)) ? 1 : 0));
const WORD_END_ASCII = asciiTable(WORD_END);
const WORD_START_ASCII = asciiTable(WORD_START);
const PUNCTUATION_ASCII = asciiTable(/^[\p{P}\s]$/u);

/** `WORD_END.test(text)`. An ASCII last unit is the last character (never half a pair). */
function endsWordLike(text: string): boolean {
  const code = text.charCodeAt(text.length - 1);
  return code < 128 ? WORD_END_ASCII[code] === 1 : WORD_END.test(text);
}

/** `WORD_START.test(text)`. */
function startsWordLike(text: string): boolean {
  const code = text.charCodeAt(0);
  return code < 128 ? WORD_START_ASCII[code] === 1 : WORD_START.test(text);
}

/** The punctuation and spaces `text` starts with, and the rest. */
function leadingPunctuation(text: string): [lead: string, rest: string] {
  const code = text.charCodeAt(0);
  if (code < 128 && PUNCTUATION_ASCII[code] === 0) return ['', text];
  const [, lead = '', rest = ''] = LEADING_PUNCTUATION.exec(text) ?? [];
  return [lead, rest];
}

/**
 * A rewording as runs: kept words plain, new words bold, dropped words struck. The new text has
 * its own spaces; dropped words get a space on either side where they would otherwise run into
 * a neighbouring word (`problems.~~Shows~~` reads as one word).
 */
export function rewordingRuns(words: readonly WordChange[]): StyledRun[] {
  const out: StyledRun[] = [];
  words.forEach((w, i) => {
    if (w.kind === 'same') out.push({ style: 'plain', text: w.text });
    else if (w.kind === 'added') {
      // `experience**, technical**` cannot open bold after a letter; keep `, ` outside it.
      const [lead, rest] = leadingPunctuation(w.text);
      if (lead !== '' && rest !== '' && ENDS_IN_WORD.test(words[i - 1]?.text ?? '')) {
        out.push({ style: 'plain', text: lead }, { style: 'strong', text: rest });
      } else out.push({ style: 'strong', text: w.text });
    } else {
      const before = words[i - 1]?.text ?? '';
      const after = words[i + 1]?.text ?? '';
      if (endsWordLike(before) && startsWordLike(w.text)) out.push({ style: 'plain', text: ' ' });
      out.push({ style: 'delete', text: w.text });
      if (endsWordLike(w.text) && startsWordLike(after)) out.push({ style: 'plain', text: ' ' });
    }
  });
  return out;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2 reworded, 1 added`: the counts of a dimension's changes, unchanged last. */
export function changeSummary(changes: readonly StatementChange[]): string {
  const c = countChanges(changes);
  const parts = [
    c.reworded > 0 ? `${c.reworded} reworded` : '',
    c.added > 0 ? `${c.added} added` : '',
    c.removed > 0 ? `${c.removed} removed` : '',
    c.unchanged > 0 ? `${c.unchanged} unchanged` : '',
  ].filter((p) => p !== '');
  return parts.join(', ');
}

/** Whether the statements of a change are single-spaced (see `isSingleSpaced`). */
function singleSpacedChange(change: StatementChange): boolean {
  return change.kind === 'reworded'
    ? isSingleSpaced(change.before) && isSingleSpaced(change.after)
    : isSingleSpaced(change.text);
}

function changeItem(change: StatementChange): StyledRun[] | undefined {
  const label = (text: string): StyledRun => ({ style: 'emphasis', text });
  const space: StyledRun = { style: 'plain', text: ' ' };
  switch (change.kind) {
    case 'unchanged':
      return undefined;
    case 'added':
      return [label('Added:'), space, { style: 'plain', text: change.text }];
    case 'removed':
      return [label('Removed:'), space, { style: 'plain', text: change.text }];
    case 'reworded':
      return [label('Reworded:'), space, ...rewordingRuns(change.words)];
  }
}

/**
 * The blocks of the section. `dimensionLabel` gives the inline content naming a dimension (a
 * link to its heading on the page, when it has one).
 */
export function whatChangesBlocks(
  dimensions: readonly DimensionChanges[],
  dimensionLabel: (id: string) => Inline,
): Block[] {
  const changed = dimensions.filter((d) => d.changes.some((c) => c.kind !== 'unchanged'));
  const unchanged = dimensions.filter((d) => !changed.includes(d));
  const blocks: Block[] = [];
  if (changed.length === 0) {
    blocks.push(paragraph('The expectations are the same as at the previous level.'));
    return blocks;
  }
  if (changed.some((d) => d.changes.some((c) => c.kind === 'reworded')))
    blocks.push(
      paragraph(
        'In a reworded statement, new words are in ',
        strong('bold'),
        ' and words that were dropped are ',
        strike('struck through'),
        '.',
      ),
    );
  for (const d of changed) {
    blocks.push(paragraph(strong(dimensionLabel(d.dimension)), ` (${changeSummary(d.changes)})`));
    const items = d.changes.map(changeItem).filter((i): i is StyledRun[] => i !== undefined);
    // The runs are pieces of the statements: single-spaced when the statements are.
    blocks.push(runsList(items, { singleSpaced: d.changes.every(singleSpacedChange) }));
  }
  if (unchanged.length > 0)
    blocks.push(
      paragraph(
        `Unchanged (${plural(unchanged.length, 'dimension')}): `,
        ...join(
          unchanged.map((d) => [dimensionLabel(d.dimension)]),
          ', ',
        ),
        '.',
      ),
    );
  return blocks;
}
