import { didYouMean } from '../../util/suggest';
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
    const hint = didYouMean(id, ids);
    report(
      fieldAt(context, 'ladder'),
      ids.length > 0
        ? `The ladder named in the front matter is not one of: ${ids.map((i) => `\`${i}\``).join(', ')}${hint || '.'}`
        : 'The front matter names a ladder, but there are no valid ladders to review against.',
    );
  },
};
