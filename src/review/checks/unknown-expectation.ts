import type { Check } from '../check';

/** `(addresses: N)` names an expectation the target level does not have. */
export const unknownExpectation: Check = {
  code: 'unknown-expectation',
  severity: 'warning',
  description:
    'An item says it addresses an expectation number that the target level does not have in that dimension.',
  run(context, report) {
    const { sections, to } = context;
    if (!sections || !to) return;
    for (const dimension of context.dimensions) {
      const section = sections.sections.get(dimension.id);
      const count = dimension.expectations.length;
      for (const item of section?.items ?? []) {
        const unknown = item.addresses.filter((n) => n > count);
        if (unknown.length === 0) continue;
        report(
          { line: item.line, column: item.column },
          count === 0
            ? `${to.level.id} has no numbered expectations in ${dimension.title}; remove \`addresses: ${unknown.join(', ')}\`.`
            : `${to.level.id} has ${count} expectation${count === 1 ? '' : 's'} in ${dimension.title}; there is no expectation ${unknown.join(', ')} (use 1 to ${count}).`,
        );
      }
    }
  },
};
