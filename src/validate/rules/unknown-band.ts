import { didYouMeanOr } from '../../util/suggest';
import type { FileRule } from '../rule';

/** A level's band must be one of the ladder's bands. */
export const unknownBand: FileRule = {
  code: 'unknown-band',
  severity: 'error',
  description: 'A level names a `band` that the ladder does not define under `bands`.',
  checkFile(source, report) {
    const bands = (source.ladder.bands ?? []).map((b) => b.id);
    source.ladder.levels.forEach((level, i) => {
      if (level.band === undefined || bands.includes(level.band)) return;
      report(
        ['levels', i, 'band'],
        `Unknown band \`${level.band}\` for level ${level.id}${didYouMeanOr(level.band, bands, 'define it under `bands`')}`,
      );
    });
  },
};
