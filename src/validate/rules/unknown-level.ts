import { didYouMeanOr } from '../../util/suggest';
import type { FileRule } from '../rule';

/** A thread's steps are keyed by the ladder's level ids. */
export const unknownLevel: FileRule = {
  code: 'unknown-level',
  severity: 'error',
  description: 'A thread gives a step for a level that the ladder does not define.',
  checkFile(source, report) {
    const levels = source.ladder.levels.map((l) => l.id);
    source.ladder.threads?.forEach((thread, i) => {
      for (const key of Object.keys(thread.steps)) {
        if (!levels.includes(key)) {
          report(
            ['threads', i, 'steps', key],
            `Unknown level \`${key}\` in thread \`${thread.id}\`${didYouMeanOr(key, levels, `levels are ${levels.join(', ')}`)}`,
            'key',
          );
        }
      }
    });
  },
};
