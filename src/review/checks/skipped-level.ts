import { type Check, fieldAt } from '../check';
import { hasEdge, rankOf } from '../target';

/**
 * A promotion on one ladder that jumps over a level: a level ranked between the current and the
 * target (on the target's track, when the ladder has tracks), and no edge from one to the other.
 */
export const skippedLevel: Check = {
  code: 'skipped-level',
  severity: 'warning',
  description:
    'The promotion skips a level: a level ranks between the current level and the target (on its track), and no advancement edge leads from one to the other.',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.inferred || from.ladder.id !== to.ladder.id) return;
    if (rankOf(to) <= rankOf(from) || hasEdge(from, to)) return;
    const skipped = to.ladder.levels
      .map((level, index) => ({ ladder: to.ladder, level, index }))
      .filter(
        (r) =>
          rankOf(r) > rankOf(from) &&
          rankOf(r) < rankOf(to) &&
          (to.level.track === undefined || r.level.track === to.level.track),
      )
      .map((r) => `\`${r.level.id}\``);
    if (skipped.length === 0) return;
    const next = from.level.next
      .map((e) =>
        e.kind === 'level'
          ? `\`${e.ladder === to.ladder.id ? e.level : `${e.ladder}/${e.level}`}\``
          : e.title,
      )
      .join(' or ');
    report(
      fieldAt(context, 'to'),
      `A promotion from \`${from.level.id}\` to \`${to.level.id}\` skips ${skipped.join(', ')}${next ? `; \`${from.level.id}\` advances to ${next}` : ''}. Make sure this is intended, or correct \`from\`/\`to\`.`,
    );
  },
};
