import { didYouMeanOr } from '../../util/suggest';
import type { Rule } from '../rule';

/** A dimension's group must be one of the ladder's groups. */
export const unknownGroup: Rule = {
  code: 'unknown-group',
  severity: 'error',
  description: 'A dimension names a `group` that the ladder does not define.',
  check({ sources, report }) {
    for (const source of sources) {
      const groups = (source.ladder.groups ?? []).map((g) => g.id);
      source.ladder.dimensions?.forEach((dimension, i) => {
        if (dimension.group !== undefined && !groups.includes(dimension.group)) {
          report(
            source,
            ['dimensions', i, 'group'],
            `Unknown group \`${dimension.group}\` for dimension \`${dimension.id}\`${didYouMeanOr(dimension.group, groups, 'define it under `groups`')}`,
          );
        }
      });
    }
  },
};
