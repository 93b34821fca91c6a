import { didYouMeanLevel, knownList } from '../../util/suggest';
import { type FileRule, idsOf } from '../rule';

/** A thread's steps are keyed by the ladder's level ids, and a dimension starts at one. */
export const unknownLevel: FileRule = {
  code: 'unknown-level',
  severity: 'error',
  description:
    'A thread gives a step for a level that the ladder does not define, or a dimension starts `from` one.',
  checkFile(source, report) {
    const levels = idsOf(source.ladder, 'levels');
    if (levels === undefined) return;
    source.ladder.dimensions?.forEach((dimension, i) => {
      if (dimension.from === undefined || levels.includes(dimension.from)) return;
      report(
        ['dimensions', i, 'from'],
        `Unknown level \`${dimension.from}\` in \`from\` of dimension \`${dimension.id}\`.${didYouMeanLevel(dimension.from, levels) || knownList('levels', levels, 'The ladder has no levels.')}`,
      );
    });
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
