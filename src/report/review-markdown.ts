/**
 * One packet's review as Markdown (mdast): verdict, table, per-dimension details, what to add,
 * findings. Packet text appears only as short excerpts; evidence links point at the packet's
 * lines. `detail` lets the comment shed weight when it would be too long.
 */

import type { BlockContent, RootContent, Table } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { details, type Inline, oneLine } from '../markdown/builders';
import { plural } from '../markdown/plural';
import { code, heading, list, message, paragraph, strong, table } from '../markdown/safe';
import { idAndTitle } from '../model/levels';
import type {
  DimensionReview,
  DimensionStatus,
  PacketReview,
  PacketVerdict,
} from '../review/index';
import { describeCheck } from '../verify/judge';
import type { LinkCheck } from '../verify/types';
import { unlinkedWords } from './evidence-words';
import { joinLines, type LineLinker, lineRef } from './line-links';
import { pointsLine } from './points-words';
import { checkIcon, verificationLine, verificationNotes, warningWords } from './verification-words';

export { type LineLinker, lineLinker } from './line-links';

/** How much of a packet review to show. */
export interface Detail {
  /** Quote short excerpts of evidence items. */
  readonly excerpts: boolean;
  /** Per-dimension `<details>`: for every dimension, for those not evidenced, or none. */
  readonly details: 'all' | 'open' | 'none';
  /** The dimension table and the "what to add" list. */
  readonly table: boolean;
  /** Findings listed (errors and warnings first). */
  readonly findings: number;
}

/** Everything. */
export const FULL_DETAIL: Detail = { excerpts: true, details: 'all', table: true, findings: 30 };

/** Characters of packet text quoted per evidence item in a comment. */
export const EXCERPT_CHARS = 80;

const VERDICT_ICON: Readonly<Record<PacketVerdict, string>> = {
  complete: '✅',
  thin: '🟡',
  missing: '❌',
  invalid: '⛔',
};

const STATUS_ICON: Readonly<Record<DimensionStatus, string>> = {
  evidenced: '✅',
  thin: '🟡',
  missing: '❌',
};

const POINTS_ICON = { met: '✅', short: '❌', over: '⚠️' } as const;

const SEVERITY_ICON = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const;

/** The icon of a verdict, for tables. */
export function verdictIcon(verdict: PacketVerdict): string {
  return VERDICT_ICON[verdict];
}

/** "L2 SRE → L3 Senior SRE" and the rest of the packet's identity line. */
function identity(review: PacketReview): Inline[] {
  const out: Inline[] = [];
  if (review.candidate !== undefined) out.push(strong(oneLine(review.candidate, 100)));
  const target =
    review.to === undefined
      ? undefined
      : `${review.from !== undefined ? `${idAndTitle(review.from, review.fromTitle)}${review.fromInferred ? ' (assumed)' : ''} → ` : ''}${idAndTitle(review.to, review.toTitle)}`;
  const parts = [
    review.ladderTitle ?? review.ladder,
    target,
    review.cycle === undefined ? undefined : `cycle ${review.cycle}`,
  ].filter((p): p is string => p !== undefined);
  if (parts.length > 0)
    out.push(`${out.length > 0 ? ' · ' : ''}${oneLine(parts.join(' · '), 300)}`);
  return out;
}

/** The heading, identity and verdict of a packet: what even the shortest comment shows. */
export function packetHeader(review: PacketReview, depth: 2 | 3): RootContent[] {
  const nodes: RootContent[] = [
    heading(depth, `${VERDICT_ICON[review.verdict]} `, code(review.path)),
  ];
  const who = identity(review);
  if (who.length > 0) nodes.push(paragraph(...who));
  nodes.push(paragraph(strong(review.summary)));
  if (review.verdict === 'complete') nodes.push(paragraph(completeLine(review)));
  return nodes;
}

/** What has evidence, by what the rows stand for. */
const COMPLETE: Readonly<Record<PacketReview['unit'], string>> = {
  dimension: 'Every required dimension has evidence with a link.',
  ability: 'Every required ability has evidence with a link.',
  section: 'The level has evidence with a link.',
};

/**
 * The sentence under a complete packet's verdict: over to the reviewers, and first to its
 * warnings (a skipped level, a link reused, a points total above the role), which a reader who
 * stops at "complete" would miss.
 */
function completeLine(review: PacketReview): string {
  const warnings = review.findings.filter((f) => f.severity === 'warning').length;
  const next =
    warnings === 0
      ? 'Over to the reviewers.'
      : `Over to the reviewers; read the ${plural(warnings, 'warning')} under Findings first.`;
  return `${COMPLETE[review.unit]} ${next}`;
}

