import type { Check } from '../check';
import { milestoneRange, resolveAbility } from '../milestones';

/** A claimed milestone the ability does not have. */
export const milestoneOutOfRange: Check = {
  code: 'milestone-out-of-range',
  severity: 'error',
  description:
    'A milestone claim is a number the ability does not have (above its last milestone, or 0 on an ability that starts at 1).',
  run(context, report) {
    for (const [key, claimed] of Object.entries(context.claims?.milestones ?? {})) {
      const found = resolveAbility(context.model, context.fields.ladder ?? '', key);
      if (found.kind !== 'found') continue;
      const ability = found.value;
      const { first, last } = milestoneRange(ability);
      if (claimed >= first && claimed <= last) continue;
      report(
        context.frontMatter?.locate(['milestones', key]) ?? { line: 1, column: 1 },
        `${ability.title} has milestones ${first} to ${last}; milestone ${claimed} does not exist.`,
      );
    }
  },
};
