import { didYouMeanOr } from '../../util/suggest';
import type { Rule } from '../rule';

/** Expectations and required dimensions must name dimensions the ladder defines. */
export const unknownDimension: Rule = {
  code: 'unknown-dimension',
  severity: 'error',
  description:
    'A level gives expectations for, or requires, a dimension that the ladder does not define.',
  check({ sources, report }) {
    for (const source of sources) {
      const known = (source.ladder.dimensions ?? []).map((d) => d.id);
      const message = (id: string, levelId: string) => {
        return `Unknown dimension \`${id}\` in level ${levelId}${didYouMeanOr(id, known, 'define it under `dimensions`')}`;
      };
      source.ladder.levels.forEach((level, i) => {
        for (const key of Object.keys(level.expectations ?? {})) {
          if (!known.includes(key))
            report(source, ['levels', i, 'expectations', key], message(key, level.id), 'key');
        }
        level.requires?.forEach((id, k) => {
          if (!known.includes(id))
            report(source, ['levels', i, 'requires', k], message(id, level.id));
        });
      });
    }
  },
};
