import { series } from '../../util/text';
import type { Check } from '../check';

/** Dimensions a link may serve before the reuse is pointed out. */
const REUSE_THRESHOLD = 3;

/**
 * What makes two links the same work: the address without its fragment (a comment on the pull
 * request is the pull request) and without a trailing slash.
 */
function workOf(url: string): string {
  return url.trim().replace(/#.*$/s, '').replace(/\/+$/, '');
}

/** Where a link is used: its first position, and the lines it is on in each dimension. */
interface Use {
  line: number;
  column: number;
  url: string;
  readonly lines: Map<string, Set<number>>;
}

/**
 * One link offered as evidence under many dimensions. The message names the link by its
 * position, never by its address (packet text stays out of the log); the comment quotes it.
 */
export const reusedLink: Check = {
  code: 'reused-link',
  severity: 'info',
  description: `The same link is evidence under ${REUSE_THRESHOLD} or more dimensions; reviewers may ask for more varied evidence.`,
  run(context, report) {
    const { sections, ladder } = context;
    if (!sections || !ladder || context.wholeBody) return;
    const uses = new Map<string, Use>();
    for (const section of sections.sections.values()) {
      for (const item of section.items) {
        for (const link of item.links) {
          if (link.placeholder !== undefined) continue;
          const key = workOf(link.url);
          if (key === '') continue;
          const use = uses.get(key) ?? { ...link, lines: new Map() };
          if (link.line < use.line || (link.line === use.line && link.column < use.column))
            Object.assign(use, { line: link.line, column: link.column, url: link.url });
          use.lines.set(section.id, (use.lines.get(section.id) ?? new Set()).add(item.line));
          uses.set(key, use);
        }
      }
    }
    for (const use of [...uses.values()].sort((a, b) => a.line - b.line || a.column - b.column)) {
      if (use.lines.size < REUSE_THRESHOLD) continue;
      const where = ladder.dimensions.flatMap((d) => {
        const lines = [...(use.lines.get(d.id) ?? [])].sort((a, b) => a - b);
        return lines.length === 0
          ? []
          : [`${d.title}, line${lines.length > 1 ? 's' : ''} ${series(lines.map(String))}`];
      });
      report(
        { line: use.line, column: use.column, quote: use.url },
        `The link at line ${use.line}, column ${use.column} is evidence for ${where.length} dimensions (${where.join('; ')}); one piece of work rarely shows that much, so reviewers may ask for more.`,
      );
    }
  },
};
