import type { Check } from '../check';

/** A heading that names a dimension only once invisible or look-alike characters are read away. */
export const disguisedHeading: Check = {
  code: 'disguised-heading',
  severity: 'warning',
  description:
    'A heading names a dimension only when read as people read it: it holds invisible characters (zero-width space, soft hyphen ...), look-alike letters (a Cyrillic `Т`) or full-width letters.',
  run(context, report) {
    const { sections, body, ladder } = context;
    if (!sections || !body || !ladder) return;
    body.headings.forEach((heading, i) => {
      const role = sections.roles[i];
      if (role?.kind !== 'dimension' || role.disguised === undefined) return;
      const title = ladder.dimensions.find((d) => d.id === role.id)?.title ?? role.id;
      report(
        {
          line: heading.line,
          column: heading.column,
          endLine: heading.endLine,
          endColumn: heading.endColumn,
        },
        `This heading holds ${role.disguised.join(', ')}; it was read as ${title}. Retype it in plain letters so that it reads the same to every tool and search.`,
      );
    });
  },
};
