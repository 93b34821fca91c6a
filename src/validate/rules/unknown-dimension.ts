import { didYouMeanOr } from '../../util/suggest';
import type { FileRule } from '../rule';

/** Expectations and required dimensions must name dimensions the ladder defines. */
export const unknownDimension: FileRule = {
  code: 'unknown-dimension',
  severity: 'error',
  description:
    'A level gives expectations for, or requires, a dimension that the ladder does not define.',
  checkFile(source, report) {
    const known = (source.ladder.dimensions ?? []).map((d) => d.id);
    const message = (id: string, levelId: string) => {
      return `Unknown dimension \`${id}\` in level ${levelId}${didYouMeanOr(id, known, 'define it under `dimensions`')}`;
    };
    source.ladder.levels.forEach((level, i) => {
      for (const key of Object.keys(level.expectations ?? {})) {
        if (!known.includes(key))
          report(['levels', i, 'expectations', key], message(key, level.id), 'key');
      }
      level.requires?.forEach((id, k) => {
        if (!known.includes(id)) report(['levels', i, 'requires', k], message(id, level.id));
      });
    });
  },
};
