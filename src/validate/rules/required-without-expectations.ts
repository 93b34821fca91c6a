import type { FileRule } from '../rule';

/** A packet cannot be checked against a dimension the level says nothing about. */
export const requiredWithoutExpectations: FileRule = {
  code: 'required-without-expectations',
  severity: 'warning',
  description: 'A level requires evidence for a dimension but states no expectations for it.',
  checkFile(source, report) {
    const known = new Set((source.ladder.dimensions ?? []).map((d) => d.id));
    source.ladder.levels.forEach((level, i) => {
      level.requires?.forEach((id, k) => {
        if (known.has(id) && (level.expectations?.[id]?.length ?? 0) === 0) {
          report(
            ['levels', i, 'requires', k],
            `Level ${level.id} requires \`${id}\` but states no expectations for it; add some under \`expectations.${id}\` or drop it from \`requires\`.`,
          );
        }
      });
    });
  },
};
