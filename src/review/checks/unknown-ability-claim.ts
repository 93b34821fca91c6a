import { didYouMean, knownList } from '../../util/suggest';
import type { Check } from '../check';
import { abilityRef, resolveAbility } from '../milestones';

/** `milestones` claims an ability that no ladder defines, or names it ambiguously. */
export const unknownAbilityClaim: Check = {
  code: 'unknown-ability-claim',
  severity: 'error',
  description:
    'A milestone claim (`milestones`) names an ability that no ladder file defines, or one that several other ladders define (name one: `ladder/ability`).',
  run(context, report) {
    const claimed = Object.keys(context.claims?.milestones ?? {});
    if (claimed.length === 0) return;
    const ladder = context.fields.ladder ?? '';
    const ids = context.model.abilities.map((a) => abilityRef(context.model, ladder, a));
    for (const key of claimed) {
      const found = resolveAbility(context.model, ladder, key);
      if (found.kind === 'found') continue;
      report(
        context.frontMatter?.locate(['milestones', key], 'key') ?? { line: 1, column: 1 },
        found.kind === 'ambiguous'
          ? `Ladders ${found.ladders.map((l) => `\`${l}\``).join(' and ')} each define an ability \`${key}\`; name one, e.g. \`${found.ladders[0]}/${key}\`.`
          : `Unknown ability in \`milestones\`.${didYouMean(key, ids) || knownList('abilities', ids, 'No ladder defines abilities.')}`,
      );
    }
  },
};
