import { series } from '../../util/text';
import type { Check } from '../check';

/** `(addresses: N)` names an expectation the target level does not have, or nothing it can read. */
export const unknownExpectation: Check = {
  code: 'unknown-expectation',
  severity: 'warning',
  description:
    'An item says it addresses an expectation number or id (`(addresses: 4)`, `(addresses: some-id)`) that the target level does not have in that dimension, or writes in `(addresses: …)` what is neither (`0`, `Mastery 2`).',
  run(context, report) {
    const { sections, to } = context;
    if (!sections || !to) return;
    for (const dimension of context.dimensions) {
      const section = sections.sections.get(dimension.id);
      const count = dimension.expectations.length;
      const ids = new Set(dimension.expectations.map((e) => e.id.toLowerCase()));
      const idList = dimension.expectations.map((e) => `\`${e.id}\``).join(', ');
      const numbers = count === 0 ? '' : count === 1 ? 'the only one is 1' : `use 1 to ${count}`;
      for (const item of section?.items ?? [])
        for (const note of item.notes) {
          // Each finding points at the note it is about.
          const at = { line: note.line, column: note.column };
          const unknownIds = note.ids.filter((id) => !ids.has(id));
          // What the note says is packet text: the comment shows it, the log does not.
          if (unknownIds.length > 0)
            report(
              { ...at, quote: unknownIds.join(', ') },
              `${to.level.id} has no expectation with ${unknownIds.length === 1 ? 'this id' : `these ${unknownIds.length} ids`} in ${dimension.title}${count > 0 ? `; its ids are ${idList}` : ''}.`,
            );
          if (note.unreadable.length > 0)
            report(
              { ...at, quote: note.unreadable.join(', ') },
              count === 0
                ? `${to.level.id} has no expectations in ${dimension.title} to address; remove this \`(addresses: …)\`.`
                : `This \`(addresses: …)\` names something that is neither an expectation number nor an id of ${dimension.title}: write ${count === 1 ? `1 or the id ${idList}` : `numbers from 1 to ${count} or ids (${idList})`}, separated by commas.`,
            );
          const unknown = note.numbers.filter((n) => n < 1 || n > count);
          if (unknown.length === 0) continue;
          report(
            at,
            count === 0
              ? `${to.level.id} has no numbered expectations in ${dimension.title}; remove \`addresses: ${unknown.join(', ')}\`.`
              : `${to.level.id} has ${count === 1 ? 'one expectation' : `${count} expectations`} in ${dimension.title}; there is no expectation ${series(unknown.map(String))} (${numbers}).`,
          );
        }
    }
  },
};
