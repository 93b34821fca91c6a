import { didYouMeanOr } from '../../util/suggest';
import type { FileRule } from '../rule';
import { isWhole } from '../schema-prune';

/**
 * The ids of a ladder's `source` documents; undefined when the schema left some of them out
 * (schema-prune.ts): a reference to one of those cannot be told unknown.
 */
function sourceIds(ladder: {
  readonly source?: readonly { readonly id?: string }[];
}): string[] | undefined {
  const list = ladder.source;
  if (list === undefined) return isWhole(ladder) ? [] : undefined;
  if (!isWhole(list)) return undefined;
  const ids: string[] = [];
  let whole = true;
  let count = 0;
  list.forEach((item) => {
    count += 1;
    if (!isWhole(item)) whole = false;
    if (item.id !== undefined) ids.push(item.id);
  });
  return whole && count === list.length ? ids : undefined;
}

/** A part or section that names the document it comes from must name one of the ladder's sources. */
export const unknownSource: FileRule = {
  code: 'unknown-source',
  severity: 'error',
  description:
    'A `parts` entry or a section names a `source` that is not the `id` of one of the ladder’s `source` documents.',
  checkFile(source, report) {
    const { ladder } = source;
    const ids = sourceIds(ladder);
    if (ids === undefined) return;
    const check = (id: string | undefined, path: readonly (string | number)[], what: string) => {
      if (id !== undefined && !ids.includes(id))
        report(
          path,
          `Unknown source \`${id}\` for ${what}.${didYouMeanOr(id, ids, 'Give that document this `id` under `source`.')}`,
        );
    };
    for (const [name, part] of Object.entries(ladder.parts ?? {}))
      check(part?.source, ['parts', name, 'source'], `the ${name} part`);
    ladder.sections?.forEach((section, i) =>
      check(section.source, ['sections', i, 'source'], `section “${section.title}”`),
    );
  },
};
