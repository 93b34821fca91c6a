import { plural } from '../../markdown/plural';
import type { FileRule } from '../rule';

/** Each milestone is worth more than the one before it. */
export const milestonePointsOrder: FileRule = {
  code: 'milestone-points-order',
  severity: 'error',
  description: "An ability's milestone points must strictly increase.",
  checkFile(source, report) {
    source.ladder.abilities?.forEach((ability, i) => {
      const first = ability.firstMilestone ?? 1;
      ability.milestones.forEach((milestone, k) => {
        const previous = ability.milestones[k - 1];
        if (previous && milestone.points <= previous.points) {
          report(
            ['abilities', i, 'milestones', k, 'points'],
            `Milestone ${k + first} of ability \`${ability.id}\` is worth ${plural(milestone.points, 'point')}, not more than milestone ${k + first - 1} (${previous.points}); points must strictly increase.`,
          );
        }
      });
    });
  },
};
