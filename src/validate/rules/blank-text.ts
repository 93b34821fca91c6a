import type { DataPath, Rule } from '../rule';

/** Whitespace-only text passes the schema's minimum length but says nothing. */
export const blankText: Rule = {
  code: 'empty-string',
  severity: 'error',
  description: 'A text value is empty or only white space.',
  check({ sources, report }) {
    for (const source of sources) {
      const visit = (value: unknown, path: DataPath) => {
        if (typeof value === 'string') {
          if (value.trim() === '')
            report(source, path, `\`${path.join('.')}\` is empty; write the text or remove it.`);
        } else if (Array.isArray(value)) {
          value.forEach((item, i) => visit(item, [...path, i]));
        } else if (typeof value === 'object' && value !== null) {
          for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
        }
      };
      visit(source.ladder, []);
    }
  },
};
