import { didYouMean } from '../../util/suggest';
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
        ids.length > 0
          ? `A milestone claim names an ability that is not one of: ${ids.map((i) => `\`${i}\``).join(', ')}${didYouMean(key, ids) || '.'}`
          : 'A milestone claim names an ability, but no ladder defines abilities.',
      );
    }
  },
};
