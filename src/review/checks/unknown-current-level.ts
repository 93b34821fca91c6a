import { ladderById } from '../../model/lookup';
import { didYouMean, didYouMeanLevel, knownList } from '../../util/suggest';
import { type Check, fieldAt } from '../check';
import { splitLevelRef } from '../target';

/** `from` is not a level (of the packet's ladder, or of the ladder it names). */
export const unknownCurrentLevel: Check = {
  code: 'unknown-current-level',
  severity: 'error',
  description:
    'The current level (`from`) is not a level of the ladder, or names an unknown ladder.',
  run(context, report) {
    const { ladder } = context;
    const value = context.fields.from;
    if (!ladder || value === undefined || context.from) return;
    const ref = splitLevelRef(value, ladder.id);
    const other = ladderById(context.model, ref.ladder);
    if (!other) {
      const ladders = context.model.ladders.map((l) => l.id);
      report(
        fieldAt(context, 'from'),
        `Unknown ladder in \`from\`.${didYouMean(ref.ladder, ladders) || knownList('ladders', ladders, 'There are no valid ladders.')}`,
      );
      return;
    }
    const ids = other.levels.map((l) => l.id);
    report(
      fieldAt(context, 'from'),
      `Unknown level in \`from\` for ladder \`${other.id}\`.${didYouMeanLevel(ref.level, ids) || knownList('levels', ids, 'It has no levels.')}`,
    );
  },
};
