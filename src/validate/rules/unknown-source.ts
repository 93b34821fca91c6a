import { didYouMeanOr } from '../../util/suggest';
import type { FileRule } from '../rule';

/** A part or section that names the document it comes from must name one of the ladder's sources. */
export const unknownSource: FileRule = {
  code: 'unknown-source',
  severity: 'error',
  description:
    'A `parts` entry or a section names a `source` that is not the `id` of one of the ladder’s `source` documents.',
  checkFile(source, report) {
    const { ladder } = source;
    const ids = (ladder.source ?? []).flatMap((s) => (s.id === undefined ? [] : [s.id]));
    const check = (id: string | undefined, path: readonly (string | number)[], what: string) => {
      if (id !== undefined && !ids.includes(id))
        report(
          path,
          `Unknown source \`${id}\` for ${what}${didYouMeanOr(id, ids, 'give that document this `id` under `source`')}`,
        );
    };
    for (const [name, part] of Object.entries(ladder.parts ?? {}))
      check(part?.source, ['parts', name, 'source'], `the ${name} part`);
    ladder.sections?.forEach((section, i) =>
      check(section.source, ['sections', i, 'source'], `section “${section.title}”`),
    );
  },
};
