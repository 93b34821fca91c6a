/**
 * The "Ladder changes" section of the pull-request comment (and `ladder diff --format
 * markdown`): a verdict, the version table, the changes per ladder and ability (breaking first,
 * long lists and statement detail collapsed), and the packets the change affects. Built as mdast;
 * shortened step by step to stay under a size budget.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { type Piece, type SummaryItem, summarise, type UnitSummary } from '../diff/describe';
import type { PacketImpact } from '../diff/impact';
import type { Reviewers } from '../diff/owners';
import type { LadderChanges, VersionCheck } from '../diff/types';
import { details, type Inline } from '../markdown/builders';
import { plural } from '../markdown/plural';
import {
  code,
  emphasis,
  heading,
  item,
  list,
  paragraph,
  strike,
  strong,
  table,
  text,
} from '../markdown/safe';
import { serialise } from '../markdown/serialise';
import type { StatementChange, WordChange } from '../model/statement-diff';

/** Options of `ladderChangesMarkdown`. */
export interface LadderChangesMarkdownOptions {
  /** Most characters the section may take (default 20,000; a whole comment may take 65,536). */
  readonly maxLength?: number;
  /** Depth of the section's heading (default 2); ladders get the next depth. */
  readonly depth?: 2 | 3;
}

/** How much detail a rendering keeps; each step down is shorter. */
interface Detail {
  readonly statements: 'full' | 'clipped' | 'none';
  /** Most items per ladder, and most packets listed. */
  readonly items: number;
  readonly packets: number;
}

const DETAILS: readonly Detail[] = [
  { statements: 'full', items: Number.POSITIVE_INFINITY, packets: Number.POSITIVE_INFINITY },
  { statements: 'clipped', items: Number.POSITIVE_INFINITY, packets: 100 },
  { statements: 'none', items: 30, packets: 50 },
  { statements: 'none', items: 8, packets: 10 },
  { statements: 'none', items: 0, packets: 0 },
];

/** Editorial items beyond this many are collapsed. */
const VISIBLE_EDITORIAL = 10;

/** Sentence pieces as inline content: ids as code. */
function pieces(list: readonly Piece[]): Inline[] {
  return list.map((p) => (typeof p === 'string' ? p : code(p.code)));
}

/**
 * A rewording: kept words plain, new words bold, dropped words struck through. Spaces stay out
 * of the emphasis (statement-diff puts them in `same` runs), so `**word**` renders as bold.
 */
function words(list: readonly WordChange[]): PhrasingContent[] {
  return list
    .filter((w) => w.text.trim() !== '' || w.kind === 'same')
    .map((w) =>
      w.kind === 'same' ? text(w.text) : w.kind === 'added' ? strong(w.text) : strike(w.text),
    );
}

function clip(value: string, detail: Detail): string {
  return detail.statements === 'clipped' && value.length > 300 ? `${value.slice(0, 299)}…` : value;
}

function versionCells(v: VersionCheck | undefined): Inline[][] {
  if (!v) return [['—'], ['—'], ['']];
  const from = v.before ?? '—';
  const to = v.after ?? '—';
  const moved: Inline[] = v.before === v.after ? [v.after ?? 'none'] : [`${from} → ${to}`];
  if (v.status === 'new') return [[v.after ?? 'none'], ['—'], ['new']];
  if (v.status === 'removed') return [[v.before ?? 'none'], ['—'], ['removed']];
  const calls: Inline[] = [v.required === 'none' ? 'no bump' : v.required];
  const status: Record<VersionCheck['status'], Inline[]> = {
    ok: ['✅ bumped'],
    'not-bumped': ['⛔ set ', code(`version: ${v.expected ?? ''}`)],
    new: ['new'],
    removed: ['removed'],
    unversioned: ['not versioned'],
  };
  return [moved, calls, status[v.status]];
}

function statementItems(changes: readonly StatementChange[], detail: Detail): Inline[][] {
  return changes.flatMap((c): Inline[][] => {
    if (c.kind === 'added') return [[emphasis('Added:'), ' ', clip(c.text, detail)]];
    if (c.kind === 'removed') return [[emphasis('Removed:'), ' ', clip(c.text, detail)]];
    if (c.kind === 'reworded') {
      const long = c.before.length + c.after.length > 600;
      return detail.statements === 'clipped' && long
        ? [[emphasis('Reworded:'), ' ', clip(c.after, detail)]]
        : [[emphasis('Reworded:'), ' ', ...words(c.words)]];
    }
    return [];
  });
}

