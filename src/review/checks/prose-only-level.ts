import { type Check, fieldAt } from '../check';

/** The target level has no dimensions, so the packet is read as a whole. */
export const proseOnlyLevel: Check = {
  code: 'prose-only-level',
  severity: 'info',
  description:
    'The target level defines no dimensions; every evidence item in the packet counts towards the level as a whole.',
  run(context, report) {
    if (!context.wholeBody || !context.to) return;
    report(
      fieldAt(context, 'to'),
      `${context.to.level.title} (\`${context.to.level.id}\`) has no dimensions to check one by one; every list item in the packet counts as evidence for the level, checked against its description.`,
    );
  },
};
