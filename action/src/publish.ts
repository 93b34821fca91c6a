/**
 * Publishing a run: annotations on the exact lines, the job summary, and the step outputs.
 *
 * GitHub shows at most 10 annotations of each kind per step (50 per job), so every diagnostic
 * is also a row in the job summary. The summary never holds packet text unless `summary: full`
 * asks for the review comment too; the log never does.
 */

import type { AnnotationProperties } from '@actions/core';
import * as core from '@actions/core';
import { countBySeverity, type Diagnostic } from '../../src/diagnostics/diagnostic';
import { escapeHtml } from '../../src/markdown/builders';
import { plural } from '../../src/markdown/plural';
import { jsonText, visible } from '../../src/report/visible';
import type { PacketReview, ReviewReport } from '../../src/review/index';
import type { CommentOutcome } from './comment';
import type { SummaryMode } from './inputs';
import * as log from './log';
import { writeOutputs } from './outputs';
import type { ReviewRequests } from './reviewers';

/** Everything a run found and did, ready to publish. */
export interface RunReport {
  /** What was checked, in one line (e.g. "pull request #12 (2 files changed)"). */
  readonly subject: string;
  /** Config, read and ladder diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
  readonly review?: ReviewReport;
  /** The review as diagnostics: findings, and each dimension that is not evidenced. */
  readonly packetDiagnostics?: readonly Diagnostic[];
  /** Generated pages that are stale, missing or orphaned; undefined when not checked. */
  readonly stalePages?: readonly string[];
  /** The commit that refreshed the pages, when `commit-pages` made one. */
  readonly pagesCommit?: string;
  readonly comment?: CommentOutcome;
  /** Why the comment could not be written, when it could not. */
  readonly commentProblem?: string;
  /** The review comment's body, for `summary: full`. */
  readonly commentBody?: string;
  /** The "Ladder changes" section (already-safe Markdown: ladder text, packet paths, no packet text). */
  readonly ladderChanges?: string;
  /** What happened to the review requests of a ladder change. */
  readonly reviewRequests?: ReviewRequests;
  /** The health report (already-safe Markdown), on schedule and manual runs. */
  readonly health?: string;
  /** API requests this run made. */
  readonly requests: number;
}

/** Every diagnostic of a report: ladders, config, reads, pages and packets. */
export function allDiagnostics(report: RunReport): readonly Diagnostic[] {
  return [...report.diagnostics, ...(report.packetDiagnostics ?? [])];
}

/** The annotation properties of a diagnostic; columns only where GitHub honours them. */
export function annotationOf(d: Diagnostic): AnnotationProperties {
  const endLine = d.endLine ?? d.line;
  const oneLine = endLine === d.line;
  return {
    title: d.code,
    file: d.file,
    startLine: d.line,
    endLine,
    ...(oneLine ? { startColumn: d.column } : {}),
    ...(oneLine && d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
  };
}

/** One annotation per diagnostic: `error`, `warning`, and `notice` for `info`. */
export function annotate(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const props = annotationOf(d);
    if (d.severity === 'error') log.error(d.message, props);
    else if (d.severity === 'warning') log.warning(d.message, props);
    else log.notice(d.message, props);
  }
}

const MAX_SUMMARY_ROWS = 500;
/** GitHub rejects a job summary over 1 MiB; the health report of a huge organisation is cut. */
const MAX_HEALTH_CHARS = 600_000;

/** Markdown cut at a line, with a note, when it is longer than `max`. */
function clip(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  const cut = markdown.lastIndexOf('\n', max);
  return `${markdown.slice(0, cut)}\n\n_The report is cut here to fit the job summary; run \`npx ladder health\` for all of it._\n`;
}

/** Text for the summary's HTML: controls, line breaks and bidi controls shown, markup escaped. */
function htmlText(text: string): string {
  return escapeHtml(visible(text));
}

