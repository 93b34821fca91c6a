import { didYouMeanOr } from '../../util/suggest';
import { type FileRule, idsOf } from '../rule';

/** A dimension's or ability's group must be one of the ladder's groups. */
export const unknownGroup: FileRule = {
  code: 'unknown-group',
  severity: 'error',
  description: 'A dimension or an ability names a `group` that the ladder does not define.',
  checkFile(source, report) {
    const groups = idsOf(source.ladder, 'groups');
    if (groups === undefined) return;
    source.ladder.dimensions?.forEach((dimension, i) => {
      if (dimension.group !== undefined && !groups.includes(dimension.group)) {
        report(
          ['dimensions', i, 'group'],
          `Unknown group \`${dimension.group}\` for dimension \`${dimension.id}\`.${didYouMeanOr(dimension.group, groups, 'Define it under `groups`.')}`,
        );
      }
    });
    source.ladder.abilities?.forEach((ability, i) => {
      if (ability.group !== undefined && !groups.includes(ability.group)) {
        report(
          ['abilities', i, 'group'],
          `Unknown group \`${ability.group}\` for ability \`${ability.id}\`.${didYouMeanOr(ability.group, groups, 'Define it under `groups`.')}`,
        );
      }
    });
  },
};
