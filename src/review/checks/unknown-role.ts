import { didYouMean } from '../../util/suggest';
import { type Check, fieldAt } from '../check';

/** `role` names no role of any ladder. */
export const unknownRole: Check = {
  code: 'unknown-role',
  severity: 'error',
  description: 'The front matter names a role (`role`) that no ladder file defines.',
  run(context, report) {
    const id = context.fields.role;
    if (id === undefined || context.role) return;
    const ids = context.model.roles.map((r) => r.id);
    const hint = didYouMean(id, ids);
    report(
      fieldAt(context, 'role'),
      ids.length > 0
        ? `The role named in the front matter is not one of: ${ids.map((i) => `\`${i}\``).join(', ')}${hint || '.'}`
        : 'The front matter names a role, but no ladder defines roles.',
    );
  },
};