/** A diagnostic message as HTML: escaped, with its `code spans` shown as code. */
function messageHtml(message: string): string {
  return htmlText(message).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Verification of a packet's GitHub links, in counts only (the summary never names a link). */
function verificationCounts(packet: PacketReview): string {
  const v = packet.verification;
  if (!v || v.links === 0) return '—';
  const more = [
    v.warnings > 0 ? `${v.warnings} with warnings` : '',
    v.notVisible > 0 ? `${v.notVisible} not verifiable with this token` : '',
    v.unchecked > 0 ? `${v.unchecked} not checked` : '',
  ].filter((x) => x !== '');
  return `${v.verified} of ${v.links}${more.length > 0 ? ` (${more.join(', ')})` : ''}`;
}

function dimensionCounts(packet: PacketReview): string {
  const counts = { evidenced: 0, thin: 0, missing: 0 };
  for (const d of packet.dimensions) counts[d.status] += 1;
  return `${counts.evidenced} evidenced, ${counts.thin} thin, ${counts.missing} missing`;
}

/** The job summary (HTML, as `core.summary` builds it). Never packet text unless `full`. */
export async function writeSummary(report: RunReport, mode: SummaryMode): Promise<void> {
  if (mode === 'none' || !process.env.GITHUB_STEP_SUMMARY) return;
  const diagnostics = allDiagnostics(report);
  const counts = countBySeverity(diagnostics);
  const s = core.summary.addHeading('Ladder as Code', 2);
  s.addRaw(
    `<p>${htmlText(report.subject)}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}.</p>`,
    true,
  );
  const packets = report.review?.packets ?? [];
  if (packets.length > 0) {
    s.addHeading('Promotion packets', 3);
    s.addTable([
      [
        { data: 'Packet', header: true },
        { data: 'Verdict', header: true },
        { data: 'Dimensions', header: true },
        { data: 'Findings', header: true },
        { data: 'GitHub links verified', header: true },
      ],
      ...packets.map((p) => [
        `<code>${htmlText(p.path)}</code>`,
        htmlText(p.verdict),
        dimensionCounts(p),
        String(p.findings.length),
        verificationCounts(p),
      ]),
    ]);
  }
  if (report.stalePages !== undefined) {
    s.addHeading('Rendered pages', 3);
    const stale = report.stalePages;
    s.addRaw(
      stale.length === 0
        ? '<p>The rendered pages are current.</p>'
        : `<p>${plural(stale.length, 'page')} out of date${report.pagesCommit ? `; refreshed in ${htmlText(report.pagesCommit.slice(0, 7))}` : '; run <code>npx ladder render</code> and commit the result'}.</p>`,
      true,
    );
  }
  if (report.comment && report.comment.action !== 'none')
    s.addRaw(
      `<p>Review comment ${report.comment.action}: <a href="${htmlText(report.comment.url)}">${htmlText(report.comment.url)}</a>.</p>`,
      true,
    );
  if (report.commentProblem)
    s.addRaw(`<p>The review comment was not written: ${htmlText(report.commentProblem)}</p>`, true);
  if (diagnostics.length > 0) {
    s.addHeading('Problems', 3);
    const rows = diagnostics
      .slice(0, MAX_SUMMARY_ROWS)
      .map((d) => [
        htmlText(d.severity),
        `<code>${htmlText(d.code)}</code>`,
        `<code>${htmlText(`${d.file}:${d.line}:${d.column}`)}</code>`,
        messageHtml(d.message),
      ]);
    s.addTable([
      [
        { data: 'Severity', header: true },
        { data: 'Code', header: true },
        { data: 'Where', header: true },
        { data: 'Message', header: true },
      ],
      ...rows,
    ]);
    if (diagnostics.length > MAX_SUMMARY_ROWS)
      s.addRaw(`<p>… and ${diagnostics.length - MAX_SUMMARY_ROWS} more.</p>`, true);
  }
  if (report.ladderChanges) s.addRaw(`\n${report.ladderChanges}\n`, true);
  const reviews = report.reviewRequests;
  if (reviews?.kind === 'requested')
    s.addRaw(
      `<p>Review requested from ${[
        ...reviews.users.map((u) => `<code>${htmlText(u)}</code>`),
        ...reviews.teams.map((t) => `the team <code>${htmlText(t)}</code>`),
      ].join(', ')}.</p>`,
      true,
    );
  else if (reviews?.kind === 'refused') s.addRaw(`<p>⚠️ ${messageHtml(reviews.message)}</p>`, true);
  if (report.health) s.addRaw(`\n${clip(report.health, MAX_HEALTH_CHARS)}\n`, true);
  if (mode === 'full' && report.commentBody)
    s.addHeading('Review', 3).addRaw(report.commentBody, true);
  s.addRaw(`<p><sub>${plural(report.requests, 'GitHub API request')}.</sub></p>`, true);
  await s.write();
}

/** The step outputs of a run that has a report. */
export function setOutputs(report: RunReport, failed: boolean): void {
  const counts = countBySeverity(allDiagnostics(report));
  const comment = report.comment && report.comment.action !== 'none' ? report.comment : undefined;
  const reviews = report.reviewRequests;
  writeOutputs({
    errors: String(counts.error),
    warnings: String(counts.warning),
    notices: String(counts.info),
    packets: jsonText(
      (report.review?.packets ?? []).map((p) => ({ path: p.path, verdict: p.verdict })),
    ),
    'comment-url': comment?.url ?? '',
    'comment-id': comment ? String(comment.id) : '',
    'stale-pages': jsonText(report.stalePages ?? []),
    'pages-commit': report.pagesCommit ?? '',
    'review-requests': jsonText(
      reviews?.kind === 'requested'
        ? { users: reviews.users, teams: reviews.teams }
        : { users: [], teams: [] },
    ),
    result: failed ? 'fail' : 'pass',
    'api-requests': String(report.requests),
  });
}
