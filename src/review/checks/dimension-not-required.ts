import type { Check } from '../check';

/** A section for a dimension the target level does not require. */
export const dimensionNotRequired: Check = {
  code: 'dimension-not-required',
  severity: 'info',
  description: 'The packet has a section for a dimension that the target level does not require.',
  run(context, report) {
    const { sections, body, ladder, to } = context;
    if (!sections || !body || !ladder || !to || context.wholeBody) return;
    body.headings.forEach((heading, i) => {
      const role = sections.roles[i];
      if (role?.kind !== 'dimension' || role.duplicate || to.level.requires.includes(role.id))
        return;
      const title = ladder.dimensions.find((d) => d.id === role.id)?.title ?? role.id;
      report(
        {
          line: heading.line,
          column: heading.column,
          endLine: heading.endLine,
          endColumn: heading.endColumn,
        },
        `${to.level.id} does not require ${title}; this section is read by people but not checked.`,
      );
    });
  },
};
