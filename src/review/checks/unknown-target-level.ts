import { didYouMeanLevel, editDistance, knownList } from '../../util/suggest';
import { type Check, fieldAt } from '../check';
import { findLevel, splitLevelRef } from '../target';

/** `to` is not a level of the ladder. */
export const unknownTargetLevel: Check = {
  code: 'unknown-target-level',
  severity: 'error',
  description: 'The target level (`to`) is not a level of the ladder.',
  run(context, report) {
    const { ladder } = context;
    const id = context.fields.to;
    if (!ladder || id === undefined || context.to) return;
    // Never suggest a demotion: only levels above the current one, when it is known.
    const from =
      context.fields.from === undefined ? undefined : splitLevelRef(context.fields.from, ladder.id);
    const current = from?.ladder === ladder.id ? findLevel(ladder, from.level) : undefined;
    const ids = ladder.levels.slice(current ? current.index + 1 : 0).map((l) => l.id);
    // `L6` is as close to `L1` as to `L5`: a guess among equals is no suggestion.
    const best = Math.min(...ids.map((i) => editDistance(id.toLowerCase(), i.toLowerCase())));
    const tied = ids.filter((i) => editDistance(id.toLowerCase(), i.toLowerCase()) === best);
    const hint = tied.length === 1 ? didYouMeanLevel(id, ids) : '';
    const above = current ? `levels above \`${current.level.id}\`` : 'levels';
    report(
      fieldAt(context, 'to'),
      `Unknown level in \`to\` for ladder \`${ladder.id}\`.${hint || knownList(above, ids, `\`${current?.level.id}\` is its top level.`)}`,
    );
  },
};
