/**
 * `ladder new-packet`: the skeleton of a packet for a target level. Front matter filled in, one
 * heading per required dimension (under its group's heading), and under each the target level's
 * expectations, numbered, inside an HTML comment: the parser ignores HTML, so a hint left in
 * place never counts as evidence.
 */
import { Document } from 'yaml';
import { idAndTitle } from '../model/levels';
import { derivedStatementId } from '../model/statement-id';
import type { Ladder, Level, Model } from '../model/types';
import { didYouMean, didYouMeanLevel, knownList } from '../util/suggest';
import { asciiWords } from '../util/text';
import { sectionUnit } from './sections';
import {
  findLevel,
  type LevelRef,
  levelRefText,
  notAPromotion,
  previousLevel,
  splitLevelRef,
} from './target';
import type { SectionUnit } from './types';

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
      /** What the author should know about the request (a lateral move no edge declares). */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/**
 * The default file name: `<candidate>-<ladder>-<to>.md`, each part its ASCII words joined by `-`
 * as statement ids are made (`Søren Müller` → `soren-muller`).
 */
export function defaultPacketName(request: ScaffoldRequest): string {
  const slug = (s: string) =>
    asciiWords(s).join('-').slice(0, 60).replace(/-+$/, '') || 'candidate';
  return `${slug(request.candidate ?? 'candidate')}-${slug(request.ladder)}-${slug(request.to)}.md`;
}

/** Keeps ladder text from closing the HTML comment it is written into. */
function commentSafe(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/--+!?>/g, '— >')
    .replace(/<!--/g, '< !--');
}

/** The packet's instructions for each way a level is judged. */
const HOW_TO: Readonly<Record<SectionUnit, readonly string[]>> = {
  dimension: [
    '- Under each dimension, add one list item per piece of evidence: what you did and what came',
    '  of it, with a link to a PR, issue, incident or document (a URL, #123 or org/repo#123).',
    '- Say which expectation an item addresses by adding (addresses: N), N from the numbered list,',
    '  or (addresses: some-id) where the list gives an id.',
    '- Free text outside the dimension sections is welcome; it is read but not checked.',
  ],
  ability: [
    '- Under each ability you claim a milestone of, add one list item per piece of evidence: what',
    '  you did and what came of it, with a link to a PR, issue, incident or document (a URL, #123',
    '  or org/repo#123).',
    '- Free text outside the ability sections is welcome; it is read but not checked.',
  ],
  section: [
    '- Under Evidence, add one list item per piece of evidence: what you did and what came of it,',
    '  with a link to a PR, issue, incident or document (a URL, #123 or org/repo#123). The level',
    '  has no dimensions: a list item under any heading counts.',
    '- Say which part of the level an item shows by adding (addresses: N), N from the numbered list.',
  ],
};

