import { quote } from '../../util/text';
import { levelName } from '../place';
import type { FileRule } from '../rule';

// The end of a sentence, or of a clause that may stand before another item.
const ENDS_CLAUSE = /[.!?:;…)"'”’]$/u;
const ENDS_SENTENCE = /[.!?…]["'”’)]?$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * In YAML a comma inside `[ ]` ends an item: `coding: [Writes clear, tested code.]` is two
 * statements, `Writes clear` and `tested code.`, and every page and review shows two. Reported
 * where a flow list on one line reads as one sentence cut at a comma: an item in lower case after
 * one that ends no clause, in a list whose last item ends a sentence (so `[Go, Python, k8s]`
 * is left alone).
 */
export const splitStatement: FileRule = {
  code: 'split-statement',
  severity: 'warning',
  description: 'A comma inside `[ ]` cut one statement into two.',
  checkFile(source, report) {
    const { levels } = source.ladder;
    for (let i = 0; i < levels.length; i += 1) {
      const level = levels[i];
      for (const [dimension, statements] of Object.entries(level?.expectations ?? {})) {
        const last = statements[statements.length - 1];
        if (level === undefined || typeof last !== 'string' || !ENDS_SENTENCE.test(last.trim()))
          continue;
        const k = statements.findIndex((s, n) => {
          const before = statements[n - 1];
          return (
            typeof s === 'string' &&
            typeof before === 'string' &&
            STARTS_LOWER.test(s.trim()) &&
            !ENDS_CLAUSE.test(before.trim())
          );
        });
        if (k < 1) continue;
        const path = ['levels', i, 'expectations', dimension];
        // Only a flow list holds two items on one line (found only now: `locate` may parse again).
        if (source.file.locate([...path, k - 1]).line !== source.file.locate([...path, k]).line)
          continue;
        const item = (n: number) => `\`${quote(String(statements[n]), 40)}\``;
        const parts = `${item(k - 1)} and ${item(k)}`;
        report(
          [...path, k],
          `${parts} are two statements of ${levelName(level, i)} under \`${dimension}\`: a comma inside \`[ ]\` ends an item. If they are one sentence, put it in quotes inside the brackets, or write the list one item per line.`,
        );
      }
    }
  },
};
