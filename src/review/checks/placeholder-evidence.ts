import type { Check } from '../check';

/** An evidence item that is still a placeholder. */
export const placeholderEvidence: Check = {
  code: 'placeholder-evidence',
  severity: 'warning',
  description:
    'An evidence item is a placeholder (TBD, TODO, lorem ipsum, an expectation copied as evidence) and does not count.',
  run(context, report) {
    for (const dimension of context.dimensions) {
      for (const item of dimension.evidence) {
        if (item.placeholder === undefined) continue;
        report(
          { line: item.line, column: item.column },
          `This ${dimension.title} item is a placeholder (${item.placeholder}); replace it with evidence or remove it.`,
        );
      }
    }
  },
};