function itemInline(item: SummaryItem): Inline[] {
  const text = pieces(item.pieces);
  return item.impact === 'breaking' ? ['⚠️ ', strong('Breaking:'), ' ', ...text] : text;
}

function unitBlocks(unit: UnitSummary, depth: 3 | 4, detail: Detail): RootContent[] {
  const blocks: RootContent[] = [];
  const label = unit.unit.type === 'ability' ? 'Ability: ' : '';
  blocks.push(heading(depth, `${label}${unit.title} (`, code(unit.unit.id), ')'));
  const shown = unit.items.slice(0, detail.items);
  const hidden = unit.items.length - shown.length;
  const breaking = shown.filter((i) => i.impact === 'breaking');
  const editorial = shown.filter((i) => i.impact !== 'breaking');
  const visible = [...breaking, ...editorial.slice(0, VISIBLE_EDITORIAL)];
  const collapsed = editorial.slice(VISIBLE_EDITORIAL);
  if (visible.length > 0) blocks.push(list(visible.map(itemInline)));
  if (collapsed.length > 0)
    blocks.push(
      ...details(
        `${plural(collapsed.length, 'more editorial change')}`,
        [list(collapsed.map(itemInline))],
        'block',
      ),
    );
  if (hidden > 0)
    blocks.push(
      paragraph(
        emphasis(`…and ${plural(hidden, 'more change')}; run`),
        ' ',
        code('npx ladder diff'),
        ' ',
        emphasis('to see them all.'),
      ),
    );
  if (detail.statements !== 'none') {
    const withDetail = shown.filter((i) => i.details.length > 0);
    const count = withDetail.reduce((n, i) => n + i.details.length, 0);
    if (count > 0) {
      const nested = withDetail.map((i) =>
        item(pieces(i.pieces), list(statementItems(i.details, detail))),
      );
      blocks.push(
        ...details(`The ${plural(count, 'statement')} in detail`, [list(nested)], 'block'),
      );
    }
  }
  return blocks;
}

function impactBlocks(
  impact: readonly PacketImpact[],
  depth: 3 | 4,
  detail: Detail,
): RootContent[] {
  if (impact.length === 0) return [];
  const shown = impact.slice(0, detail.packets);
  const items = shown.map((p): Inline[] => {
    const clauses: Inline[] = [];
    p.notes.forEach((n, i) => {
      if (i > 0) clauses.push(i === p.notes.length - 1 ? '; and ' : '; ');
      clauses.push(...pieces(n.pieces));
    });
    return [
      ...(p.breaking ? ['⚠️ '] : []),
      code(p.path),
      ' targets ',
      code(p.ladder),
      ' ',
      code(p.level),
      ', which ',
      ...clauses,
      '.',
    ];
  });
  const blocks: RootContent[] = [heading(depth, 'Impact on packets')];
  if (items.length > 0) blocks.push(list(items));
  const hidden = impact.length - shown.length;
  if (hidden > 0) blocks.push(paragraph(emphasis(`…and ${plural(hidden, 'more packet')}.`)));
  return blocks;
}

