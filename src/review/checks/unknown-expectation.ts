import { series } from '../../util/text';
import type { Check } from '../check';

/** `(addresses: N)` names an expectation the target level does not have. */
export const unknownExpectation: Check = {
  code: 'unknown-expectation',
  severity: 'warning',
  description:
    'An item says it addresses an expectation number or id (`(addresses: 4)`, `(addresses: some-id)`) that the target level does not have in that dimension.',
  run(context, report) {
    const { sections, to } = context;
    if (!sections || !to) return;
    for (const dimension of context.dimensions) {
      const section = sections.sections.get(dimension.id);
      const count = dimension.expectations.length;
      const ids = new Set(dimension.expectations.map((e) => e.id.toLowerCase()));
      for (const item of section?.items ?? []) {
        const unknownIds = item.addressedIds.filter((id) => !ids.has(id));
        if (unknownIds.length > 0)
          report(
            { line: item.line, column: item.column },
            `${to.level.id} has no expectation with the id ${unknownIds.map((id) => `\`${id}\``).join(', ')} in ${dimension.title}${count > 0 ? `; its ids are ${dimension.expectations.map((e) => `\`${e.id}\``).join(', ')}` : ''}.`,
          );
        const unknown = item.addresses.filter((n) => n > count);
        if (unknown.length === 0) continue;
        report(
          { line: item.line, column: item.column },
          count === 0
            ? `${to.level.id} has no numbered expectations in ${dimension.title}; remove \`addresses: ${unknown.join(', ')}\`.`
            : `${to.level.id} has ${count === 1 ? 'one expectation' : `${count} expectations`} in ${dimension.title}; there is no expectation ${series(unknown.map(String))} (${count === 1 ? 'the only one is 1' : `use 1 to ${count}`}).`,
        );
      }
    }
  },
};
