import { levelName } from '../place';
import type { DataPath, FileRule } from '../rule';

// White space other than single spaces: only then is a statement's spacing rewritten.
const IRREGULAR_SPACE = /\s{2,}|[^\S ]/;

/** The statement as compared: trimmed, runs of white space as one space, lower case. */
function normalise(statement: string): string {
  const trimmed = statement.trim();
  return (IRREGULAR_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
}

/** The same statement twice in one level is almost always a copy-and-paste slip. */
export const duplicateStatement: FileRule = {
  code: 'duplicate-statement',
  severity: 'warning',
  description: 'The same statement appears twice within one level.',
  checkFile(source, report) {
    const { levels } = source.ladder;
    for (let i = 0; i < levels.length; i += 1) {
      const level = levels[i];
      if (level?.expectations === undefined) continue;
      // The first copy's dimension and where it is, for the message.
      const seen = new Map<string, { dimension: string; path: DataPath }>();
      for (const [dimension, statements] of Object.entries(level.expectations)) {
        for (let k = 0; k < statements.length; k += 1) {
          const statement = statements[k];
          // A hole: the schema rejected the value (schema-prune.ts), and said so.
          if (statement === undefined) continue;
          const key = normalise(typeof statement === 'string' ? statement : statement.text);
          const path: DataPath =
            typeof statement === 'string'
              ? ['levels', i, 'expectations', dimension, k]
              : ['levels', i, 'expectations', dimension, k, 'text'];
          const first = seen.get(key);
          if (first === undefined) seen.set(key, { dimension, path });
          else
            report(
              path,
              `This statement already appears in ${levelName(level, i)} under \`${first.dimension}\` (line ${source.file.locate(first.path).line}); remove one copy.`,
            );
        }
      }
    }
  },
};
