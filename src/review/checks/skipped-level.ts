import { type Check, fieldAt } from '../check';
import { hasEdge } from '../target';

/** A promotion on one ladder that jumps over a level. */
export const skippedLevel: Check = {
  code: 'skipped-level',
  severity: 'warning',
  description:
    'The promotion skips a level: the current level has no advancement edge to the target.',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.inferred || from.ladder.id !== to.ladder.id) return;
    if (to.index <= from.index || hasEdge(from, to)) return;
    const skipped = to.ladder.levels.slice(from.index + 1, to.index).map((l) => `\`${l.id}\``);
    const next = from.level.next
      .map((e) =>
        e.kind === 'level'
          ? `\`${e.ladder === to.ladder.id ? e.level : `${e.ladder}/${e.level}`}\``
          : e.title,
      )
      .join(' or ');
    report(
      fieldAt(context, 'to'),
      `A promotion from \`${from.level.id}\` to \`${to.level.id}\` skips ${skipped.join(', ') || 'a level'}${next ? `; \`${from.level.id}\` advances to ${next}` : ''}. Make sure this is intended, or correct \`from\`/\`to\`.`,
    );
  },
};
