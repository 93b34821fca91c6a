import { didYouMeanOr } from '../../util/suggest';
import { levelName } from '../place';
import { type FileRule, idsOf } from '../rule';

/** Expectations and required dimensions must name dimensions the ladder defines. */
export const unknownDimension: FileRule = {
  code: 'unknown-dimension',
  severity: 'error',
  description:
    'A level gives expectations for, or requires, a dimension that the ladder does not define.',
  checkFile(source, report) {
    const known = idsOf(source.ladder, 'dimensions');
    if (known === undefined) return;
    const message = (id: string, where: string) =>
      `Unknown dimension \`${id}\` in ${where}.${didYouMeanOr(id, known, 'Define it under `dimensions`.')}`;
    source.ladder.levels.forEach((level, i) => {
      const name = levelName(level, i);
      for (const key of Object.keys(level.expectations ?? {})) {
        if (!known.includes(key))
          report(
            ['levels', i, 'expectations', key],
            message(key, `the expectations of ${name}`),
            'key',
          );
      }
      level.requires?.forEach((id, k) => {
        if (!known.includes(id))
          report(['levels', i, 'requires', k], message(id, `\`requires\` of ${name}`));
      });
    });
  },
};
