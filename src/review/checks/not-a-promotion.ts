import { type Check, fieldAt } from '../check';
import { notAPromotion as problemOf } from '../target';

/**
 * The target is the current level, or not above it on the same ladder, and no advancement edge
 * leads there. Levels are ranked by grade (by position when the ladder has no grades); a move
 * along a declared edge is a move the ladder allows, whatever the ranks (see `career-move`).
 * `ladder new-packet` refuses the same moves with the same words.
 */
export const notAPromotion: Check = {
  code: 'not-a-promotion',
  severity: 'error',
  description:
    'The target level is the current level, or below it on the same ladder with no advancement edge to it (a warning for a lateral move to a peer level of another track without an edge).',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.inferred) return;
    const problem = problemOf(from, to);
    if (problem) report(fieldAt(context, 'to'), problem.message, problem.severity);
  },
};
