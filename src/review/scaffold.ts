/**
 * `ladder new-packet`: the skeleton of a packet for a target level. Front matter filled in, one
 * heading per required dimension (under its group's heading), and under each the target level's
 * expectations, numbered, inside an HTML comment: the parser ignores HTML, so a hint left in
 * place never counts as evidence.
 */
import { Document } from 'yaml';
import type { Ladder, Model } from '../model/types';
import { didYouMean } from '../util/suggest';
import { findLevel, type LevelRef, previousLevel, splitLevelRef } from './target';

/** What to scaffold. */
export interface ScaffoldRequest {
  readonly ladder: string;
  readonly to: string;
  readonly from?: string;
  readonly candidate?: string;
}

/** The skeleton's text and what it asks for, or why it cannot be written. */
export type ScaffoldResult =
  | {
      readonly ok: true;
      readonly text: string;
      readonly dimensions: number;
      readonly target: LevelRef;
    }
  | { readonly ok: false; readonly message: string };

/** The default file name: `<candidate>-<ladder>-<to>.md`, lower case, safe characters only. */
export function defaultPacketName(request: ScaffoldRequest): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'candidate';
  return `${slug(request.candidate ?? 'candidate')}-${slug(request.ladder)}-${slug(request.to)}.md`;
}

/** Keeps ladder text from closing the HTML comment it is written into. */
function commentSafe(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/--+!?>/g, '— >')
    .replace(/<!--/g, '< !--');
}

/** Builds the skeleton. Never throws. */
export function scaffoldPacket(model: Model, request: ScaffoldRequest): ScaffoldResult {
  const ladder = model.ladders.find((l) => l.id === request.ladder);
  if (!ladder) {
    const ids = model.ladders.map((l) => l.id);
    return {
      ok: false,
      message: `Unknown ladder \`${request.ladder}\`${didYouMean(request.ladder, ids) || `; ladders are ${ids.join(', ') || '(none)'}.`}`,
    };
  }
  const to = findLevel(ladder, request.to);
  if (!to) {
    const ids = ladder.levels.map((l) => l.id);
    return {
      ok: false,
      message: `Unknown level \`${request.to}\` in ladder \`${ladder.id}\`${didYouMean(request.to, ids) || `; levels are ${ids.join(', ')}.`}`,
    };
  }
  let from: string | undefined;
  if (request.from !== undefined) {
    const ref = splitLevelRef(request.from, ladder.id);
    const fromLadder = model.ladders.find((l) => l.id === ref.ladder);
    if (!fromLadder) {
      return {
        ok: false,
        message: `Unknown ladder \`${ref.ladder}\` in --from${
          didYouMean(
            ref.ladder,
            model.ladders.map((l) => l.id),
          ) || '.'
        }`,
      };
    }
    if (!findLevel(fromLadder, ref.level)) {
      const ids = fromLadder.levels.map((l) => l.id);
      return {
        ok: false,
        message: `Unknown level \`${ref.level}\` in ladder \`${fromLadder.id}\`${didYouMean(ref.level, ids) || `; levels are ${ids.join(', ')}.`}`,
      };
    }
    from = request.from;
  } else {
    from = previousLevel(to)?.level.id;
  }
  const candidate = request.candidate ?? 'your-name';
  const front = new Document({
    candidate,
    ladder: ladder.id,
    ...(from ? { from } : {}),
    to: to.level.id,
  });
  const hints = ['# cycle: 2026-H2', '# sponsor: your-manager', ...abilityHints(model, ladder)];
  const lines: string[] = [
    '---',
    String(front).trimEnd(),
    ...hints,
    '---',
    '',
    `# Promotion packet: ${candidate.replace(/\s+/g, ' ')}, ${to.level.id} ${to.level.title}`,
    '',
    '<!--',
    'How to fill this in (HTML comments like this one are not evidence and may stay):',
    '- Under each dimension, add one list item per piece of evidence: what you did and what came',
    '  of it, with a link to a PR, issue, incident or document (a URL, #123 or org/repo#123).',
    '- Say which expectation an item addresses by adding (addresses: N), N from the numbered list.',
    '- Free text outside the dimension sections is welcome; it is read but not checked.',
    '- Run `npx ladder review <this file>` to see what is still missing.',
    '-->',
  ];
  const statementsOf = (id: string) =>
    (to.level.expectations.find((e) => e.dimension === id)?.statements ?? []).map((s) => s.text);
  const expectationHint = (title: string, statements: readonly string[]) => [
    '',
    `<!-- What ${to.level.id} (${commentSafe(to.level.title)}) expects in ${commentSafe(title)}:`,
    ...statements.map((s, i) => `${i + 1}. ${commentSafe(s)}`),
    '-->',
  ];
  if (to.level.requires.length === 0) {
    const prose =
      to.level.prose.length > 0 ? to.level.prose : to.level.summary ? [to.level.summary] : [];
    lines.push('', '## Evidence', ...expectationHint('this level', prose), '');
    return { ok: true, text: `${lines.join('\n')}\n`, dimensions: 1, target: to };
  }
  let group: string | undefined;
  for (const id of to.level.requires) {
    const dimension = ladder.dimensions.find((d) => d.id === id);
    if (!dimension) continue;
    if (dimension.group !== undefined && dimension.group !== group) {
      const title = ladder.groups.find((g) => g.id === dimension.group)?.title ?? dimension.group;
      lines.push('', `## ${title}`);
    }
    group = dimension.group;
    lines.push('', `${group !== undefined ? '###' : '##'} ${dimension.title}`);
    lines.push(...expectationHint(dimension.title, statementsOf(id)));
  }
  lines.push('');
  return {
    ok: true,
    text: `${lines.join('\n')}\n`,
    dimensions: to.level.requires.length,
    target: to,
  };
}

/** Commented `role:` and `milestones:` lines for ladders with abilities. */
function abilityHints(model: Model, ladder: Ladder): string[] {
  const roles = model.roles.filter((r) => r.ladder === ladder.id);
  const abilities = model.abilities.filter((a) => a.ladder === ladder.id);
  if (roles.length === 0 && abilities.length === 0) return [];
  const out: string[] = [];
  if (roles[0]) out.push(`# role: ${roles[0].id}`);
  if (abilities.length > 0) {
    out.push('# milestones:');
    for (const a of abilities) out.push(`#   ${a.id}: 1`);
  }
  return out;
}
