/**
 * The body of the one pull-request comment the action keeps up to date: a review of every packet
 * the PR changes, the ladder problems it introduces, and sections other stages add. Built as
 * mdast and serialised, so user text is always escaped text; the only raw HTML is ours
 * (`<details>`, `<summary>`, the marker). The body never exceeds GitHub's 65,536 characters: when
 * the full version is over 60,000 it sheds detail step by step and says so.
 */
import type { RootContent, Table } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { oneLine } from '../markdown/builders';
import { plural } from '../markdown/plural';
import { code, emphasis, heading, message, paragraph, table } from '../markdown/safe';
import { serialise } from '../markdown/serialise';
import type { ReviewReport } from '../review/index';
import {
  type Detail,
  FULL_DETAIL,
  findingList,
  type LineLinker,
  lineLinker,
  packetHeader,
  packetSection,
  verdictIcon,
} from './review-markdown';

/** The hidden marker the action finds its comment by. Only the first line of a body carries it. */
export const COMMENT_MARKER = '<!-- ladder-as-code:pr-comment -->';

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536;

/** What the comment aims to stay under, leaving room for what GitHub adds. */
export const COMMENT_TARGET = 60_000;

/** What the comment reports on. */
export interface CommentInput {
  /** Reviews of the packets changed in the pull request. */
  readonly review?: ReviewReport;
  /** Problems in the ladder files the pull request changes. */
  readonly ladderDiagnostics?: readonly Diagnostic[];
  /** Blob URL at the head commit, e.g. `https://github.com/o/r/blob/<sha>/`; links go to `${blobBase}${path}#L12`. */
  readonly blobBase?: string;
  /** Sections of already-safe Markdown appended after the reviews (e.g. the ladder diff). */
  readonly extraSections?: readonly string[];
}

/** Ever shorter versions of the per-packet detail, tried in order. */
const DETAIL_STEPS: readonly { readonly detail: Detail; readonly ladderRows: number }[] = [
  { detail: FULL_DETAIL, ladderRows: 50 },
  { detail: { ...FULL_DETAIL, excerpts: false }, ladderRows: 50 },
  { detail: { excerpts: false, details: 'open', table: true, findings: 10 }, ladderRows: 20 },
  { detail: { excerpts: false, details: 'none', table: true, findings: 5 }, ladderRows: 10 },
  { detail: { excerpts: false, details: 'none', table: false, findings: 0 }, ladderRows: 5 },
];

const FOOTER =
  'Ladder as Code updates this comment on every push. Findings also appear as annotations on the files; run `npx ladder review <packet>` for the same report locally.';

/** Composes the comment body. Starts with COMMENT_MARKER; never longer than COMMENT_LIMIT. */
export function composeComment(input: CommentInput): string {
  const packets = input.review?.packets ?? [];
  const ladder = input.ladderDiagnostics ?? [];
  const link = lineLinker(input.blobBase);
  let extras = (input.extraSections ?? []).map((s) => s.trim()).filter((s) => s !== '');
  let extrasNote: string | undefined;
  if (extras.join('\n\n').length > COMMENT_TARGET / 2) {
    extras = [];
    extrasNote =
      'The ladder change summary was too long for a comment and was left out; it is in the workflow run’s summary.';
  }
  if (packets.length === 0 && ladder.length === 0 && extras.length === 0) {
    return finish(
      serialise([
        heading(2, 'Ladder as Code'),
        paragraph('No promotion packets or ladder changes in this pull request any more.'),
      ]),
      [],
    );
  }
  for (const [step, { detail, ladderRows }] of DETAIL_STEPS.entries()) {
    const note = step === 0 ? extrasNote : shortenedNote(extrasNote);
    const before = serialise([...head(note), ...(packets.length > 1 ? [overview(packets)] : [])]);
    const after = serialise(ladderSection(ladder, link, ladderRows));
    // Each packet section starts with a heading, so sections serialised apart join cleanly; a
    // step is abandoned as soon as it is over budget, without serialising the rest.
    let size = finish('', extras).length + before.length + after.length;
    const parts: string[] = [];
    for (const p of packets) {
      if (size > COMMENT_TARGET) break;
      const part = serialise(packetSection(p, link, detail, 3)).trimEnd();
      size += part.length + 2;
      parts.push(part);
    }
    if (size <= COMMENT_TARGET)
      return finish(
        [before, ...parts, after]
          .map((x) => x.trimEnd())
          .filter((x) => x !== '')
          .join('\n\n'),
        extras,
      );
  }
  return compact(packets, ladder, link, extras, extrasNote);
}

