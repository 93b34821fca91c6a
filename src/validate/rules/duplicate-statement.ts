import type { Rule } from '../rule';

// White space other than single spaces: only then is a statement's spacing rewritten.
const IRREGULAR_SPACE = /\s{2,}|[^\S ]/;

/** The statement as compared: trimmed, runs of white space as one space, lower case. */
function normalise(statement: string): string {
  const trimmed = statement.trim();
  return (IRREGULAR_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
}

/** The same statement twice in one level is almost always a copy-and-paste slip. */
export const duplicateStatement: Rule = {
  code: 'duplicate-statement',
  severity: 'warning',
  description: 'The same statement appears twice within one level.',
  check({ sources, report }) {
    for (const source of sources) {
      source.ladder.levels.forEach((level, i) => {
        const seen = new Map<string, string>();
        for (const [dimension, statements] of Object.entries(level.expectations ?? {})) {
          statements.forEach((statement, k) => {
            const key = normalise(statement);
            const first = seen.get(key);
            if (first !== undefined) {
              report(
                source,
                ['levels', i, 'expectations', dimension, k],
                `This statement already appears in level ${level.id} under \`${first}\`; remove one copy.`,
              );
            } else {
              seen.set(key, dimension);
            }
          });
        }
      });
    }
  },
};
