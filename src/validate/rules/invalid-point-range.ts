import type { FileRule } from '../rule';

/** A role's point range must not be empty. */
export const invalidPointRange: FileRule = {
  code: 'invalid-point-range',
  severity: 'error',
  description: "A role's `points.min` is above its `points.max`.",
  checkFile(source, report) {
    source.ladder.roles?.forEach((role, i) => {
      const { min, max } = role.points ?? {};
      if (min === undefined || max === undefined || min <= max) return;
      report(
        ['roles', i, 'points', 'max'],
        `Role \`${role.id}\` spans ${min} to ${max} points, an empty range; \`max\` must be at least \`min\`.`,
      );
    });
  },
};
