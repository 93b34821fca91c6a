import { didYouMeanLevel, knownList } from '../../util/suggest';
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
    report(
      fieldAt(context, 'to'),
      `Unknown level \`${id}\` in ladder \`${ladder.id}\`.${didYouMeanLevel(id, ids) || knownList('levels', ids, 'It has no levels.')}`,
    );
  },
};
