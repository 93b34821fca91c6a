import { didYouMeanOr } from '../../util/suggest';
import type { FileRule } from '../rule';

/** A level's track, and a planned target's, must be one of the ladder's tracks. */
export const unknownTrack: FileRule = {
  code: 'unknown-track',
  severity: 'error',
  description:
    'A level, or a planned advancement target, names a `track` that the ladder does not define under `tracks`.',
  checkFile(source, report) {
    const tracks = (source.ladder.tracks ?? []).map((t) => t.id);
    const message = (track: string, owner: string) =>
      `Unknown track \`${track}\` for ${owner}${didYouMeanOr(track, tracks, 'define it under `tracks`')}`;
    source.ladder.levels.forEach((level, i) => {
      if (level.track !== undefined && !tracks.includes(level.track))
        report(['levels', i, 'track'], message(level.track, `level ${level.id}`));
      level.next?.forEach((edge, k) => {
        if (typeof edge === 'string' || edge.track === undefined || tracks.includes(edge.track))
          return;
        report(['levels', i, 'next', k, 'track'], message(edge.track, `\`${edge.planned}\``));
      });
    });
  },
};
