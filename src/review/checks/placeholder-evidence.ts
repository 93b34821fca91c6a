import type { Check } from '../check';

/** An evidence item that is still a placeholder. */
export const placeholderEvidence: Check = {
  code: 'placeholder-evidence',
  severity: 'warning',
  description:
    'An evidence item (or a nested detail) is a placeholder (TBD, TODO, N/A, ???, lorem ipsum or other filler, an expectation copied as evidence) and does not count.',
  run(context, report) {
    for (const dimension of context.dimensions) {
      for (const item of dimension.evidence) {
        if (item.placeholder !== undefined)
          report(
            { line: item.line, column: item.column },
            `This ${dimension.title} item is a placeholder (${item.placeholder}); replace it with evidence or remove it.`,
          );
        else
          for (const detail of item.nested)
            report(
              { line: detail.line, column: detail.column },
              `This detail of a ${dimension.title} item is a placeholder (${detail.placeholder}); fill it in or remove it.`,
            );
      }
    }
  },
};