/** The whole section of one packet. */
export function packetSection(
  review: PacketReview,
  link: LineLinker,
  detail: Detail,
  depth: 2 | 3,
): RootContent[] {
  const nodes = packetHeader(review, depth);
  const level = review.to ?? 'the target level';
  if (detail.table && review.dimensions.length > 0) nodes.push(dimensionTable(review, level));
  if (review.points) {
    const { state, text: line } = pointsLine(review.points);
    nodes.push(paragraph(strong(line), ` ${POINTS_ICON[state]}`));
  }
  if (review.milestones.length > 0) nodes.push(milestoneList(review));
  nodes.push(...verificationSection(review, link, detail));
  if (detail.details !== 'none') {
    for (const d of review.dimensions) {
      if (detail.details === 'open' && d.status === 'evidenced') continue;
      nodes.push(...dimensionDetails(review, d, link, detail, level));
    }
  }
  if (detail.table) nodes.push(...whatToAdd(review, link, depth));
  nodes.push(...findingList(review.findings, review.path, link, detail.findings, depth));
  return nodes;
}

/** The first column's header: what the rows stand for. */
const UNIT_HEADER: Readonly<Record<PacketReview['unit'], string>> = {
  dimension: 'Dimension',
  ability: 'Ability',
  section: 'Section',
};

/** A dimension's evidence items: those that count, placeholders, and unchecked tasks (plans). */
function evidenceCounts(d: DimensionReview): { real: number; placeholders: number; plans: number } {
  const placeholders = d.evidence.filter((e) => e.placeholder !== undefined).length;
  const plans = d.evidence.filter((e) => e.placeholder === undefined && e.plan).length;
  return { real: d.evidence.length - placeholders - plans, placeholders, plans };
}

function dimensionTable(review: PacketReview, level: string): Table {
  const verified = review.verification !== undefined;
  return table(
    [
      UNIT_HEADER[review.unit],
      'Status',
      { header: ['Evidence'], align: 'right' },
      ...(verified ? [{ header: ['Verified on GitHub'], align: 'right' } as const] : []),
      `What ${level} expects`,
    ],
    review.dimensions.map((d) => {
      const { real } = evidenceCounts(d);
      return [
        [oneLine(d.title, 80)],
        [`${STATUS_ICON[d.status]} ${d.status}`],
        [String(real)],
        ...(verified ? [[`${d.verified ?? 0} of ${real}`]] : []),
        [expectsInOneLine(d)],
      ];
    }),
  );
}

/** A link's status: its icon and plain words, logins as code (never a mention). */
function checkNodes(check: LinkCheck, limit: number, named: boolean): Inline[] {
  const out: Inline[] = [`${checkIcon(check)} `];
  if (named) out.push(code(check.key), ': ');
  for (const part of describeCheck(check, limit))
    out.push('login' in part ? code(part.login) : part.text);
  return out;
}

/** What GitHub confirms of the packet: a line of counts, the warnings, and notes. */
function verificationSection(
  review: PacketReview,
  link: LineLinker,
  detail: Detail,
): RootContent[] {
  const line = verificationLine(review);
  if (line === undefined) return [];
  const nodes: RootContent[] = [paragraph(strong('On GitHub:'), ` ${line}`)];
  const warnings: Inline[][] = [];
  for (const d of review.dimensions)
    for (const e of d.evidence)
      for (const c of e.verification ?? [])
        if (c.warnings.length > 0)
          warnings.push([
            '⚠️ ',
            lineRef(link, review.path, e.line),
            ` (${oneLine(d.title, 80)}) `,
            code(c.key),
            `: ${warningWords(c)}.`,
          ]);
  const max = detail.findings > 0 ? detail.findings : 5;
  if (warnings.length > 0) nodes.push(list(warnings.slice(0, max)));
  if (warnings.length > max)
    nodes.push(paragraph(`…and ${warnings.length - max} more links with warnings.`));
  const notes = verificationNotes(review);
  if (notes.length > 0 && detail.table) nodes.push(paragraph(...message(notes.join(' '))));
  return nodes;
}

function expectsInOneLine(d: DimensionReview): string {
  const first = d.expectations[0];
  if (!first) return '—';
  const more = d.expectations.length - 1;
  return `${oneLine(first.text, 90)}${more > 0 ? ` (+${more} more)` : ''}`;
}

function milestoneList(review: PacketReview): BlockContent {
  return list(
    review.milestones.map((m) => {
      if (m.unread) {
        const need = m.required === undefined ? '' : `: required ${m.required}+`;
        return [strong(oneLine(m.title, 80)), `${need} (claims not read: fix the front matter)`];
      }
      const claim =
        m.claimed === undefined
          ? 'no milestone claimed'
          : `milestone ${m.claimed} claimed${m.points !== undefined ? ` (${plural(m.points, 'point')})` : ''}`;
      const need =
        m.required === undefined ? '' : `; required: ${m.required}+ (${m.requiredBy.join(', ')})`;
      return [strong(oneLine(m.title, 80)), `: ${claim}${need} ${m.met ? '✅' : '❌'}`];
    }),
  );
}

