/** `ladder health` for a terminal: one block per ladder and ability, then the warnings. */
import type { Health, HealthEntry } from '../health/health';
import { plural } from '../markdown/plural';
import { clip } from '../util/text';
import { type Palette, PLAIN } from './diagnostics-text';
import { describeAge } from './health';

/** Control characters would let ladder text drive the terminal; show them as `�`. */
function clean(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return value.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�').replace(/\s+/g, ' ');
}

function changed(e: HealthEntry): string {
  return e.lastChanged === undefined || e.ageDays === undefined
    ? 'last changed: unknown'
    : `last changed ${e.lastChanged} (${describeAge(e.ageDays)})`;
}

function row(e: HealthEntry, p: Palette, label: string): string {
  const flags = e.warnings.map((w) => `${p.yellow}${w.code}${p.reset}`).join(' ');
  return `  ${label.padEnd(28)} ${`${plural(e.observations, 'packet')}, ${e.reached} reached`.padEnd(24)} ${changed(e)}${flags ? `  ${flags}` : ''}`;
}

/** The text report of `ladder health`. */
export function healthText(health: Health, palette: Palette = PLAIN): string {
  const p = palette;
  const lines: string[] = [
    `${p.bold}Ladder health${p.reset} on ${health.generatedAt}: ${plural(health.packets.total, 'packet')} (${health.packets.merged} merged, ${health.packets.reached} of them with a complete review: only those count as reached); stale after ${health.staleAfterDays} days.`,
  ];
  for (const l of health.ladders) {
    const e = l.ladder;
    lines.push(
      '',
      `${p.bold}${clean(e.title)}${p.reset} (${e.id}): ${plural(e.referencedBy.roles, 'role')}, ${plural(e.observations, 'packet')}, ${e.reached} reached, ${changed(e)}`,
    );
    for (const lv of l.levels) lines.push(row(lv, p, clip(`${lv.id} ${clean(lv.title)}`, 28)));
    for (const d of l.dimensions) lines.push(row(d, p, clip(`› ${clean(d.title)}`, 28)));
  }
  for (const a of health.abilities)
    lines.push(
      '',
      `${p.bold}${clean(a.title)}${p.reset} (ability ${a.id}): ${plural(a.referencedBy.roles, 'role')}, ${plural(a.referencedBy.levels, 'level')}, ${plural(a.observations, 'packet')} claiming it, ${a.reached} reached, ${changed(a)}`,
    );
  if (health.diagnostics.length > 0) {
    lines.push('', `${p.bold}Warnings${p.reset}`);
    for (const d of health.diagnostics)
      lines.push(
        `${d.file}:${d.line}:${d.column}  ${p.yellow}warning${p.reset}  ${d.code}  ${clean(d.message)}`,
      );
  } else lines.push('', 'No warnings.');
  return `${lines.join('\n')}\n`;
}
