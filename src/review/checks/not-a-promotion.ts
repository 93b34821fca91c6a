import { type Check, fieldAt } from '../check';
import { hasEdge, moveKind, placeOf } from '../target';

/**
 * The target is the current level, or not above it on the same ladder, and no advancement edge
 * leads there. Levels are ranked by grade (by position when the ladder has no grades); a move
 * along a declared edge is a move the ladder allows, whatever the ranks (see `career-move`).
 */
export const notAPromotion: Check = {
  code: 'not-a-promotion',
  severity: 'error',
  description:
    'The target level is the current level, or below it on the same ladder with no advancement edge to it (a warning for a lateral move to a peer level of another track without an edge).',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.inferred || from.ladder.id !== to.ladder.id) return;
    const kind = moveKind(from, to);
    if (kind === 'promotion' || (kind !== 'same' && hasEdge(from, to))) return;
    const name = (ref: typeof to) => {
      const place = placeOf(ref);
      return `\`${ref.level.id}\` (${ref.level.title}${place ? `, ${place}` : ''})`;
    };
    if (kind === 'same')
      report(
        fieldAt(context, 'to'),
        `The target level \`${to.level.id}\` is the current level; set \`to\` to the level the packet asks for.`,
      );
    else if (kind === 'lateral')
      report(
        fieldAt(context, 'to'),
        `The target level ${name(to)} is a peer of the current level ${name(from)}: a lateral move, and no advancement edge declares it. Check \`from\` and \`to\`, or propose the edge in the ladder.`,
        'warning',
      );
    else
      report(
        fieldAt(context, 'to'),
        `The target level ${name(to)} is below the current level ${name(from)}; check \`from\` and \`to\`.`,
      );
  },
};