/** The last resort: a heading and verdict per packet until the budget is spent. */
function compact(
  packets: ReviewReport['packets'],
  ladder: readonly Diagnostic[],
  link: LineLinker,
  extras: readonly string[],
  extrasNote: string | undefined,
): string {
  const before = serialise(head(shortenedNote(extrasNote)));
  const after = serialise(ladderSection(ladder, link, 5));
  let budget = COMMENT_TARGET - finish('', extras).length - before.length - after.length - 500;
  const shown: string[] = [];
  let hidden = 0;
  for (const p of packets) {
    const part = serialise(packetHeader(p, 3)).trimEnd();
    if (part.length + 2 > budget) {
      hidden += 1;
      continue;
    }
    budget -= part.length + 2;
    shown.push(part);
  }
  const more =
    hidden > 0
      ? serialise([
          paragraph(
            `…and ${plural(hidden, 'more packet')} not shown here; run `,
            code('npx ladder review'),
            ' for all of them.',
          ),
        ])
      : '';
  const body = finish(
    [before, ...shown, more, after]
      .map((x) => x.trimEnd())
      .filter((x) => x !== '')
      .join('\n\n'),
    extras,
  );
  return body.length <= COMMENT_LIMIT
    ? body
    : `${body.slice(0, COMMENT_LIMIT - 200)}\n\n…(cut to fit GitHub's comment size limit)\n`;
}

function shortenedNote(extra: string | undefined): string {
  return `This comment was shortened to fit GitHub's comment size limit: some details, excerpts or findings are left out.${extra ? ` ${extra}` : ''} Run \`npx ladder review\` for the full report.`;
}

function head(note: string | undefined): RootContent[] {
  const nodes: RootContent[] = [heading(2, 'Ladder as Code review')];
  if (note !== undefined)
    nodes.push({ type: 'blockquote', children: [paragraph(...message(note))] });
  return nodes;
}

function overview(packets: ReviewReport['packets']): Table {
  return table(
    ['Packet', 'Candidate', 'Target', 'Verdict'],
    packets
      .slice(0, 100)
      .map((p) => [
        [code(oneLine(p.path, 120))],
        [oneLine(p.candidate ?? '—', 60)],
        [oneLine([p.ladder, p.to].filter((x) => x !== undefined).join(' ') || '—', 60)],
        [`${verdictIcon(p.verdict)} ${oneLine(p.summary, 160)}`],
      ]),
  );
}

function ladderSection(
  diagnostics: readonly Diagnostic[],
  link: LineLinker,
  max: number,
): RootContent[] {
  if (diagnostics.length === 0) return [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const nodes: RootContent[] = [
    heading(
      3,
      `Ladder problems (${plural(errors, 'error')}, ${diagnostics.length - errors} other)`,
    ),
  ];
  // Each diagnostic names its own file, so the list links to that file rather than a packet.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  let left = max;
  for (const [file, list] of byFile) {
    if (left <= 0) break;
    const shown = list.slice(0, left);
    left -= shown.length;
    nodes.push(paragraph(code(file)));
    const items = findingList(shown, file, link, shown.length, 3).filter(
      (n) => n.type !== 'heading',
    );
    nodes.push(...items);
  }
  if (diagnostics.length > max)
    nodes.push(
      paragraph(
        `…and ${diagnostics.length - max} more; run `,
        code('npx ladder validate'),
        ' to see them all.',
      ),
    );
  return nodes;
}

/** Marker, body, extra sections, footer; then a last guard that nothing else opens a comment. */
function finish(main: string, extras: readonly string[]): string {
  const footer = serialise([
    { type: 'thematicBreak' },
    paragraph(emphasis(...message(FOOTER))),
  ]).trimEnd();
  const rest = [main.trimEnd(), ...extras, footer]
    .filter((x) => x !== '')
    .join('\n\n')
    .replaceAll('<!--', '&lt;!--');
  return `${COMMENT_MARKER}\n\n${rest}\n`;
}
