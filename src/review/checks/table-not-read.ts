import type { Check } from '../check';

/**
 * A table in a section that also has list items: only the items are read as evidence. (A
 * section with a table and no items is told so by its status and what to add.)
 */
export const tableNotRead: Check = {
  code: 'table-not-read',
  severity: 'info',
  description:
    'A section has list items and a table: the rows of the table are not read as evidence, only the items are (a section with only a table is thin or missing, and says so).',
  run(context, report) {
    for (const dimension of context.dimensions) {
      const section = context.sections?.sections.get(dimension.id);
      if (section === undefined || section.items.length === 0) continue;
      for (const block of section.prose) {
        if (!block.table) continue;
        report(
          { line: block.line, column: 1 },
          `The table on line ${block.line}, under ${dimension.title}, is not read as evidence: only list items are. If its rows are evidence, write each as its own list item (\`- ...\`) with its link.`,
        );
      }
    }
  },
};
