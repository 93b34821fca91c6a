import { didYouMeanOr } from '../../util/suggest';
import { ladderPlace, levelName } from '../place';
import { type FileRule, idsOf } from '../rule';

/** A level's track, a planned target's and a dimension's must be ones of the ladder's tracks. */
export const unknownTrack: FileRule = {
  code: 'unknown-track',
  severity: 'error',
  description:
    'A level, a planned advancement target or a dimension names a track that the ladder does not define under `tracks`.',
  checkFile(source, report) {
    const { ladder } = source;
    const tracks = idsOf(ladder, 'tracks');
    if (tracks === undefined) return;
    const message = (track: string, owner: string) =>
      `Unknown track \`${track}\` for ${owner}.${didYouMeanOr(track, tracks, 'Define it under `tracks`.')}`;
    ladder.dimensions?.forEach((dimension, i) => {
      dimension.tracks?.forEach((track, k) => {
        if (!tracks.includes(track))
          report(['dimensions', i, 'tracks', k], message(track, `dimension \`${dimension.id}\``));
      });
    });
    ladder.levels.forEach((level, i) => {
      if (level.track !== undefined && !tracks.includes(level.track))
        report(['levels', i, 'track'], message(level.track, levelName(level, i)));
      level.next?.forEach((edge, k) => {
        if (typeof edge === 'string' || edge.track === undefined || tracks.includes(edge.track))
          return;
        report(
          ['levels', i, 'next', k, 'track'],
          message(edge.track, ladderPlace(ladder, ['levels', i, 'next', k])),
        );
      });
    });
  },
};
