import { abilitiesById, type Rule } from '../rule';

/** A required milestone must exist on its ability. */
export const unknownMilestone: Rule = {
  code: 'unknown-milestone',
  severity: 'error',
  description: 'A role or level requires a milestone number higher than the ability has.',
  check({ sources, report }) {
    const abilities = abilitiesById(sources);
    for (const source of sources) {
      const check = (
        requirements: Readonly<Record<string, number>> | undefined,
        path: readonly (string | number)[],
        owner: string,
      ) => {
        for (const [id, milestone] of Object.entries(requirements ?? {})) {
          const ability = abilities.get(id);
          if (ability && milestone > ability.milestones.length) {
            report(
              source,
              [...path, id],
              `${owner} requires milestone ${milestone} of \`${id}\`, which has only ${ability.milestones.length}; use a number from 1 to ${ability.milestones.length}.`,
            );
          }
        }
      };
      source.ladder.roles?.forEach((role, i) =>
        check(role.requires, ['roles', i, 'requires'], `Role \`${role.id}\``),
      );
      source.ladder.levels.forEach((level, i) =>
        check(level.abilities, ['levels', i, 'abilities'], `Level ${level.id}`),
      );
    }
  },
};
