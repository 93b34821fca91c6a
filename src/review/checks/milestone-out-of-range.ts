import type { Check } from '../check';

/** A claimed milestone beyond the ability's last one. */
export const milestoneOutOfRange: Check = {
  code: 'milestone-out-of-range',
  severity: 'error',
  description: 'A milestone claim is higher than the number of milestones the ability has.',
  run(context, report) {
    for (const [key, claimed] of Object.entries(context.claims?.milestones ?? {})) {
      const ability = context.model.abilities.find((a) => a.id === key);
      if (!ability || claimed <= ability.milestones.length) continue;
      report(
        context.frontMatter?.locate(['milestones', key]) ?? { line: 1, column: 1 },
        `${ability.title} has ${ability.milestones.length} milestones; milestone ${claimed} does not exist.`,
      );
    }
  },
};
