/**
 * "What changes from the previous level": per dimension, the statements added, removed and
 * reworded, with the changed words of a rewording in bold and the dropped words struck through.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import {
  countChanges,
  diffStatements,
  type StatementChange,
  type WordChange,
} from '../model/statement-diff';
import type { Ladder, Level } from '../model/types';
import { emphasis, type Inline, join, list, paragraph, strike, strong, text } from './markdown';

/** One dimension's changes between two levels. */
export interface DimensionChanges {
  readonly dimension: string;
  readonly changes: readonly StatementChange[];
}

/** The statement diff of every dimension either level has statements in, in ladder order. */
export function levelChanges(ladder: Ladder, previous: Level, level: Level): DimensionChanges[] {
  const statements = (l: Level, id: string) =>
    l.expectations.find((e) => e.dimension === id)?.statements ?? [];
  return ladder.dimensions
    .map((d) => ({
      dimension: d.id,
      changes: diffStatements(statements(previous, d.id), statements(level, d.id)),
    }))
    .filter((d) => d.changes.length > 0);
}

const WORD_END = /[\p{L}\p{N}.,;:!?)]$/u;
const WORD_START = /^[\p{L}\p{N}(]/u;

/**
 * A rewording as inline content: kept words plain, new words bold, dropped words struck. The
 * new text has its own spaces; dropped words get a space on either side where they would
 * otherwise run into a neighbouring word (`problems.~~Shows~~` reads as one word).
 */
export function wordsInline(words: readonly WordChange[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  words.forEach((w, i) => {
    if (w.kind === 'same') out.push(text(w.text));
    else if (w.kind === 'added') {
      // `experience**, technical**` cannot open bold after a letter; keep `, ` outside it.
      const [, lead = '', rest = ''] = /^([\p{P}\s]*)([\s\S]*)$/u.exec(w.text) ?? [];
      if (lead !== '' && rest !== '' && /[\p{L}\p{N}]$/u.test(words[i - 1]?.text ?? '')) {
        out.push(text(lead), strong(rest));
      } else out.push(strong(w.text));
    } else {
      const before = words[i - 1]?.text ?? '';
      const after = words[i + 1]?.text ?? '';
      if (WORD_END.test(before) && WORD_START.test(w.text)) out.push(text(' '));
      out.push(strike(w.text));
      if (WORD_END.test(w.text) && WORD_START.test(after)) out.push(text(' '));
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

function changeItem(change: StatementChange): Inline[] | undefined {
  switch (change.kind) {
    case 'unchanged':
      return undefined;
    case 'added':
      return [emphasis('Added:'), ' ', change.text];
    case 'removed':
      return [emphasis('Removed:'), ' ', change.text];
    case 'reworded':
      return [emphasis('Reworded:'), ' ', ...wordsInline(change.words)];
  }
}

/**
 * The blocks of the section. `dimensionLabel` gives the inline content naming a dimension (a
 * link to its heading on the page, when it has one).
 */
export function whatChangesBlocks(
  dimensions: readonly DimensionChanges[],
  dimensionLabel: (id: string) => Inline,
): RootContent[] {
  const changed = dimensions.filter((d) => d.changes.some((c) => c.kind !== 'unchanged'));
  const unchanged = dimensions.filter((d) => !changed.includes(d));
  const blocks: RootContent[] = [];
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
    blocks.push(list(d.changes.map(changeItem).filter((i): i is Inline[] => i !== undefined)));
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
