import type { Check } from '../check';
import { resolveAbility } from '../milestones';

/** The points each valid claim is worth, for the reviewers. */
export const milestonePoints: Check = {
  code: 'milestone-points',
  severity: 'info',
  description:
    'The points a milestone claim is worth: the points held at it, or the sum of the milestone points up to it (as the ability scores them).',
  run(context, report) {
    for (const claim of context.milestones) {
      if (claim.claimed === undefined || claim.points === undefined) continue;
      const found = resolveAbility(
        context.model,
        claim.ladder,
        claim.ability.split('/').pop() ?? '',
      );
      const ability = found.kind === 'found' ? found.value : undefined;
      const parts =
        ability?.scoring === 'held'
          ? []
          : (ability?.milestones ?? [])
              .filter((m) => m.number <= (claim.claimed ?? 0))
              .map((m) => String(m.points));
      report(
        context.frontMatter?.locate(['milestones', claim.ability]) ?? { line: 1, column: 1 },
        `${claim.title} milestone ${claim.claimed} is worth ${claim.points} point${claim.points === 1 ? '' : 's'}${parts.length > 1 ? ` (${parts.join(' + ')})` : ''}${claim.required !== undefined ? `; required: milestone ${claim.required}+ (${claim.requiredBy.join(', ')})` : ''}.`,
      );
    }
  },
};
