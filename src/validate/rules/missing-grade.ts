import type { FileRule } from '../rule';

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
    const graded = levels.find((l) => l.grade !== undefined);
    if (graded === undefined) return;
    levels.forEach((level, i) => {
      if (level.grade !== undefined) return;
      report(
        ['levels', i, 'id'],
        `Level ${level.id} has no \`grade\`, but level ${graded.id} has one; give every level a grade (levels of one grade on different tracks are peers), or none.`,
      );
    });
  },
};
