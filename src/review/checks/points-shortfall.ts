import { type Check, fieldAt } from '../check';

/** The claims' points add up to less than the target level or the role asks. */
export const pointsShortfall: Check = {
  code: 'points-shortfall',
  severity: 'warning',
  description:
    "The packet's milestone claims add up to fewer points than the target level (`points.min`) or the role asks.",
  run(context, report) {
    const { points, to, role } = context;
    if (!points) return;
    const needs: string[] = [];
    if (points.level !== undefined && points.total < points.level && to)
      needs.push(`${to.level.id} ${to.level.title} needs ${points.level}`);
    const roleMin = points.role?.min;
    if (roleMin !== undefined && points.total < roleMin && role)
      needs.push(`${role.title} needs ${roleMin}`);
    if (needs.length === 0) return;
    const at = context.claims?.milestones
      ? (context.frontMatter?.locate(['milestones'], 'key') ?? { line: 1, column: 1 })
      : fieldAt(context, 'to');
    report(
      at,
      `The milestone claims add up to ${points.total} point${points.total === 1 ? '' : 's'}, but ${needs.join(' and ')}; claim the milestones the evidence shows under \`milestones:\`.`,
    );
  },
};
