import { type Check, claimsUnread, fieldAt } from '../check';

/** The claims fall short of what the role or the target level requires. */
export const milestoneShortfall: Check = {
  code: 'milestone-shortfall',
  severity: 'warning',
  description:
    'The role or the target level requires a milestone of an ability that the packet does not claim, or claims below.',
  run(context, report) {
    // Front matter that failed its schema (`ops-skill: '3'`) has its finding: what it claims is
    // not known, so "claims none" would be a second, wrong one.
    const unread = claimsUnread(context);
    for (const claim of context.milestones) {
      // A claim beyond the ability's last milestone is reported by milestone-out-of-range.
      if (claim.met || claim.required === undefined) continue;
      if (claim.claimed === undefined && unread) continue;
      if (claim.claimed !== undefined && claim.points === undefined) continue;
      const at =
        claim.claimed !== undefined
          ? (context.frontMatter?.locate(['milestones', claim.ability]) ?? { line: 1, column: 1 })
          : context.fields.role !== undefined
            ? fieldAt(context, 'role')
            : fieldAt(context, 'to');
      report(
        at,
        claim.claimed === undefined
          ? `${claim.title} milestone ${claim.required}+ is required (${claim.requiredBy.join(', ')}), but the packet claims none; add \`${claim.ability}: ${claim.required}\` (or higher) under \`milestones:\` and evidence for it.`
          : `${claim.title} milestone ${claim.required}+ is required (${claim.requiredBy.join(', ')}), but the packet claims milestone ${claim.claimed}.`,
      );
    }
  },
};
