import { capitalised, ladderPlace } from '../place';
import type { FileRule } from '../rule';

/** Whitespace-only text passes the schema's minimum length but says nothing. */
export const blankText: FileRule = {
  code: 'empty-string',
  severity: 'error',
  description: 'A text value is empty or only white space.',
  checkFile(source, report) {
    // One path, extended and shortened as the walk goes; copied only for a report (a copy
    // per value made this rule a tenth of validating 1,000 ladders, issue 7).
    const path: (string | number)[] = [];
    const visit = (value: unknown) => {
      if (typeof value === 'string') {
        if (value.trim() === '')
          report(
            [...path],
            `${capitalised(ladderPlace(source.ladder, path))} is empty; write the text or remove it.`,
          );
      } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          path.push(i);
          visit(value[i]);
          path.pop();
        }
      } else if (typeof value === 'object' && value !== null) {
        for (const key of Object.keys(value)) {
          path.push(key);
          visit((value as Record<string, unknown>)[key]);
          path.pop();
        }
      }
    };
    visit(source.ladder);
  },
};
