import { didYouMeanOr } from '../../util/suggest';
import { abilitiesComplete, abilityIndex, milestoneRequirements, type SetRule } from '../rule';

/** Roles and levels may only require abilities that some ladder file defines, unambiguously. */
export const unknownAbility: SetRule = {
  code: 'unknown-ability',
  severity: 'error',
  description:
    'A role or level requires a milestone of an ability that no ladder file defines, or that several other ladders define (name one: `ladder/ability`).',
  checkSet(sources, report, { unread }) {
    // A ladder file that could not be read may define the ability.
    if (!abilitiesComplete(sources) || unread.size > 0) return;
    const abilities = abilityIndex(sources);
    for (const { source, path, owner, ability: ref } of milestoneRequirements(sources)) {
      const found = abilities.resolve(source.ladder.id, ref);
      if (found.kind === 'found') continue;
      report(
        source,
        path,
        found.kind === 'ambiguous'
          ? `${owner} requires ability \`${ref}\`, which ladders ${found.ladders.map((l) => `\`${l}\``).join(' and ')} each define; name one, e.g. \`${found.ladders[0]}/${ref}\`.`
          : `${owner} requires unknown ability \`${ref}\`.${didYouMeanOr(ref, abilities.names(source.ladder.id), found.ladder === undefined ? 'Define it under `abilities` in one of the ladder files.' : `Ladder \`${found.ladder}\` has no such ability.`)}`,
        'key',
      );
    }
  },
};
