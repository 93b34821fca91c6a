import { abilitiesById, milestoneRequirements, type SetRule } from '../rule';

/** A required milestone must exist on its ability. */
export const unknownMilestone: SetRule = {
  code: 'unknown-milestone',
  severity: 'error',
  description: 'A role or level requires a milestone number higher than the ability has.',
  checkSet(sources, report) {
    const abilities = abilitiesById(sources);
    for (const { source, path, owner, ability: id, milestone } of milestoneRequirements(sources)) {
      const count = abilities?.get(id)?.milestones.length;
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
