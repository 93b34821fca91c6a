import { type Check, fieldAt } from '../check';
import { hasEdge, moveKind, placeOf } from '../target';

/** A lateral move or a step down that the ladder declares: said plainly, for the reviewers. */
export const careerMove: Check = {
  code: 'career-move',
  severity: 'info',
  description:
    'The packet asks for a lateral move (a peer level of another track) or a step down along a declared advancement edge; it is reviewed against the target level as usual.',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.ladder.id !== to.ladder.id || !hasEdge(from, to)) return;
    const kind = moveKind(from, to);
    if (kind !== 'lateral' && kind !== 'step-down') return;
    const where = (ref: typeof to) => {
      const place = placeOf(ref);
      return `\`${ref.level.id}\`${place ? ` (${place})` : ''}`;
    };
    report(
      fieldAt(context, 'to'),
      `${kind === 'lateral' ? 'A lateral move' : 'A step down'} from ${where(from)} to ${where(to)}, along an advancement edge the ladder declares; the packet is reviewed against ${to.level.title}.`,
    );
  },
};
