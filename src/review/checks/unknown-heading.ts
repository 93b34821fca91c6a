import type { Check } from '../check';

/**
 * A heading outside every dimension section that names no dimension (one that names several is
 * `combined-heading`'s).
 */
export const unknownHeading: Check = {
  code: 'unknown-heading',
  severity: 'warning',
  description:
    'A heading names no dimension of the ladder, so nothing under it counts as evidence (a warning when it is close to a dimension, else info).',
  run(context, report) {
    const { sections, body, ladder } = context;
    if (!sections || !body || !ladder || context.wholeBody) return;
    body.headings.forEach((heading, i) => {
      const role = sections.roles[i];
      if (role?.kind !== 'other' || role.several !== undefined || heading.depth < 2) return;
      const at = {
        line: heading.line,
        column: heading.column,
        endLine: heading.endLine,
        endColumn: heading.endColumn,
        quote: heading.text,
      };
      if (role.suggestion !== undefined) {
        report(
          at,
          `This heading names no dimension of \`${ladder.id}\`; did you mean \`${role.suggestion}\`? Until it matches, nothing under it counts as evidence.`,
        );
      } else {
        report(
          at,
          `This heading names no dimension of \`${ladder.id}\`, so nothing under it counts as evidence; free text is fine, but to count as evidence it must name a dimension (its title, id or an alias, optionally numbered or followed by a dash or colon).`,
          'info',
        );
      }
    });
  },
};
