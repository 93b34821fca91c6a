import { type Check, fieldAt } from '../check';
import { hasEdge } from '../target';

/** A move from another ladder that no advancement edge allows. */
export const noAdvancementEdge: Check = {
  code: 'no-advancement-edge',
  severity: 'warning',
  description:
    'The packet crosses ladders, but the current level has no advancement edge to the target.',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.ladder.id === to.ladder.id || hasEdge(from, to)) return;
    const targets = from.level.next
      .map((e) => (e.kind === 'level' ? `\`${e.ladder}/${e.level}\`` : e.title))
      .join(', ');
    report(
      fieldAt(context, 'from'),
      `No advancement edge leads from \`${from.ladder.id}/${from.level.id}\` to \`${to.ladder.id}/${to.level.id}\`${targets ? `; it leads to ${targets}` : ''}. Check \`from\` and \`to\`, or propose the edge in the ladder.`,
    );
  },
};
