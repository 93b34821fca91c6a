import { didYouMeanOr } from '../../util/suggest';
import { abilitiesById, milestoneRequirements, type SetRule } from '../rule';

/** Roles and levels may only require abilities that some ladder file defines. */
export const unknownAbility: SetRule = {
  code: 'unknown-ability',
  severity: 'error',
  description: 'A role or level requires a milestone of an ability that no ladder file defines.',
  checkSet(sources, report) {
    const abilities = abilitiesById(sources);
    if (abilities === undefined) return;
    for (const { source, path, owner, ability: id } of milestoneRequirements(sources)) {
      if (abilities.has(id)) continue;
      report(
        source,
        path,
        `${owner} requires unknown ability \`${id}\`.${didYouMeanOr(id, abilities.keys(), 'Define it under `abilities` in one of the ladder files.')}`,
        'key',
      );
    }
  },
};
