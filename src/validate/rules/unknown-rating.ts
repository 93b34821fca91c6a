import { didYouMeanOr } from '../../util/suggest';
import { ladderPlace } from '../place';
import { type FileRule, idsOf } from '../rule';

/** A statement's rating must be one of the ladder's rating scale. */
export const unknownRating: FileRule = {
  code: 'unknown-rating',
  severity: 'error',
  description: 'A statement names a `rating` that the ladder does not define under `ratings`.',
  checkFile(source, report) {
    const { ladder } = source;
    const ratings = idsOf(ladder, 'ratings');
    if (ratings === undefined) return;
    ladder.levels.forEach((level, i) => {
      for (const [dimension, statements] of Object.entries(level.expectations ?? {}))
        statements.forEach((statement, k) => {
          if (typeof statement === 'string' || statement.rating === undefined) return;
          if (ratings.includes(statement.rating)) return;
          const path = ['levels', i, 'expectations', dimension, k];
          report(
            [...path, 'rating'],
            `Unknown rating \`${statement.rating}\` for ${ladderPlace(ladder, path)}.${didYouMeanOr(statement.rating, ratings, 'Declare the rating scale under `ratings`.')}`,
          );
        });
    });
  },
};
