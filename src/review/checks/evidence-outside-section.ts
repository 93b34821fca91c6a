import type { PacketItem } from '../../packet/types';
import { series } from '../../util/text';
import type { Check } from '../check';
import { matcherFor } from '../match';

/**
 * An item that reads as evidence: not a placeholder, with a link that opens something or an
 * issue reference.
 */
function evidenceLike(item: PacketItem): boolean {
  return (
    item.placeholder === undefined &&
    (item.links.some((l) => l.placeholder === undefined) || item.references.length > 0)
  );
}

/**
 * Evidence under no dimension heading: before the first one (under the packet's title), or
 * under a group heading (`## Craft` above `### Quality`), where a scaffolded packet invites it.
 * Under a heading that names nothing, `unknown-heading` says so already. Under a line that names
 * a dimension in bold or before a colon (`**Mastery**`, `Trust:`), its author took that line for
 * a heading: the finding says to make it one, as a warning wherever it is.
 */
export const evidenceOutsideSection: Check = {
  code: 'evidence-outside-section',
  severity: 'warning',
  description:
    'A list item with a link or an issue reference is under no dimension heading, so it counts as evidence for no dimension (a warning under a group heading or under a dimension name in bold or before a colon, else info).',
  run(context, report) {
    const { sections, body, ladder } = context;
    if (!sections || !body || !ladder || context.wholeBody) return;
    body.blocks.forEach((block, index) => {
      if (block.kind !== 'list') return;
      const heading = body.headings[block.heading];
      const role = sections.roles[block.heading];
      const group = role?.kind === 'group' ? role.id : undefined;
      // Above every heading, under a group heading, or under the title (a level-1 heading that
      // names no dimension); under any other heading the evidence counts, or has a finding.
      const outside =
        heading === undefined ||
        group !== undefined ||
        (heading.depth < 2 && role?.kind === 'other');
      if (!outside) return;
      const items = block.items.filter(evidenceLike);
      const first = items[0];
      if (!first) return;
      const one = items.length === 1;
      const above = body.blocks[index - 1];
      const label = above?.kind === 'prose' ? above.label : undefined;
      const named = label === undefined ? undefined : matcherFor(ladder).match(label, false);
      if (above?.kind === 'prose' && named?.kind === 'dimension') {
        const title = ladder.dimensions.find((d) => d.id === named.id)?.title ?? named.id;
        report(
          { line: first.line, column: first.column },
          `${one ? 'This item links to work but counts' : `These ${items.length} items link to work but count`} as evidence for no dimension: the line above ${one ? 'it' : 'them'} (line ${above.line}) names ${title} in bold or before a colon, which Markdown reads as a paragraph, not a heading; make it a heading (\`${'#'.repeat(Math.min(6, (heading?.depth ?? 1) + 1))} ${title}\`).`,
          'warning',
        );
        return;
      }
      const where =
        heading !== undefined && group !== undefined
          ? `under the group heading on line ${heading.line}`
          : 'before the first dimension heading';
      const dimensions =
        group === undefined || context.abilitySections
          ? []
          : ladder.dimensions.filter((d) => d.group === group).map((d) => d.title);
      // Under a group heading the scaffold made, it was meant as evidence; above every heading it
      // may be context the author links to on purpose (free text is welcome there).
      report(
        { line: first.line, column: first.column },
        `${one ? 'This item links to work but is' : `These ${items.length} items link to work but are`} ${where}, so ${one ? 'it counts' : 'they count'} as evidence for no dimension; move ${one ? 'it' : 'each'} under the heading of the dimension it evidences${dimensions.length > 0 ? ` (${series(dimensions, 'or')})` : ''}.`,
        group === undefined ? 'info' : 'warning',
      );
    });
  },
};
