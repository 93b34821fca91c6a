import { series } from '../../util/text';
import type { Check } from '../check';

/** A heading made of two or more dimensions' names (`## Flexibility & Trust`). */
export const combinedHeading: Check = {
  code: 'combined-heading',
  severity: 'warning',
  description:
    'A heading names two or more dimensions together (`Flexibility & Trust`, `Communication/Planning`), so it opens no section and nothing under it counts as evidence; split it into one section per dimension.',
  run(context, report) {
    const { sections, body, ladder } = context;
    if (!sections || !body || !ladder || context.wholeBody) return;
    body.headings.forEach((heading, i) => {
      const role = sections.roles[i];
      if (role?.kind !== 'other' || role.several === undefined) return;
      const titles = role.several.map(
        (id) => ladder.dimensions.find((d) => d.id === id)?.title ?? id,
      );
      const hashes = '#'.repeat(heading.depth);
      report(
        {
          line: heading.line,
          column: heading.column,
          endLine: heading.endLine,
          endColumn: heading.endColumn,
        },
        `This heading names ${titles.length} dimensions (${series(titles)}), so it opens no section and nothing under it counts as evidence for ${titles.length === 2 ? 'either' : 'any of them'}. Split it into one section per dimension (${series(titles.map((t) => `\`${hashes} ${t}\``))}), each with its own evidence.`,
      );
    });
  },
};
