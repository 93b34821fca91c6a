import { didYouMean } from '../../util/suggest';
import { type Check, fieldAt } from '../check';

/** `to` is not a level of the ladder. */
export const unknownTargetLevel: Check = {
  code: 'unknown-target-level',
  severity: 'error',
  description: 'The target level (`to`) is not a level of the ladder.',
  run(context, report) {
    const { ladder } = context;
    const id = context.fields.to;
    if (!ladder || id === undefined || context.to) return;
    const ids = ladder.levels.map((l) => l.id);
    const hint = didYouMean(id, ids);
    report(
      fieldAt(context, 'to'),
      `The level named in \`to\` is not a level of \`${ladder.id}\`, whose levels are ${ids.map((i) => `\`${i}\``).join(', ')}${hint || '.'}`,
    );
  },
};
