/** `ladder review` for a terminal: per packet the verdict, a table, details and findings. */

import type { Diagnostic } from '../diagnostics/diagnostic';
import { idAndTitle } from '../model/levels';
import {
  type DimensionReview,
  noVerdicts,
  type PacketReview,
  type ReviewReport,
  type VerdictCounts,
} from '../review/index';
import { describeCheckText } from '../verify/judge';
import { codeFrame, diagnosticLine, type Palette, PLAIN } from './diagnostics-text';
import { unlinkedWords } from './evidence-words';
import { pointsLine } from './points-words';
import { checkIcon, verificationLine, verificationNotes, warningWords } from './verification-words';
import { visible } from './visible';

const MARK = { evidenced: '✓', thin: '~', missing: '✗' } as const;
const VERDICT_MARK = { complete: '✓', thin: '~', missing: '✗', invalid: '✗' } as const;
const POINTS_MARK = { met: '✓', short: '✗', over: '!' } as const;

function colourOf(status: DimensionReview['status'] | PacketReview['verdict'], p: Palette): string {
  return status === 'evidenced' || status === 'complete'
    ? p.blue
    : status === 'thin'
      ? p.yellow
      : p.red;
}

/** Packet text on one line, clipped, with control characters shown rather than sent. */
function clip(text: string, max: number): string {
  const flat = visible(text.replace(/\s+/g, ' ').trim());
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The identity line: candidate, ladder, from → to, cycle. */
function identity(r: PacketReview): string {
  const target =
    r.to === undefined
      ? undefined
      : `${r.from !== undefined ? `${idAndTitle(r.from, r.fromTitle)}${r.fromInferred ? ' (assumed)' : ''} → ` : ''}${idAndTitle(r.to, r.toTitle)}`;
  return [r.candidate, r.ladderTitle ?? r.ladder, target, r.cycle && `cycle ${r.cycle}`]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .map(visible)
    .join(' · ');
}

function dimension(d: DimensionReview, level: string, p: Palette, limit: number): string[] {
  const out = [
    `  ${p.bold}${d.title}${p.reset} — ${colourOf(d.status, p)}${d.status}${p.reset} (${d.reasons.join('; ')})${d.line !== undefined ? `${p.dim}  line ${d.line}${p.reset}` : ''}`,
  ];
  if (d.expectations.length > 0) {
    out.push(`    ${p.dim}what ${level} expects:${p.reset}`);
    for (const e of d.expectations) {
      const mark = e.coverage === 'explicit' ? '✓' : e.coverage === 'wording' ? '≈' : '·';
      const where =
        e.coverage === 'none'
          ? ''
          : `${p.dim}  ${e.coverage === 'wording' ? 'by wording: ' : ''}line ${e.lines.join(', ')}${p.reset}`;
      out.push(`      ${mark} ${e.number}. ${clip(e.text, 100)}${where}`);
    }
  }
  if (d.evidence.length > 0) {
    out.push(`    ${p.dim}evidence:${p.reset}`);
    for (const e of d.evidence) {
      const note =
        e.placeholder !== undefined
          ? `  ${p.yellow}placeholder: ${e.placeholder}${p.reset}`
          : e.plan
            ? `  ${p.yellow}unchecked task: a plan, not evidence${p.reset}`
            : e.linked
              ? `${p.dim}  ${e.links.length + e.references.length} link${e.links.length + e.references.length === 1 ? '' : 's'}${p.reset}`
              : `  ${p.yellow}${unlinkedWords(e)}${p.reset}`;
      out.push(
        `      ${p.dim}line ${String(e.line).padEnd(4)}${p.reset} ${clip(e.excerpt, 90)}${note}`,
      );
      for (const c of e.verification ?? []) {
        const colour = c.warnings.length > 0 ? p.yellow : p.dim;
        const why = c.warnings.length > 0 ? ` (${warningWords(c)})` : '';
        out.push(
          `           ${colour}${checkIcon(c)} ${visible(c.key)}: ${describeCheckText(c, limit)}${why}${p.reset}`,
        );
      }
    }
  }
  for (const add of d.toAdd) out.push(`    → ${add}`);
  return out;
}

function findings(list: readonly Diagnostic[], text: string | undefined, p: Palette): string[] {
  return list.map((d) =>
    text === undefined ? diagnosticLine(d, p) : `${diagnosticLine(d, p)}\n${codeFrame(text, d, p)}`,
  );
}

/** One packet's report. `source` is the packet text, for code frames under findings. */
export function formatPacketText(
  r: PacketReview,
  source: string | undefined,
  p: Palette = PLAIN,
): string {
  const lines: string[] = [`${p.bold}${visible(r.path)}${p.reset}`];
  const who = identity(r);
  if (who) lines.push(`  ${who}`);
  // The verdict, then its summary after a dash: "missing: 1 of 10 dimensions evidenced; missing:
  // …" read as if the evidenced dimension were the one missing.
  lines.push(
    `  ${colourOf(r.verdict, p)}${VERDICT_MARK[r.verdict]} ${r.verdict}${p.reset} — ${r.summary}`,
  );
  if (r.dimensions.length > 0) {
    const width = Math.min(32, Math.max(...r.dimensions.map((d) => d.title.length)));
    lines.push('');
    for (const d of r.dimensions) {
      const items = d.evidence.filter((e) => e.placeholder === undefined && !e.plan).length;
      lines.push(
        `  ${colourOf(d.status, p)}${MARK[d.status]}${p.reset} ${clip(d.title, width).padEnd(width)}  ${colourOf(d.status, p)}${d.status.padEnd(9)}${p.reset}  ${String(items).padStart(2)} item${items === 1 ? ' ' : 's'}`,
      );
    }
  }
  if (r.points) {
    const { state, text } = pointsLine(r.points);
    const colour = state === 'met' ? p.blue : state === 'short' ? p.red : p.yellow;
    lines.push(`  ${colour}${POINTS_MARK[state]}${p.reset} ${text}`);
  }
  for (const m of r.milestones) {
    if (m.unread) {
      const need = m.required === undefined ? '' : `: required ${m.required}+`;
      lines.push(`  ? ${m.title}${need} (claims not read: fix the front matter)`);
      continue;
    }
    const claim =
      m.claimed === undefined
        ? 'no claim'
        : `milestone ${m.claimed}${m.points !== undefined ? ` (${m.points} point${m.points === 1 ? '' : 's'})` : ''}`;
    const need =
      m.required === undefined ? '' : `; required: ${m.required}+ (${m.requiredBy.join(', ')})`;
    lines.push(`  ${m.met ? '✓' : '✗'} ${m.title}: ${claim}${need}`);
  }
  const line = verificationLine(r);
  if (line !== undefined) {
    lines.push('', `  On GitHub: ${line}`);
    for (const note of verificationNotes(r)) lines.push(`  ${p.dim}${note}${p.reset}`);
  }
  const level = r.to ?? 'the target level';
  const limit = r.verification?.limit ?? 0;
  for (const d of r.dimensions) lines.push('', ...dimension(d, level, p, limit));
  const todo = r.dimensions.filter((d) => d.status !== 'evidenced');
  if (todo.length > 0) {
    lines.push('', `  ${p.bold}What to add${p.reset}`);
    for (const d of todo) lines.push(`  - ${d.title}: ${d.toAdd.join(' ')}`);
  }
  if (r.findings.length > 0) lines.push('', ...findings(r.findings, source, p));
  return lines.join('\n');
}

/** What the report says when there is nothing to review. */
export const NO_PACKETS_TEXT = 'No promotion packets to review.';

/** The last line: how many packets, and how many of each verdict. */
export function formatReviewTotals(counts: Readonly<VerdictCounts>): string {
  const total = counts.complete + counts.thin + counts.missing + counts.invalid;
  return `${total} packet${total === 1 ? '' : 's'}: ${counts.complete} complete, ${counts.thin} thin, ${counts.missing} missing, ${counts.invalid} invalid.`;
}

/** Every packet's report, then one line of totals. */
export function formatReviewText(
  report: ReviewReport,
  sources: ReadonlyMap<string, string>,
  p: Palette = PLAIN,
): string {
  if (report.packets.length === 0) return NO_PACKETS_TEXT;
  const blocks = report.packets.map((r) => formatPacketText(r, sources.get(r.path), p));
  const counts = noVerdicts();
  for (const r of report.packets) counts[r.verdict] += 1;
  return [...blocks, formatReviewTotals(counts)].join('\n\n');
}
