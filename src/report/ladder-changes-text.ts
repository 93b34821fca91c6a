/**
 * `ladder diff` for a terminal: the verdict, each ladder and ability with its version check and
 * changes (breaking first), every statement change with a word diff in git's `[-old-]{+new+}`
 * style, the packets affected, and who owns what changed.
 */
import { plain, type SummaryItem, summarise } from '../diff/describe';
import type { PacketImpact } from '../diff/impact';
import type { Reviewers } from '../diff/owners';
import type { LadderChanges, VersionCheck } from '../diff/types';
import { plural } from '../markdown/plural';
import type { StatementChange } from '../model/statement-diff';
import { type Palette, PLAIN } from './diagnostics-text';

/** What the text report is about, and how to print it. */
export interface LadderChangesTextOptions {
  /** How the base and head revisions are called, e.g. `abc1234 (merge base with main)`. */
  readonly base?: string;
  readonly head?: string;
  readonly reviewers?: Reviewers;
  readonly palette?: Palette;
}

/** Control characters would let ladder text drive the terminal; show them as `�`. */
function clean(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�').replace(/\s+/g, ' ');
}

function versionLine(v: VersionCheck | undefined, p: Palette): string {
  if (!v) return '';
  const moved =
    v.before === v.after ? `${v.after ?? 'no version'}` : `${v.before ?? '—'} → ${v.after ?? '—'}`;
  const calls = v.required === 'none' ? 'needs no bump' : `calls for ${v.required}`;
  switch (v.status) {
    case 'ok':
      return `version ${moved}, the change ${calls}: ok`;
    case 'not-bumped':
      return `version ${moved}, the change ${calls}: ${p.red}set version: ${v.expected}${p.reset}`;
    case 'new':
      return `new, version ${v.after ?? 'none'}`;
    case 'removed':
      return 'removed';
    case 'unversioned':
      return `not versioned, the change ${calls}`;
  }
}

function statementLines(changes: readonly StatementChange[], p: Palette): string[] {
  return changes.flatMap((c) => {
    if (c.kind === 'added') return [`${p.blue}+ ${clean(c.text)}${p.reset}`];
    if (c.kind === 'removed') return [`${p.red}- ${clean(c.text)}${p.reset}`];
    if (c.kind === 'reworded')
      return [
        `~ ${c.words
          .map((w) =>
            w.kind === 'same'
              ? clean(w.text)
              : w.kind === 'added'
                ? `${p.blue}{+${clean(w.text)}+}${p.reset}`
                : `${p.red}[-${clean(w.text)}-]${p.reset}`,
          )
          .join('')}`,
      ];
    return [];
  });
}

function itemLines(item: SummaryItem, p: Palette): string[] {
  const tag =
    item.impact === 'breaking' ? `${p.red}breaking ${p.reset}` : `${p.dim}editorial${p.reset}`;
  const lines = [`  ${tag} ${clean(plain(item.pieces, false))}`];
  for (const s of statementLines(item.details, p)) lines.push(`              ${s}`);
  return lines;
}

/** The text report of `ladder diff`. */
export function ladderChangesText(
  result: LadderChanges,
  impact: readonly PacketImpact[] = [],
  options: LadderChangesTextOptions = {},
): string {
  const p = options.palette ?? PLAIN;
  const lines: string[] = [];
  const range =
    options.base !== undefined || options.head !== undefined
      ? ` from ${options.base ?? 'the base'} to ${options.head ?? 'the head'}`
      : '';
  lines.push(`${p.bold}Ladder changes${range}${p.reset}`);
  if (result.changes.length === 0) {
    lines.push('', 'No changes to the ladders in ladder terms.');
    return `${lines.join('\n')}\n`;
  }
  const breaking = result.changes.filter((c) => c.impact === 'breaking').length;
  const editorial = result.changes.length - breaking;
  lines.push(
    '',
    `${breaking > 0 ? `${p.red}${plural(breaking, 'breaking change')} for people in flight${p.reset}` : 'No breaking changes'}, ${plural(editorial, 'editorial change')}; ${plural(impact.length, 'packet')} affected.`,
  );
  for (const unit of summarise(result)) {
    const kind = unit.unit.type === 'ability' ? 'ability ' : '';
    lines.push(
      '',
      `${p.bold}${clean(unit.title)}${p.reset} (${kind}${unit.unit.id})  ${versionLine(unit.version, p)}`,
    );
    for (const item of unit.items) lines.push(...itemLines(item, p));
  }
  // Units whose version changed with nothing else.
  for (const v of result.versions)
    if (!result.changes.some((c) => c.unit.type === v.unit.type && c.unit.id === v.unit.id))
      lines.push('', `${p.bold}${clean(v.title)}${p.reset} (${v.unit.id})  ${versionLine(v, p)}`);
  if (impact.length > 0) {
    lines.push('', `${p.bold}Impact on packets${p.reset}`);
    for (const packet of impact) {
      const notes = packet.notes.map((n) => clean(plain(n.pieces, false)));
      const joined =
        notes.length > 1 ? `${notes.slice(0, -1).join('; ')}; and ${notes.at(-1)}` : notes[0];
      const mark = packet.breaking ? `${p.red}!${p.reset} ` : '  ';
      lines.push(
        `${mark}${clean(packet.path)} targets ${packet.ladder} ${packet.level}, which ${joined}.`,
      );
    }
  }
  const r = options.reviewers;
  if (r && r.users.length + r.teams.length > 0)
    lines.push(
      '',
      `Owners of what changed (asked to review on the pull request): ${[...r.users, ...r.teams].join(', ')}`,
    );
  return `${lines.join('\n')}\n`;
}