function render(
  result: LadderChanges,
  impact: readonly PacketImpact[],
  depth: 2 | 3,
  detail: Detail,
  shortened: boolean,
): string {
  const sub = (depth + 1) as 3 | 4;
  const units = summarise(result);
  const blocks: RootContent[] = [heading(depth, 'Ladder changes')];
  if (result.changes.length === 0) {
    blocks.push(paragraph('No changes to the ladders in ladder terms.'));
    return serialise(blocks);
  }
  const breaking = result.changes.filter((c) => c.impact === 'breaking').length;
  const editorial = result.changes.length - breaking;
  const affected = impact.length > 0 ? ` ${plural(impact.length, 'packet')} affected.` : '';
  blocks.push(
    paragraph(
      breaking > 0
        ? strong(`⚠️ ${plural(breaking, 'breaking change')} for people in flight`)
        : strong('No breaking changes'),
      `, ${plural(editorial, 'editorial change')}.${affected}`,
    ),
  );
  const missing = result.versions.filter((v) => v.status === 'not-bumped');
  if (missing.length > 0)
    blocks.push(
      paragraph(
        '⛔ ',
        strong(`${plural(missing.length, 'version needs', 'versions need')} a bump:`),
        ' ',
        ...missing.flatMap((v, i): Inline[] => [
          ...(i > 0 ? [', '] : []),
          code(v.unit.id),
          ` ${v.before ?? ''} → `,
          code(v.expected ?? ''),
        ]),
        '.',
      ),
    );
  if (result.versions.length > 0)
    blocks.push(
      table(
        ['', 'version', 'the change calls for', ''],
        result.versions.map((v) => [
          [`${v.title} (`, code(v.unit.id), v.unit.type === 'ability' ? ', ability)' : ')'],
          ...versionCells(v),
        ]),
      ),
    );
  for (const unit of units) blocks.push(...unitBlocks(unit, sub, detail));
  blocks.push(...impactBlocks(impact, sub, detail));
  if (shortened)
    blocks.push(
      paragraph(
        emphasis('Shortened to fit in a comment; run'),
        ' ',
        code('npx ladder diff'),
        ' ',
        emphasis('for everything.'),
      ),
    );
  return serialise(blocks);
}

/**
 * The "Ladder changes" section as Markdown, safe to post: no mentions, no raw HTML from the
 * ladders, and at most `maxLength` characters.
 */
export function ladderChangesMarkdown(
  result: LadderChanges,
  impact: readonly PacketImpact[] = [],
  options: LadderChangesMarkdownOptions = {},
): string {
  const maxLength = options.maxLength ?? 20_000;
  const depth = options.depth ?? 2;
  let out = '';
  for (const [i, detail] of DETAILS.entries()) {
    out = render(result, impact, depth, detail, i > 0);
    if (out.length <= maxLength) return out;
  }
  // Even the shortest rendering is too long (thousands of versioned units): cut at a line.
  const cut = out.lastIndexOf('\n', maxLength - 80);
  return `${out.slice(0, Math.max(0, cut))}\n\n_Shortened to fit in a comment; run \`npx ladder diff\` for everything._\n`;
}

/**
 * One line naming the owners of what changed, as code spans so that nobody is pinged (the
 * action asks them through review requests instead); empty when there are none.
 */
export function ownersMarkdown(reviewers: Reviewers, requested: boolean): string {
  const all = [...reviewers.users, ...reviewers.teams];
  if (all.length === 0) return '';
  return serialise([
    paragraph(
      strong('Owners of what changed:'),
      ' ',
      ...all.flatMap((o, i): Inline[] => [...(i > 0 ? [', '] : []), code(o)]),
      requested ? '; review is requested from those the base branch names.' : '.',
    ),
  ]);
}

/**
 * The "Ladder changes" section of the pull-request comment and its owners line, as the comment
 * joins them (and `ladder diff --format markdown` prints them): the changes, then who owns them.
 */
export function ladderChangesSection(
  result: LadderChanges,
  impact: readonly PacketImpact[],
  reviewers: Reviewers,
  options: LadderChangesMarkdownOptions & { readonly requested: boolean },
): string[] {
  return [
    ladderChangesMarkdown(result, impact, options),
    ownersMarkdown(reviewers, options.requested),
  ].filter((s) => s !== '');
}

/**
 * The "Ladder changes" section when one side does not validate, so there is nothing to compare:
 * which side, and what to do.
 */
export function ladderChangesUnavailable(
  sides: readonly ('base' | 'head')[],
  options: Pick<LadderChangesMarkdownOptions, 'depth'> = {},
): string {
  const head = sides.includes('head');
  return serialise([
    heading(options.depth ?? 2, 'Ladder changes'),
    paragraph(
      head
        ? 'The ladders of this pull request do not validate yet, so the change cannot be described in ladder terms; fix the problems listed above and the changes appear here.'
        : 'The ladders on the base branch do not validate, so this change cannot be compared with them in ladder terms; run ',
      ...(head ? [] : [code('npx ladder validate'), ' on the base branch to see why.']),
    ),
  ]);
}
