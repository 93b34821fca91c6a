/**
 * What evidence verification found, in plain words, for the comment and the terminal alike:
 * the packet's line ("9 of 12 GitHub links verified; ...") and the notes that explain what was
 * not checked. Counts and settings only; the statuses of single links come from
 * `describeCheck` (src/verify/judge.ts).
 */
import { plural } from '../markdown/plural';
import type { PacketReview } from '../review/index';
import type { LinkCheck, LinkWarning } from '../verify/types';

/** "9 of 12 GitHub links verified; 2 with warnings; 1 not verifiable with this token". */
export function verificationLine(review: PacketReview): string | undefined {
  const v = review.verification;
  if (!v) return undefined;
  if (v.links === 0)
    return 'No evidence item links to a pull request, issue, commit, discussion or release on GitHub.';
  const parts = [`${v.verified} of ${plural(v.links, 'GitHub link')} verified`];
  if (v.warnings > 0)
    parts.push(`${v.warnings} with ${v.warnings === 1 ? 'a warning' : 'warnings'}`);
  if (v.notVisible > 0) parts.push(`${v.notVisible} not verifiable with this token`);
  if (v.unchecked > 0) parts.push(`${v.unchecked} not checked`);
  return `${parts.join('; ')}.`;
}

/** What the reader should know about how the links were checked. */
export function verificationNotes(review: PacketReview): string[] {
  const v = review.verification;
  if (!v || v.links === 0) return [];
  const notes: string[] = [];
  if (!v.login)
    notes.push(
      'The front matter has no `github:` login, so the candidate’s part in each item was not checked.',
    );
  if (review.cycle === undefined)
    notes.push('The packet names no `cycle:`, so dates were not checked against one.');
  else if (!v.cycle)
    notes.push(
      'The packet’s cycle has no dates under `cycles:` in `ladder.config.yml`, so dates were not checked against it.',
    );
  else notes.push(`The cycle ran from ${v.cycle.from} to ${v.cycle.to}.`);
  if (v.notVisible > 0)
    notes.push(
      'A link that is not verifiable with this token may well be fine: it points into a repository the token cannot read. A token that can read it (the action’s `verify-token` input) would check it.',
    );
  if (v.unchecked > 0)
    notes.push(
      `Links not checked were over the limit of ${v.limit} per run (\`limits.maxVerifiedLinks\`), or GitHub did not answer in time; the next run checks them again.`,
    );
  return notes;
}

const WARNING_WORDS: Readonly<Record<LinkWarning, string>> = {
  'not-found': 'the link was not found on GitHub',
  'closed-unmerged': 'a pull request closed without merging, presented as evidence',
  'no-part': 'GitHub does not show the candidate taking part in it',
  'outside-cycle': 'it falls outside the cycle',
};

/** Why a link needs a second look, in a few words. */
export function warningWords(check: LinkCheck): string {
  return check.warnings.map((w) => WARNING_WORDS[w]).join('; ');
}

/** The icon of a link's status: verified, a warning, not verifiable, not checked. */
export function checkIcon(check: LinkCheck): string {
  if (check.verified) return '✅';
  if (check.warnings.length > 0) return '⚠️';
  return check.status === 'not-visible' ? '🔒' : '…';
}
