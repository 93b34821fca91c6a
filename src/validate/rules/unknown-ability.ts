import { didYouMean } from '../../util/suggest';
import { abilitiesById, type Rule } from '../rule';

/** Roles and levels may only require abilities that some ladder file defines. */
export const unknownAbility: Rule = {
  code: 'unknown-ability',
  severity: 'error',
  description: 'A role or level requires a milestone of an ability that no ladder file defines.',
  check({ sources, report }) {
    const abilities = abilitiesById(sources);
    for (const source of sources) {
      const check = (
        requirements: Readonly<Record<string, number>> | undefined,
        path: readonly (string | number)[],
        owner: string,
      ) => {
        for (const id of Object.keys(requirements ?? {})) {
          if (!abilities.has(id)) {
            report(
              source,
              [...path, id],
              `${owner} requires unknown ability \`${id}\`${didYouMean(id, abilities.keys()) || '; define it under `abilities`'}${didYouMean(id, abilities.keys()) ? '' : '.'}`,
              'key',
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
