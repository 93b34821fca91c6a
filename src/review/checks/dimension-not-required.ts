import { type Check, claimsUnread } from '../check';

/** A section for a dimension the target level does not require. */
export const dimensionNotRequired: Check = {
  code: 'dimension-not-required',
  severity: 'info',
  description:
    'The packet has a section for a dimension that the target level does not require (or, on a level judged by abilities, for an ability it neither claims nor requires).',
  run(context, report) {
    const { sections, body, ladder, to } = context;
    if (!sections || !body || !ladder || !to || context.wholeBody) return;
    // Which abilities are claimed is not known when the front matter failed its schema.
    if (context.abilitySections && claimsUnread(context)) return;
    // The sections under review: required dimensions, or the abilities claimed and required.
    const reviewed = new Set(context.dimensions.map((d) => d.id));
    body.headings.forEach((heading, i) => {
      const role = sections.roles[i];
      if (role?.kind !== 'dimension' || role.duplicate || reviewed.has(role.id)) return;
      const title = ladder.dimensions.find((d) => d.id === role.id)?.title ?? role.id;
      report(
        {
          line: heading.line,
          column: heading.column,
          endLine: heading.endLine,
          endColumn: heading.endColumn,
        },
        context.abilitySections
          ? `The packet claims no milestone of ${title} above the first, and ${to.level.id} does not require one; this section is read by people but not checked.`
          : `${to.level.id} does not require ${title}; this section is read by people but not checked.`,
      );
    });
  },
};
