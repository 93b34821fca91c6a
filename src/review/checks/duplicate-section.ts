import type { Check } from '../check';

/** Two sections for the same dimension. */
export const duplicateSection: Check = {
  code: 'duplicate-section',
  severity: 'warning',
  description: 'A dimension has more than one section; their items are counted together.',
  run(context, report) {
    const { sections, body, ladder } = context;
    if (!sections || !body || !ladder) return;
    body.headings.forEach((heading, i) => {
      const role = sections.roles[i];
      if (role?.kind !== 'dimension' || !role.duplicate) return;
      const first = sections.sections.get(role.id)?.headings[0];
      const title = ladder.dimensions.find((d) => d.id === role.id)?.title ?? role.id;
      report(
        {
          line: heading.line,
          column: heading.column,
          endLine: heading.endLine,
          endColumn: heading.endColumn,
        },
        `${title} already has a section on line ${first?.line ?? '?'}; the items of both are counted together. Merge them into one.`,
      );
    });
  },
};
