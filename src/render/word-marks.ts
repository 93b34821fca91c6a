/**
 * A word diff as inline Markdown: kept words plain, new words bold, dropped words struck
 * through. The new text keeps its own spaces; a dropped word gets a space on either side where
 * it would otherwise run into a neighbouring word (`problems.~~Shows~~` reads as one word).
 * The text outside the struck runs is always the new text.
 */

import type { Inline } from '../markdown/builders';
import { strike, strong } from '../markdown/page';
import type { WordChange } from '../model/statement-diff';

const WORD_END = /[\p{L}\p{N}.,;:!?)]$/u;
const WORD_START = /^[\p{L}\p{N}(]/u;
const LEADING_PUNCTUATION = /^([\p{P}\s]*)([\s\S]*)$/u;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;
const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;
const NO_WORD = /^[^\p{L}\p{N}]+$/u;

/** The word diff as inline content: `**new**` and `~~dropped~~` words among the kept ones. */
export function wordMarks(words: readonly WordChange[]): Inline[] {
  const out: Inline[] = [];
  words.forEach((w, i) => {
    // Punctuation changed inside a word (`on call` → `on-call`) cannot be marked without
    // splitting the word: the new text stays as it is, the dropped punctuation is left out.
    const inside =
      w.kind !== 'same' &&
      NO_WORD.test(w.text) &&
      ENDS_IN_WORD.test(words[i - 1]?.text ?? '') &&
      STARTS_WITH_WORD.test(words[i + 1]?.text ?? '');
    if (inside) {
      if (w.kind === 'added') out.push(w.text);
    } else if (w.kind === 'same') out.push(w.text);
    else if (w.kind === 'added') {
      // `experience**, technical**` cannot open bold after a letter; keep `, ` outside it.
      const [, lead = '', rest = ''] = LEADING_PUNCTUATION.exec(w.text) ?? [];
      if (lead !== '' && rest !== '' && ENDS_IN_WORD.test(words[i - 1]?.text ?? ''))
        out.push(lead, strong(rest));
      else out.push(strong(w.text));
    } else {
      const before = words[i - 1]?.text ?? '';
      const after = words[i + 1]?.text ?? '';
      if (WORD_END.test(before) && WORD_START.test(w.text)) out.push(' ');
      out.push(strike(w.text));
      if (WORD_END.test(w.text) && WORD_START.test(after)) out.push(' ');
    }
  });
  return out;
}
