/**
 * Which evidence items address which expectations. An explicit reference (`(addresses: 2)`, or a
 * quote of three or more of the expectation's words) addresses it; otherwise a strong overlap of
 * distinctive words marks it as addressed `by wording`, a hint for the reader that never
 * changes a status.
 */
import { normaliseText } from '../packet/evidence';
import type { PacketItem } from '../packet/types';
import type { Coverage, ExpectationCheck } from './types';

const STOPWORDS = new Set(
  (
    'about above after again also and any are because been before being below between both but ' +
    'can could did does doing down during each either even ever every few for from further had ' +
    'has have having her here hers him his how into its itself just least like made make makes ' +
    'many may more most much must need needs not now off once only other our ours out over own ' +
    'same she should some such than that the their them then there these they this those through ' +
    'too under until upon very was were what when where which while who whom why will with within ' +
    'without would you your yours able well also when work works worked team'
  ).split(' '),
);

/** Distinctive words of a text: four letters or more, not stop words, crudely stemmed. */
export function keywords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normaliseText(text).split(' ')) {
    if (word.length < 4 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.add(stem(word));
  }
  return out;
}

function stem(word: string): string {
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ied', 'ies', 'ed', 'es', 's', 'ly']) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix))
      return word.slice(0, -suffix.length);
  }
  return word;
}

/** Whether an item's wording overlaps an expectation's enough to hint that it addresses it. */
export function overlaps(item: ReadonlySet<string>, expectation: ReadonlySet<string>): boolean {
  // One distinctive word is too few to tell a match from a coincidence; short expectations need all.
  if (expectation.size < 2) return false;
  let common = 0;
  for (const word of expectation) if (item.has(word)) common += 1;
  const needed = Math.min(expectation.size, 6, Math.max(3, Math.ceil(expectation.size * 0.3)));
  return common >= needed;
}

/** Whether an item restates an expectation instead of giving evidence (a hint left in place). */
export function restates(item: PacketItem, statements: readonly string[]): boolean {
  const text = normaliseText(item.text).replace(/^\d{1,2} /, '');
  if (text.length < 12) return false;
  return statements.some((s) => {
    const statement = normaliseText(s);
    return statement === text || (text.length >= 30 && statement.includes(text));
  });
}

/** The checklist of a dimension's expectations against its (non-placeholder) evidence items. */
export function coverage(
  statements: readonly string[],
  items: readonly PacketItem[],
): ExpectationCheck[] {
  const itemWords = items.map((item) => keywords(item.text));
  const quotes = items.map((item) => item.quotes.map(normaliseText));
  return statements.map((text, i) => {
    const number = i + 1;
    const normalised = normaliseText(text);
    const explicit = items
      .filter(
        (item, k) =>
          item.addresses.includes(number) ||
          (quotes[k] ?? []).some((q) => q.length > 0 && normalised.includes(q)),
      )
      .map((item) => item.line);
    if (explicit.length > 0) return { number, text, coverage: 'explicit', lines: explicit };
    const words = keywords(text);
    const wording = items
      .filter((_, k) => overlaps(itemWords[k] ?? new Set(), words))
      .map((item) => item.line);
    const result: Coverage = wording.length > 0 ? 'wording' : 'none';
    return { number, text, coverage: result, lines: wording };
  });
}
