import { type Check, fieldAt } from '../check';

/** The claims' points are above the range of the role the packet names. */
export const pointsAboveRole: Check = {
  code: 'points-above-role',
  severity: 'warning',
  description:
    "The packet's milestone claims add up to more points than the range of its role (`points.max`); another role may fit.",
  run(context, report) {
    const { points, role } = context;
    const max = points?.role?.max;
    if (!points || !role || max === undefined || points.total <= max) return;
    report(
      fieldAt(context, 'role'),
      `The milestone claims add up to ${points.total} points, above the ${points.role?.min ?? 0}–${max} range of ${role.title}; check \`role\`, or the claims.`,
    );
  },
};
