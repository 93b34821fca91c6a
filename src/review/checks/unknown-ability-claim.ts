import { didYouMean, knownList } from '../../util/suggest';
import type { Check } from '../check';

/** `milestones` claims an ability that no ladder defines. */
export const unknownAbilityClaim: Check = {
  code: 'unknown-ability-claim',
  severity: 'error',
  description: 'A milestone claim (`milestones`) names an ability that no ladder file defines.',
  run(context, report) {
    const claimed = Object.keys(context.claims?.milestones ?? {});
    if (claimed.length === 0) return;
    const ids = context.model.abilities.map((a) => a.id);
    for (const key of claimed) {
      if (ids.includes(key)) continue;
      report(
        context.frontMatter?.locate(['milestones', key], 'key') ?? { line: 1, column: 1 },
        `Unknown ability in \`milestones\`.${didYouMean(key, ids) || knownList('abilities', ids, 'No ladder defines abilities.')}`,
      );
    }
  },
};
