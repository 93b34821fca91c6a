import { didYouMeanLevel, knownList } from '../../util/suggest';
import { type FileRule, idsOf } from '../rule';

/** A thread's steps are keyed by the ladder's level ids. */
export const unknownLevel: FileRule = {
  code: 'unknown-level',
  severity: 'error',
  description: 'A thread gives a step for a level that the ladder does not define.',
  checkFile(source, report) {
    const levels = idsOf(source.ladder, 'levels');
    if (levels === undefined) return;
    source.ladder.threads?.forEach((thread, i) => {
      for (const key of Object.keys(thread.steps)) {
        if (!levels.includes(key)) {
          report(
            ['threads', i, 'steps', key],
            `Unknown level \`${key}\` in thread \`${thread.id}\`.${didYouMeanLevel(key, levels) || knownList('levels', levels, 'The ladder has no levels.')}`,
            'key',
          );
        }
      }
    });
  },
};
