import type { Check } from '../check';

/** An unchecked task item (`- [ ]`): a plan, not done work. */
export const uncheckedTask: Check = {
  code: 'unchecked-task',
  severity: 'info',
  description:
    'An evidence item is an unchecked task (`- [ ]`): a plan, not done work, so it does not count (a ticked `- [x]` does).',
  run(context, report) {
    for (const dimension of context.dimensions) {
      for (const item of dimension.evidence) {
        if (item.plan !== true || item.placeholder !== undefined) continue;
        report(
          { line: item.line, column: item.column },
          `This ${dimension.title} item is an unchecked task: a plan, not done work, so it does not count as evidence. Tick it (\`- [x]\`) once it is done.`,
        );
      }
    }
  },
};
