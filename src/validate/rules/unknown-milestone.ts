import { abilitiesById, milestoneRequirements, type Rule } from '../rule';

/** A required milestone must exist on its ability. */
export const unknownMilestone: Rule = {
  code: 'unknown-milestone',
  severity: 'error',
  description: 'A role or level requires a milestone number higher than the ability has.',
  check({ sources, report }) {
    const abilities = abilitiesById(sources);
    for (const { source, path, owner, ability: id, milestone } of milestoneRequirements(sources)) {
      const count = abilities.get(id)?.milestones.length;
      if (count !== undefined && milestone > count) {
        report(
          source,
          path,
          `${owner} requires milestone ${milestone} of \`${id}\`, which has only ${count}; use a number from 1 to ${count}.`,
        );
      }
    }
  },
};
