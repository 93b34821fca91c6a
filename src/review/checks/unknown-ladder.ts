import { didYouMean, knownList } from '../../util/suggest';
import { type Check, fieldAt } from '../check';

/**
 * The front matter names a ladder that does not exist, or whose file does not validate: the
 * review cannot tell them apart (a broken file gives no model), so the message says both.
 */
export const unknownLadder: Check = {
  code: 'unknown-ladder',
  severity: 'error',
  description:
    'The front matter names a ladder that is not in the ladders folder, or whose file has errors (it is left out of the review until they are fixed).',
  run(context, report) {
    const id = context.fields.ladder;
    if (id === undefined || context.ladder) return;
    const ids = context.model.ladders.map((l) => l.id);
    const suggestion = didYouMean(id, ids);
    report(
      fieldAt(context, 'ladder'),
      `Unknown ladder in \`ladder\`.${suggestion || `${knownList('ladders', ids, 'There are no valid ladders to review against.')} A ladder whose file has errors is left out until they are fixed (\`npx ladder validate\` lists them).`}`,
    );
  },
};
