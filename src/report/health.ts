/**
 * The health report as Markdown (`ladder health --format markdown`, the job summary, and the
 * health page of `ladder render`): per ladder a panel in the manner of seed 002's
 * "Configuration Health" (✅ ⚠️ ℹ️ ⛔️ lines), then tables of its levels and dimensions, the
 * abilities, and every warning.
 */
import type { RootContent } from 'mdast';
import type { Health, HealthEntry } from '../health/health';
import type { Inline } from '../markdown/builders';
import { plural } from '../markdown/plural';
import { code, heading, list, message, paragraph, table } from '../markdown/safe';
import { serialise } from '../markdown/serialise';

/** Options of `healthMarkdown`. */
export interface HealthMarkdownOptions {
  /** Depth of the report's heading (default 2). */
  readonly depth?: 1 | 2;
}

/** "3 days ago", "5 months ago", "almost 5 years ago"; "after the report date" when negative. */
export function describeAge(days: number): string {
  if (days < 0) return 'after the report date';
  if (days < 1) return 'today';
  if (days < 45) return `${plural(days, 'day')} ago`;
  if (days < 365) return `${plural(Math.round(days / 30.44), 'month')} ago`;
  const years = days / 365.25;
  const whole = Math.floor(years);
  const fraction = years - whole;
  if (fraction < 0.25) return `about ${plural(whole, 'year')} ago`;
  if (fraction < 0.75) return `over ${plural(whole, 'year')} ago`;
  return `almost ${plural(whole + 1, 'year')} ago`;
}

function lastChanged(e: HealthEntry): string {
  return e.lastChanged === undefined || e.ageDays === undefined
    ? 'unknown'
    : `${e.lastChanged} (${describeAge(e.ageDays)})`;
}

function stale(e: HealthEntry): boolean {
  return e.warnings.some((w) => w.code === 'stale-content');
}

function status(e: HealthEntry): string {
  const codes = new Set(e.warnings.map((w) => w.code));
  const parts = [
    codes.has('stale-content') ? '⛔️ stale' : '',
    codes.has('never-evidenced') ? '⚠️ never evidenced' : '',
    codes.has('missing-expectations') ? '⚠️ expectations missing' : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : '✅';
}

/** The seed-002 style panel lines of an entry. */
function panel(e: HealthEntry, noun: string): Inline[][] {
  const lines: Inline[][] = [];
  const { roles, levels } = e.referencedBy;
  if (e.kind === 'ability') {
    lines.push([
      roles > 0 ? `✅ Associated with ${plural(roles, 'role')}` : 'ℹ️ Associated with no role',
    ]);
    if (levels > 0) lines.push([`✅ Required by ${plural(levels, 'level')}`]);
    lines.push([
      e.observations > 0
        ? `✅ Claimed in ${plural(e.observations, 'packet')}`
        : '⚠️ Has been referenced in no observations',
    ]);
    lines.push([
      e.reached > 0
        ? `✅ Achieved in ${plural(e.reached, 'merged packet')} with a complete review`
        : 'ℹ️ No one has achieved a milestone on this ability',
    ]);
  } else {
    lines.push([
      roles > 0 ? `✅ Associated with ${plural(roles, 'role')}` : 'ℹ️ Associated with no role',
    ]);
    if (levels > 0) lines.push([`✅ Other ladders lead into it from ${plural(levels, 'level')}`]);
    lines.push([
      e.observations > 0
        ? `✅ ${plural(e.observations, 'packet')} in the repository`
        : `⚠️ No packets for this ${noun} yet`,
    ]);
    lines.push([
      e.reached > 0
        ? `✅ Reached in ${plural(e.reached, 'merged packet')} with a complete review`
        : `ℹ️ No one has reached a level of this ${noun} yet`,
    ]);
  }
  lines.push([`${stale(e) ? '⛔️' : e.lastChanged ? '✅' : 'ℹ️'} Last updated: ${lastChanged(e)}`]);
  return lines;
}

/** The health report as Markdown, safe to publish (no mentions, no raw HTML from ladders). */
export function healthMarkdown(health: Health, options: HealthMarkdownOptions = {}): string {
  const depth = options.depth ?? 2;
  const sub = (depth + 1) as 2 | 3;
  const blocks: RootContent[] = [heading(depth, 'Ladder health')];
  const warnings = health.diagnostics.length;
  blocks.push(
    paragraph(
      `Checked on ${health.generatedAt} against ${plural(health.packets.total, 'packet')} (${health.packets.merged} merged, ${health.packets.reached} of them with a complete review: only those count as reached). Content counts as stale after ${health.staleAfterDays} days. `,
      warnings > 0 ? `⚠️ ${plural(warnings, 'warning')}.` : '✅ No warnings.',
    ),
  );
  if (health.ladders.length > 0)
    blocks.push(
      table(
        ['ladder', 'levels', 'dimensions', 'packets', 'reached', 'last changed', 'warnings'],
        health.ladders.map((l) => [
          [`${l.ladder.title} (`, code(l.ladder.id), ')'],
          [String(l.levels.length)],
          [String(l.dimensions.length)],
          [String(l.ladder.observations)],
          [String(l.ladder.reached)],
          [lastChanged(l.ladder)],
          [
            String(
              [l.ladder, ...l.levels, ...l.dimensions].reduce((n, e) => n + e.warnings.length, 0),
            ),
          ],
        ]),
      ),
    );
  for (const l of health.ladders) {
    blocks.push(heading(sub, `${l.ladder.title} (`, code(l.ladder.id), ')'));
    blocks.push(list(panel(l.ladder, 'ladder')));
    blocks.push(
      table(
        ['level', 'title', 'led to from', 'packets', 'reached', 'last changed', ''],
        l.levels.map((e) => [
          [code(e.id)],
          [e.title],
          [plural(e.referencedBy.levels, 'level')],
          [String(e.observations)],
          [String(e.reached)],
          [lastChanged(e)],
          [status(e)],
        ]),
      ),
    );
    if (l.dimensions.length > 0)
      blocks.push(
        table(
          ['dimension', 'used at', 'packets citing it', 'reached', 'last changed', ''],
          l.dimensions.map((e) => [
            [`${e.title} (`, code(e.id), ')'],
            [plural(e.referencedBy.levels, 'level')],
            [String(e.observations)],
            [String(e.reached)],
            [lastChanged(e)],
            [status(e)],
          ]),
        ),
      );
  }
  if (health.abilities.length > 0) {
    blocks.push(heading(sub, 'Abilities'));
    for (const a of health.abilities) {
      blocks.push(paragraph(`${a.title} (`, code(a.id), ')'));
      blocks.push(list(panel(a, 'ability')));
    }
  }
  if (warnings > 0) {
    blocks.push(heading(sub, 'Warnings'));
    blocks.push(
      list(
        health.diagnostics.map((d): Inline[] => [
          code(d.code),
          ' ',
          code(`${d.file}:${d.line}`),
          ' ',
          ...message(d.message),
        ]),
      ),
    );
  }
  return serialise(blocks);
}
