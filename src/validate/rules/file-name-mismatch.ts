import { ladderFileStem } from '../../load/ladder-files';
import type { FileRule } from '../rule';

/** A ladder's file is named after its id, so links and packets can find it. */
export const fileNameMismatch: FileRule = {
  code: 'file-name-mismatch',
  severity: 'error',
  description: 'The file name (without `.yml`) must equal the ladder `id`.',
  checkFile(source, report) {
    const base = ladderFileStem(source.file.path);
    if (base !== source.ladder.id) {
      report(
        ['id'],
        `The ladder id \`${source.ladder.id}\` does not match the file name \`${base}\`; rename the file to \`${source.ladder.id}.yml\` or change the id.`,
      );
    }
  },
};
