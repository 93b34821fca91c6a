import { type Check, fieldAt } from '../check';

/** The target level is not above the current level of the same ladder. */
export const notAPromotion: Check = {
  code: 'not-a-promotion',
  severity: 'error',
  description: 'The target level is the current level or below it on the same ladder.',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.inferred || from.ladder.id !== to.ladder.id) return;
    if (to.index > from.index) return;
    report(
      fieldAt(context, 'to'),
      to.index === from.index
        ? `The target level \`${to.level.id}\` is the current level; set \`to\` to the level the packet asks for.`
        : `The target level \`${to.level.id}\` (${to.level.title}) is below the current level \`${from.level.id}\` (${from.level.title}); check \`from\` and \`to\`.`,
    );
  },
};
