/**
 * Statement ids. A statement may carry its own `id`; one without gets an id derived from its
 * first five words: lower-cased, accents dropped (`ø`, `ß` … written out), every run of other
 * characters a `-` (`Competent in 1-2 areas (e.g. networking, …)` → `competent-in-1-2-areas`).
 * It depends on the words alone, so it survives reordering and edits after the fifth word. Within
 * a level, a derived id already taken gets `-2`, `-3` … in reading order. docs/ladder-format.md
 * documents it.
 */
import { asciiWords } from '../util/text';

/** How many words of the text a derived id is made of. */
const ID_WORDS = 5;

/** The id derived from a statement's text (before making it unique within its level). */
export function derivedStatementId(text: string): string {
  const words = asciiWords(text);
  return words.length > 0 ? words.slice(0, ID_WORDS).join('-').slice(0, 64) : 'statement';
}

/**
 * The ids of a level's statements, in reading order: the written id where there is one, else the
 * derived id, made unique against every id of the level seen so far and every written one.
 */
export function statementIds(
  statements: readonly { readonly id?: string; readonly text: string }[],
): string[] {
  const taken = new Set<string>();
  for (const s of statements) if (s.id !== undefined) taken.add(s.id);
  return statements.map((s) => {
    if (s.id !== undefined) return s.id;
    const base = derivedStatementId(s.text);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