/** Builds the skeleton. Never throws. */
export function scaffoldPacket(model: Model, request: ScaffoldRequest): ScaffoldResult {
  const ladder = model.ladders.find((l) => l.id === request.ladder);
  if (!ladder) {
    const ids = model.ladders.map((l) => l.id);
    return {
      ok: false,
      message: `Unknown ladder \`${request.ladder}\`.${didYouMean(request.ladder, ids) || knownList('ladders', ids, 'There are no valid ladders.')}`,
    };
  }
  const to = findLevel(ladder, request.to);
  if (!to) {
    const ids = ladder.levels.map((l) => l.id);
    return {
      ok: false,
      message: `Unknown level \`${request.to}\` in ladder \`${ladder.id}\`.${didYouMeanLevel(request.to, ids) || knownList('levels', ids, 'It has no levels.')}`,
    };
  }
  let from: string | undefined;
  const warnings: string[] = [];
  if (request.from !== undefined) {
    const ref = splitLevelRef(request.from, ladder.id);
    const fromLadder = model.ladders.find((l) => l.id === ref.ladder);
    if (!fromLadder) {
      return {
        ok: false,
        message: `Unknown ladder \`${ref.ladder}\` in --from.${didYouMean(
          ref.ladder,
          model.ladders.map((l) => l.id),
        )}`,
      };
    }
    const current = findLevel(fromLadder, ref.level);
    if (!current) {
      const ids = fromLadder.levels.map((l) => l.id);
      return {
        ok: false,
        message: `Unknown level \`${ref.level}\` in ladder \`${fromLadder.id}\`.${didYouMeanLevel(ref.level, ids) || knownList('levels', ids, 'It has no levels.')}`,
      };
    }
    // A packet the review would call `not-a-promotion` is not written; a lateral move is, with
    // the review's warning.
    const problem = notAPromotion(current, to);
    if (problem?.severity === 'error') return { ok: false, message: problem.message };
    if (problem) warnings.push(problem.message);
    from = request.from;
  } else {
    const previous = previousLevel(to, model.ladders);
    from = previous === undefined ? undefined : levelRefText(previous, ladder.id);
  }
  const candidate = request.candidate ?? 'your-name';
  const front = new Document({
    candidate,
    ladder: ladder.id,
    ...(from ? { from } : {}),
    to: to.level.id,
  });
  const hints = [
    '# github: your-login  # your GitHub login: the review checks your part in each linked PR',
    '# cycle: 2026-H2',
    '# sponsor: your-manager',
    ...abilityHints(model, ladder, to.level),
  ];
  const lines: string[] = [
    '---',
    String(front).trimEnd(),
    ...hints,
    '---',
    '',
    `# Promotion packet: ${candidate.replace(/\s+/g, ' ')}, ${idAndTitle(to.level.id, to.level.title)}`,
    '',
    '<!--',
    'How to fill this in (HTML comments like this one are not evidence and may stay):',
    ...HOW_TO[sectionUnit(to.level)],
    '- Run `npx ladder review <this file>` to see what is still missing.',
    '-->',
  ];
  const statementsOf = (id: string) =>
    to.level.expectations.find((e) => e.dimension === id)?.statements ?? [];
  const expectationHint = (
    title: string,
    statements: readonly { readonly id?: string; readonly text: string }[],
  ) => {
    // Ids written in the ladder are shown; derived ones are the number's equal and would clutter.
    const written = (s: { readonly id?: string; readonly text: string }) =>
      s.id !== undefined && !s.id.startsWith(derivedStatementId(s.text));
    return [
      '',
      `<!-- What ${idAndTitle(to.level.id, commentSafe(to.level.title), 'brackets')} expects in ${commentSafe(title)}:`,
      ...statements.map(
        (s, i) => `${i + 1}. ${commentSafe(s.text)}${written(s) ? ` (id: ${s.id})` : ''}`,
      ),
      '-->',
    ];
  };
  if (sectionUnit(to.level) === 'ability') {
    // A level judged by abilities and points: a section per ability, what each milestone asks.
    const abilities = model.abilities.filter(
      (a) =>
        a.ladder === ladder.id ||
        to.level.abilities.some((r) => r.ladder === a.ladder && r.ability === a.id),
    );
    const asks = [
      ...(to.level.points !== undefined ? [`${to.level.points.min} points in total`] : []),
      ...to.level.abilities.map((r) => {
        const title = abilities.find((a) => a.ladder === r.ladder && a.id === r.ability)?.title;
        return `${title ?? r.ability} milestone ${r.milestone}+`;
      }),
    ];
    lines.push(
      '',
      `<!-- ${idAndTitle(to.level.id, commentSafe(to.level.title), 'brackets')} asks for ${commentSafe(asks.join(', '))}. Claim under milestones: in the front matter the milestone your evidence shows for each ability, and evidence it in the ability's section; leave out the abilities you claim nothing for. -->`,
    );
    let group: string | undefined;
    for (const ability of abilities) {
      if (ability.group !== undefined && ability.group !== group && ability.ladder === ladder.id) {
        const title = ladder.groups.find((g) => g.id === ability.group)?.title ?? ability.group;
        lines.push('', `## ${title}`);
      }
      group = ability.ladder === ladder.id ? ability.group : undefined;
      lines.push('', `${group !== undefined ? '###' : '##'} ${ability.title}`);
      lines.push(
        '',
        `<!-- What the milestones of ${commentSafe(ability.title)} ask:`,
        ...ability.milestones
          .slice(ability.milestones[0]?.number === 0 ? 1 : 0)
          .map(
            (m) =>
              `${m.number}. ${commentSafe([m.summary, ...m.signals, ...m.examples].filter((x) => x !== undefined).join(' · '))} (${m.points} point${m.points === 1 ? '' : 's'})`,
          ),
        '-->',
      );
    }
    lines.push('');
    return {
      ok: true,
      text: `${lines.join('\n')}\n`,
      dimensions: abilities.length,
      target: to,
      warnings,
    };
  }
  if (sectionUnit(to.level) === 'section') {
    const prose =
      to.level.prose.length > 0 ? to.level.prose : to.level.summary ? [to.level.summary] : [];
    lines.push(
      '',
      '## Evidence',
      ...expectationHint(
        'this level',
        prose.map((text) => ({ text })),
      ),
      '',
    );
    return { ok: true, text: `${lines.join('\n')}\n`, dimensions: 1, target: to, warnings };
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
    warnings,
  };
}

/**
 * Commented `role:` and `milestones:` lines for ladders with abilities: the role whose points
 * span the level's minimum (the first role when roles have no points; none when no range fits),
 * and each ability at the milestone the level requires, else 1.
 */
function abilityHints(model: Model, ladder: Ladder, level: Level): string[] {
  const roles = model.roles.filter((r) => r.ladder === ladder.id);
  const abilities = model.abilities.filter((a) => a.ladder === ladder.id);
  if (roles.length === 0 && abilities.length === 0) return [];
  const out: string[] = [];
  const min = level.points?.min;
  const ranged = roles.some((r) => r.points !== undefined);
  const role =
    min !== undefined && ranged
      ? roles.find((r) => (r.points?.min ?? 0) <= min && min <= (r.points?.max ?? min))
      : roles[0];
  if (role) out.push(`# role: ${role.id}`);
  if (abilities.length > 0) {
    out.push('# milestones:');
    for (const a of abilities) {
      const required = level.abilities.find((r) => r.ladder === a.ladder && r.ability === a.id);
      out.push(`#   ${a.id}: ${required?.milestone ?? 1}`);
    }
  }
  return out;
}
