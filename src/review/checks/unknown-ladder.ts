import { didYouMean, knownList } from '../../util/suggest';
import { type Check, fieldAt } from '../check';

/** The front matter names a ladder that does not exist. */
export const unknownLadder: Check = {
  code: 'unknown-ladder',
  severity: 'error',
  description: 'The front matter names a ladder that is not in the ladders folder.',
  run(context, report) {
    const id = context.fields.ladder;
    if (id === undefined || context.ladder) return;
    const ids = context.model.ladders.map((l) => l.id);
    report(
      fieldAt(context, 'ladder'),
      `Unknown ladder in \`ladder\`.${didYouMean(id, ids) || knownList('ladders', ids, 'There are no valid ladders to review against.')}`,
    );
  },
};
