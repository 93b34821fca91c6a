import { trackLevels } from '../../model/levels';
import { type Check, fieldAt } from '../check';
import { hasEdge, rankOf } from '../target';

/**
 * A promotion on one ladder that jumps over a level: a level ranked between the current and the
 * target (on the way up the target's track, when the ladder has tracks: the levels every track
 * shares, then the track's own), and no edge from one to the other.
 */
export const skippedLevel: Check = {
  code: 'skipped-level',
  severity: 'warning',
  description:
    'The promotion skips a level: a level ranks between the current level and the target (on the way up its track, the levels every track shares included), and no advancement edge leads from one to the other.',
  run(context, report) {
    const { from, to } = context;
    if (!from || !to || from.inferred || from.ladder.id !== to.ladder.id) return;
    if (rankOf(to) <= rankOf(from) || hasEdge(from, to)) return;
    const way =
      to.level.track === undefined ? undefined : new Set(trackLevels(to.ladder, to.level.track));
    const skipped = to.ladder.levels
      .map((level, index) => ({ ladder: to.ladder, level, index }))
      .filter(
        (r) =>
          rankOf(r) > rankOf(from) &&
          rankOf(r) < rankOf(to) &&
          (way === undefined || way.has(r.level)),
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
