import { capitalised, levelName } from '../place';
import { type FileRule, idsOf } from '../rule';
import { isWhole } from '../schema-prune';

/** A packet cannot be checked against a dimension the level says nothing about. */
export const requiredWithoutExpectations: FileRule = {
  code: 'required-without-expectations',
  severity: 'warning',
  description: 'A level requires evidence for a dimension but states no expectations for it.',
  checkFile(source, report) {
    const known = new Set(idsOf(source.ladder, 'dimensions') ?? []);
    source.ladder.levels.forEach((level, i) => {
      // Expectations the schema left out are not missing ones.
      if (!isWhole(level) || !isWhole(level.expectations)) return;
      level.requires?.forEach((id, k) => {
        if (known.has(id) && (level.expectations?.[id]?.length ?? 0) === 0) {
          report(
            ['levels', i, 'requires', k],
            `${capitalised(levelName(level, i))} requires \`${id}\` but states no expectations for it; add some under \`expectations.${id}\` or drop it from \`requires\`.`,
          );
        }
      });
    });
  },
};
