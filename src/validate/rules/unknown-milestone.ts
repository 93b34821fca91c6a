import { abilityIndex, milestoneRequirements, type SetRule } from '../rule';

/** A required milestone must exist on its ability. */
export const unknownMilestone: SetRule = {
  code: 'unknown-milestone',
  severity: 'error',
  description:
    'A role or level requires a milestone number that the ability does not have (higher than its last, or 0 on an ability that starts at 1).',
  checkSet(sources, report) {
    const abilities = abilityIndex(sources);
    for (const { source, path, owner, ability: ref, milestone } of milestoneRequirements(sources)) {
      const found = abilities.resolve(source.ladder.id, ref);
      if (found.kind !== 'found') continue;
      const first = found.value.firstMilestone ?? 1;
      const last = first + found.value.milestones.length - 1;
      if (milestone >= first && milestone <= last) continue;
      report(
        source,
        path,
        `${owner} requires milestone ${milestone} of \`${ref}\`, whose milestones are ${first} to ${last}; use a number from ${first} to ${last}.`,
      );
    }
  },
};
