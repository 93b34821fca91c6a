import type { Check } from '../check';

/** The points each valid claim is worth, for the reviewers. */
export const milestonePoints: Check = {
  code: 'milestone-points',
  severity: 'info',
  description: 'The points a milestone claim is worth: the sum of the milestone points up to it.',
  run(context, report) {
    for (const claim of context.milestones) {
      if (claim.claimed === undefined || claim.points === undefined) continue;
      const ability = context.model.abilities.find((a) => a.id === claim.ability);
      const parts = (ability?.milestones ?? [])
        .filter((m) => m.number <= (claim.claimed ?? 0))
        .map((m) => String(m.points));
      report(
        context.frontMatter?.locate(['milestones', claim.ability]) ?? { line: 1, column: 1 },
        `${claim.title} milestone ${claim.claimed} is worth ${claim.points} points${parts.length > 1 ? ` (${parts.join(' + ')})` : ''}${claim.required !== undefined ? `; required: milestone ${claim.required}+ (${claim.requiredBy.join(', ')})` : ''}.`,
      );
    }
  },
};
