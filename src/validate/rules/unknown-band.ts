import { didYouMeanOr } from '../../util/suggest';
import { levelName } from '../place';
import { type FileRule, idsOf } from '../rule';

/** A level's band must be one of the ladder's bands. */
export const unknownBand: FileRule = {
  code: 'unknown-band',
  severity: 'error',
  description: 'A level names a `band` that the ladder does not define under `bands`.',
  checkFile(source, report) {
    const bands = idsOf(source.ladder, 'bands');
    if (bands === undefined) return;
    source.ladder.levels.forEach((level, i) => {
      if (level.band === undefined || bands.includes(level.band)) return;
      report(
        ['levels', i, 'band'],
        `Unknown band \`${level.band}\` for ${levelName(level, i)}.${didYouMeanOr(level.band, bands, 'Define it under `bands`.')}`,
      );
    });
  },
};
