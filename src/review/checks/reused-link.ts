import type { Check } from '../check';

/** Dimensions a link may serve before the reuse is pointed out. */
const REUSE_THRESHOLD = 3;

/** One link offered as evidence under many dimensions. */
export const reusedLink: Check = {
  code: 'reused-link',
  severity: 'info',
  description: `The same link is evidence under ${REUSE_THRESHOLD} or more dimensions; reviewers may ask for more varied evidence.`,
  run(context, report) {
    const { sections, ladder } = context;
    if (!sections || !ladder || context.wholeBody) return;
    const uses = new Map<string, { ids: Set<string>; line: number; column: number }>();
    for (const section of sections.sections.values()) {
      for (const item of section.items) {
        for (const link of item.links) {
          if (link.placeholder !== undefined) continue;
          const key = link.url.trim().replace(/[/#]+$/, '');
          const use = uses.get(key) ?? { ids: new Set(), line: item.line, column: item.column };
          if (item.line < use.line) Object.assign(use, { line: item.line, column: item.column });
          use.ids.add(section.id);
          uses.set(key, use);
        }
      }
    }
    for (const use of [...uses.values()].sort((a, b) => a.line - b.line)) {
      if (use.ids.size < REUSE_THRESHOLD) continue;
      const titles = ladder.dimensions.filter((d) => use.ids.has(d.id)).map((d) => d.title);
      report(
        { line: use.line, column: use.column },
        `The same link is evidence for ${titles.length} dimensions (${titles.join(', ')}); one piece of work rarely shows that much, so reviewers may ask for more.`,
      );
    }
  },
};
