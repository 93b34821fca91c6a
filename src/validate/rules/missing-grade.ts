import { capitalised, levelName } from '../place';
import type { FileRule } from '../rule';
import { isWhole } from '../schema-prune';

/**
 * Grades rank the levels: a level without one cannot be compared with those that have one, so
 * a ladder gives every level a grade or none (and the order of `levels` ranks them).
 */
export const missingGrade: FileRule = {
  code: 'missing-grade',
  severity: 'error',
  description:
    'Some levels of the ladder have a `grade` and this one has none; give every level a grade, or none.',
  checkFile(source, report) {
    const { levels } = source.ladder;
    const at = levels.findIndex((l) => l?.grade !== undefined);
    const graded = levels[at];
    if (graded === undefined) return;
    levels.forEach((level, i) => {
      // A level that lost a key to the schema may have lost its grade: nothing to say about it.
      if (level.grade !== undefined || !isWhole(level)) return;
      report(
        ['levels', i, 'id'],
        `${capitalised(levelName(level, i))} has no \`grade\`, but ${levelName(graded, at)} has one; give every level a grade (levels of one grade on different tracks are peers), or none.`,
      );
    });
  },
};