function dimensionDetails(
  review: PacketReview,
  d: DimensionReview,
  link: LineLinker,
  detail: Detail,
  level: string,
): RootContent[] {
  const { real, placeholders, plans } = evidenceCounts(d);
  const summary = `${STATUS_ICON[d.status]} ${oneLine(d.title, 80)}: ${d.status} (${oneLine(d.reasons.join('; '), 200)})`;
  const nodes: RootContent[] = [];
  if (d.expectations.length > 0) {
    nodes.push(paragraph(strong(`What ${idAndTitle(level, review.toTitle, 'brackets')} expects`)));
    nodes.push(
      list(
        d.expectations.map((e) => {
          const mark = e.coverage === 'none' ? '⬜' : '✅';
          const children: Inline[] = [`${mark} ${e.number}. ${oneLine(e.text, 400)}`];
          if (e.coverage !== 'none') {
            children.push(e.coverage === 'explicit' ? ' — ' : ' — probably, by wording: ');
            children.push(...joinLines(link, review.path, e.lines));
          }
          return children;
        }),
      ),
    );
  }
  if (d.evidence.length > 0) {
    // The list shows placeholders and plans too; the count says which of them count.
    const counted = [
      plural(real, 'item'),
      ...(placeholders > 0 ? [plural(placeholders, 'placeholder')] : []),
      ...(plans > 0 ? [plural(plans, 'unchecked task')] : []),
    ];
    nodes.push(paragraph(strong(`Evidence found (${counted.join(', ')})`)));
    nodes.push(
      list(
        d.evidence.slice(0, 25).map((e) => {
          const children: Inline[] = [
            lineRef(link, review.path, e.line, `Line ${e.line}`, e.endLine),
          ];
          if (detail.excerpts && e.excerpt !== '')
            children.push(`: “${oneLine(e.excerpt, EXCERPT_CHARS)}”`);
          if (e.placeholder !== undefined)
            children.push(` — ⚠️ placeholder: ${oneLine(e.placeholder, 120)}`);
          else if (e.plan) children.push(' — unchecked task: a plan, not evidence');
          else if (!e.linked) children.push(` — ${unlinkedWords(e)}`);
          const checks = e.verification ?? [];
          checks.slice(0, 5).forEach((c, i) => {
            children.push(i === 0 ? ' — ' : '; ');
            children.push(...checkNodes(c, review.verification?.limit ?? 0, checks.length > 1));
          });
          if (checks.length > 5) children.push(`; and ${checks.length - 5} more links`);
          return children;
        }),
      ),
    );
    if (d.evidence.length > 25) nodes.push(paragraph(`…and ${d.evidence.length - 25} more items.`));
  }
  if (d.toAdd.length > 0) {
    nodes.push(paragraph(strong('To add')));
    nodes.push(list(d.toAdd.map((t) => message(t))));
  }
  return details(summary, nodes);
}

function whatToAdd(review: PacketReview, link: LineLinker, depth: 2 | 3): RootContent[] {
  const items: Inline[][] = [];
  for (const d of review.dimensions) {
    if (d.status === 'evidenced') continue;
    const where = d.line !== undefined ? [' (', lineRef(link, review.path, d.line), ')'] : [];
    items.push([strong(oneLine(d.title, 80)), ...where, ': ', ...message(d.toAdd.join(' '))]);
  }
  const open = review.dimensions.flatMap((d) =>
    d.status === 'missing'
      ? []
      : d.expectations.filter((e) => e.coverage === 'none').map((e) => `${d.title} ${e.number}`),
  );
  if (open.length > 0) {
    items.push([
      `Optional: no item addresses ${oneLine(open.join(', '), 400)} yet; add evidence for ${open.length === 1 ? 'it' : 'them'}, or mark an item with `,
      code('(addresses: N)'),
      '.',
    ]);
  }
  const fix = review.findings.filter((f) => f.severity === 'error');
  if (review.verdict === 'invalid' && fix.length > 0)
    items.unshift([`Fix the ${plural(fix.length, 'error')} listed under Findings first.`]);
  if (items.length === 0) return [];
  return [heading((depth + 1) as 3 | 4, 'What to add'), list(items)];
}

/** Findings as a list: errors and warnings shown, notes folded away, at most `max` each. */
export function findingList(
  findings: readonly Diagnostic[],
  path: string,
  link: LineLinker,
  max: number,
  depth: 2 | 3,
): RootContent[] {
  if (max <= 0 || findings.length === 0) return [];
  const row = (f: Diagnostic): Inline[] => [
    `${SEVERITY_ICON[f.severity]} `,
    lineRef(link, f.file === path ? path : f.file, f.line, `line ${f.line}`),
    ' ',
    code(f.code),
    ': ',
    ...(f.quote === undefined ? [] : [`“${oneLine(f.quote, 80)}” — `]),
    ...message(oneLine(f.message, 400)),
  ];
  const serious = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info');
  const nodes: RootContent[] = [];
  if (serious.length > 0) {
    nodes.push(heading((depth + 1) as 3 | 4, 'Findings'));
    nodes.push(list(serious.slice(0, max).map(row)));
    if (serious.length > max)
      nodes.push(
        paragraph(`…and ${serious.length - max} more; they appear as annotations on the packet.`),
      );
  }
  if (notes.length > 0) {
    const more = notes.length > max ? [paragraph(`…and ${notes.length - max} more.`)] : [];
    nodes.push(
      ...details(`Notes (${notes.length})`, [list(notes.slice(0, max).map(row)), ...more]),
    );
  }
  return nodes;
}
