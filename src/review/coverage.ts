/**
 * Which evidence items address which expectations. An explicit reference (`(addresses: 2)`,
 * `(addresses: some-id)`, or a
 * quote of three or more of the expectation's words) addresses it; otherwise a strong overlap of
 * distinctive words marks it as addressed `by wording`, a hint for the reader that never
 * changes a status.
 */
import type { Statement } from '../model/types';
import { normaliseText } from '../packet/evidence';
import type { PacketItem } from '../packet/types';
import { Recent } from '../util/recent';
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
  return keywordsOfNormalised(normaliseText(text));
}

/** `keywords` of text that is already normalised. */
function keywordsOfNormalised(normalised: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalised.split(' ')) {
    if (word.length < 4 || STOPWORDS.has(word) || DIGITS.test(word)) continue;
    out.add(stem(word));
  }
  return out;
}

const DIGITS = /^\d+$/;

/** The suffixes `stem` removes, in the order tried, by their last letter. */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  s: ['ations', 'ings', 'ies', 'es', 's'],
  n: ['ation'],
  g: ['ing'],
  d: ['ied', 'ed'],
  y: ['ly'],
};

function stem(word: string): string {
  // The first of 'ations', 'ation', 'ings', 'ing', 'ied', 'ies', 'ed', 'es', 's', 'ly' that ends
  // the word and leaves four letters; only those ending in the word's last letter can.
  const suffixes = SUFFIXES[word[word.length - 1] ?? ''];
  if (suffixes === undefined) return word;
  for (const suffix of suffixes) {
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

/** An expectation's text in the forms the comparisons use; keywords only once asked for. */
interface StatementForm {
  readonly normalised: string;
  keywords?: ReadonlySet<string>;
}

/**
 * Forms of the most recently compared lists of statements, and of their statements. Every item
 * of a section is compared with the same statements, and packets for one level with the same
 * lists, so they are normalised once rather than per item; a level's list of every expectation
 * (for `restates`) and its lists per dimension (for `coverage`) share the forms of their
 * statements. Both caches are bounded, because in an organisation of 1,000 ladders most levels
 * have a packet or two and keeping every form would grow the heap by hundreds of megabytes (and
 * make every full garbage collection slower).
 */
const statementLists = new Recent<readonly Statement[], readonly StatementForm[]>(256);
const statementForms = new Recent<Statement, StatementForm>(8192);

function formsOf(statements: readonly Statement[]): readonly StatementForm[] {
  return statementLists.get(statements, () =>
    statements.map((s) => statementForms.get(s, () => ({ normalised: normaliseText(s.text) }))),
  );
}

function keywordsOf(form: StatementForm): ReadonlySet<string> {
  form.keywords ??= keywordsOfNormalised(form.normalised);
  return form.keywords;
}

/**
 * Whether an item only restates expectations instead of giving evidence (a hint left in place,
 * or a copy with a link or `(addresses: N)` appended): its own words (`claim`, with or without
 * its links' labels; links' addresses, references and `(addresses: …)` left out) are part of an
 * expectation, or one or more whole expectations or sentences of one with at most three words
 * added, or an expectation or a sentence of one with a word or two changed. An expectation is
 * also read without its brackets (`(e.g. networking, …)`), which a copy often leaves out.
 */
export function restates(item: PacketItem, statements: readonly Statement[]): boolean {
  return restaterFor(statements)(item);
}

/** `restates` against one list of expectations, made once for the items compared with it. */
export function restaterFor(statements: readonly Statement[]): (item: PacketItem) => boolean {
  const forms = restateFormsOf(statements);
  return (item) =>
    restatesIn(item.claim, forms) ||
    (item.bareClaim !== item.claim && restatesIn(item.bareClaim, forms));
}

/** A non-empty expectation as `restates` compares it: its text, its words, how many. */
interface RestateForm {
  readonly text: string;
  /** ` text `, as it is looked for among a claim's words. */
  readonly padded: string;
  readonly words: ReadonlySet<string>;
  readonly count: number;
}

/** A list's restate forms, and their texts each between line breaks, to search all at once. */
interface RestateForms {
  readonly forms: readonly RestateForm[];
  /** `\ntext\ntext\n`: normalised texts hold no line break, so a match stays within one. */
  readonly joined: string;
}

/** The restate forms of each list of forms, made once per list (every item is compared with it). */
const restateForms = new WeakMap<readonly StatementForm[], RestateForms>();

function restateFormsOf(statements: readonly Statement[]): RestateForms {
  const forms = formsOf(statements);
  let out = restateForms.get(forms);
  if (!out) {
    const whole: string[] = [];
    const sentences: string[] = [];
    statements.forEach((statement, i) => {
      const normalised = forms[i]?.normalised ?? '';
      if (normalised === '') return;
      whole.push(normalised);
      const { unbracketed, parts } = piecesOf(statement.text, normalised);
      if (unbracketed !== '' && unbracketed !== normalised) whole.push(unbracketed);
      if (parts.length > 1) sentences.push(...parts);
    });
    const kept = [...new Set([...whole, ...sentences])].map((text) => {
      const parts = text.split(' ');
      return { text, padded: ` ${text} `, words: new Set(parts), count: parts.length };
    });
    out = { forms: kept, joined: `\n${whole.join('\n')}\n` };
    restateForms.set(forms, out);
  }
  return out;
}

/** Brackets in an expectation: `(e.g. networking, configuration management)`. */
const BRACKETS = /\s*\([^()]*\)/g;
/** Where a sentence ends: `.`, `!` or `?` before a capital (not the `e.g.` of `e.g. network`). */
const SENTENCE_END = /(?<=[.!?])\s+(?=\p{Lu})/u;

/**
 * An expectation without its brackets, and its sentences, normalised (`normalised`: the whole
 * text's, reused when it has no brackets or only one sentence, as most have).
 */
function piecesOf(text: string, normalised: string): { unbracketed: string; parts: string[] } {
  const unbracketed = text.includes('(') ? text.replace(BRACKETS, '') : text;
  const whole = unbracketed === text ? normalised : normaliseText(unbracketed);
  if (!SENTENCE_END.test(unbracketed)) return { unbracketed: whole, parts: [whole] };
  const parts = unbracketed
    .split(SENTENCE_END)
    .map(normaliseText)
    .filter((p) => p !== '');
  return { unbracketed: whole, parts };
}

function restatesIn(claim: string, { forms, joined }: RestateForms): boolean {
  // A hint left in place: `1. The expectation (id: its-id)`, number and id dropped.
  const text = claim.replace(/^\d{1,2} /, '').replace(/ id [a-z0-9 ]{1,80}$/, '');
  if (text.length < 12) return false;
  // The claim is an expectation, or (30 characters or more) part of one.
  if (text.length >= 30 ? joined.includes(text) : joined.includes(`\n${text}\n`)) return true;
  // Whole expectations, each taken out once: what is left is what the author added.
  let rest = ` ${text} `;
  let removed = false;
  for (const n of forms) {
    if (n.count < 4 || n.padded.length > rest.length || !rest.includes(n.padded)) continue;
    rest = rest.replace(n.padded, ' ');
    removed = true;
  }
  // Not final when more is left: the claim may still be another expectation with a word changed
  // (a copy of two sentences, one reworded, has the other removed here).
  if (removed && (rest.trim() === '' || rest.trim().split(' ').length <= 3)) return true;
  const parts = text.split(' ');
  // Made only for an expectation with about as many words: most are far longer than a claim.
  let words: ReadonlySet<string> | undefined;
  return forms.some(({ words: want }) => {
    // At most one word of the expectation missing and two added: sizes that far apart cannot
    // (the claim has at most as many distinct words as words).
    if (want.size < 4 || want.size - parts.length > 1) return false;
    words ??= new Set(parts);
    if (words.size - want.size > 2 || want.size - words.size > 1) return false;
    let missing = 0;
    for (const w of want) if (!words.has(w) && ++missing > 1) return false;
    let added = 0;
    for (const w of words) if (!want.has(w) && ++added > 2) return false;
    return true;
  });
}

/** The checklist of a dimension's expectations against its (non-placeholder) evidence items. */
export function coverage(
  statements: readonly Statement[],
  items: readonly PacketItem[],
): ExpectationCheck[] {
  const forms = formsOf(statements);
  let itemWords: ReadonlySet<string>[] | undefined;
  const quotes = items.map((item) => item.quotes.map(normaliseText));
  return statements.map((statement, i) => {
    const number = i + 1;
    const { id, text } = statement;
    const named = {
      number,
      id,
      text,
      ...(statement.rating !== undefined ? { rating: statement.rating } : {}),
    };
    const lowerId = id.toLowerCase();
    const form = forms[i] ?? { normalised: normaliseText(text) };
    const explicit = items
      .filter(
        (item, k) =>
          item.addresses.includes(number) ||
          item.addressedIds.includes(lowerId) ||
          (quotes[k] ?? []).some((q) => q.length > 0 && form.normalised.includes(q)),
      )
      .map((item) => item.line);
    if (explicit.length > 0) return { ...named, coverage: 'explicit', lines: explicit };
    const words = keywordsOf(form);
    itemWords ??= items.map((item) => keywordsOfNormalised(item.normalised));
    const wording = items
      .filter((_, k) => overlaps(itemWords?.[k] ?? new Set(), words))
      .map((item) => item.line);
    const result: Coverage = wording.length > 0 ? 'wording' : 'none';
    return { ...named, coverage: result, lines: wording };
  });
}
