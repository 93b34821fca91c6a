import { didYouMeanOr } from '../../util/suggest';
import type { FileRule } from '../rule';

/** A statement's rating must be one of the ladder's rating scale. */
export const unknownRating: FileRule = {
  code: 'unknown-rating',
  severity: 'error',
  description: 'A statement names a `rating` that the ladder does not define under `ratings`.',
  checkFile(source, report) {
    const ratings = (source.ladder.ratings ?? []).map((r) => r.id);
    source.ladder.levels.forEach((level, i) => {
      for (const [dimension, statements] of Object.entries(level.expectations ?? {}))
        statements.forEach((statement, k) => {
          if (typeof statement === 'string' || statement.rating === undefined) return;
          if (ratings.includes(statement.rating)) return;
          report(
            ['levels', i, 'expectations', dimension, k, 'rating'],
            `Unknown rating \`${statement.rating}\` in level ${level.id}${didYouMeanOr(statement.rating, ratings, 'declare the rating scale under `ratings`')}`,
          );
        });
    });
  },
};
