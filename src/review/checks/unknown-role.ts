import { scopedName } from '../../model/scoped';
import { didYouMean, knownList } from '../../util/suggest';
import { type Check, fieldAt } from '../check';

/** `role` names no role of any ladder, or names one ambiguously. */
export const unknownRole: Check = {
  code: 'unknown-role',
  severity: 'error',
  description:
    'The front matter names a role (`role`) that no ladder file defines, or one that several other ladders define (name one: `ladder/role`).',
  run(context, report) {
    const id = context.fields.role;
    if (id === undefined || context.role) return;
    const ladder = context.fields.ladder;
    const ids = context.model.roles.map((r) => (r.ladder === ladder ? r.id : scopedName(r)));
    const owners = context.model.roles.filter((r) => r.id === id).map((r) => r.ladder);
    report(
      fieldAt(context, 'role'),
      owners.length > 1
        ? `Ladders ${owners.map((l) => `\`${l}\``).join(' and ')} each define a role \`${id}\`; name one, e.g. \`${owners[0]}/${id}\`.`
        : `Unknown role in \`role\`.${didYouMean(id, ids) || knownList('roles', ids, 'No ladder defines roles.')}`,
    );
  },
};
