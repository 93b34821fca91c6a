import { didYouMean, knownList } from '../../util/suggest';
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
    report(
      fieldAt(context, 'role'),
      `Unknown role in \`role\`.${didYouMean(id, ids) || knownList('roles', ids, 'No ladder defines roles.')}`,
    );
  },
};
