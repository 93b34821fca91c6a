/**
 * A level named by its title in the front matter (`to: Senior Engineer`): the schema refuses it
 * as an id that is not written right, with an example (`L3`) that does not say which id was
 * meant. The ladder knows: the finding names the level's id instead.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { Ladder, Level } from '../model/types';
import { type CheckContext, fieldAt } from './check';

/** The level of `ladder` that `text` names by its title, label, former title or other title. */
function levelTitled(ladder: Ladder, text: string): Level | undefined {
  const wanted = text.trim().replace(/\s+/g, ' ').toLowerCase();
  const is = (name: string | undefined) => name?.toLowerCase() === wanted;
  return ladder.levels.find(
    (l) => is(l.title) || is(l.label) || l.formerly.some(is) || l.aliases.some(is),
  );
}

/** `finding`, or, when it refuses a `from` or `to` that names a level by its title, one that says its id. */
export function withLevelId(
  finding: Diagnostic,
  context: Pick<CheckContext, 'fields' | 'frontMatter'>,
  ladder: Ladder | undefined,
): Diagnostic {
  if (finding.code !== 'invalid-id' || ladder === undefined) return finding;
  for (const key of ['to', 'from'] as const) {
    const value = context.fields[key];
    const at = fieldAt(context, key);
    if (value === undefined || at.line !== finding.line || at.column !== finding.column) continue;
    const level = levelTitled(ladder, value);
    if (level === undefined) return finding;
    return {
      ...finding,
      message: `\`${key}\` names a level by its title; write the level's id: \`${key}: ${level.id}\` (${level.title}, in \`${ladder.id}\`).`,
    };
  }
  return finding;
}
