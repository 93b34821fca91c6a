/**
 * What the review of a pull request was measured against, when the pull request changes it: the
 * config it changes (and which config the review ran under), and the ladders its packets target.
 * A pull request cannot lower its own bar, and the comment says so in plain words.
 */
import type { RootContent } from 'mdast';
import type { ConfigChange } from '../config/compare';
import type { Inline } from '../markdown/builders';
import { code, heading, list, message, paragraph, strong } from '../markdown/safe';
import { serialise } from '../markdown/serialise';

/** Which config the review ran under: the base branch's, or the pull request's own. */
export type AppliedConfig = 'base' | 'head';

function value(v: string | undefined): Inline[] {
  return v === undefined ? ['the default'] : [code(v)];
}

/**
 * The "Configuration" section: each setting the pull request changes in `file`, before and after,
 * and which config the review ran under.
 */
export function configChangeMarkdown(
  file: string,
  changes: readonly ConfigChange[],
  applied: AppliedConfig,
  depth: 2 | 3 = 3,
): string {
  const blocks: RootContent[] = [heading(depth, 'Configuration')];
  blocks.push(
    paragraph(
      '⚠️ ',
      strong('This pull request changes'),
      ' ',
      code(file),
      changes.length === 0 ? ', but no setting of it.' : ':',
    ),
  );
  if (changes.length > 0)
    blocks.push(
      list(
        changes.map((c): Inline[] => [
          code(c.setting),
          ': ',
          ...value(c.before),
          ' → ',
          ...value(c.after),
        ]),
      ),
    );
  blocks.push(
    paragraph(
      ...message(
        applied === 'base'
          ? 'The review ran under the base branch’s configuration: a pull request from a fork (or any pull request under `pull_request_target`) does not choose the rules it is reviewed by. The change applies once it is merged.'
          : 'The review ran under the changed configuration (a pull request from this repository), except for what sets a packet’s bar: `evidence`, `review.failOn`, `review.verify` and `cycles` are the base branch’s, and no limit rises above the base branch’s. They apply once it is merged.',
      ),
    ),
  );
  return serialise(blocks);
}

/** A packet reviewed against the base branch's version of a ladder the pull request changes. */
export interface BaseLadderPacket {
  readonly path: string;
  readonly ladder: string;
}

/** The note that packets were reviewed against the base branch's ladders; empty for none. */
export function baseLadderMarkdown(packets: readonly BaseLadderPacket[]): string {
  if (packets.length === 0) return '';
  return serialise([
    paragraph(
      '⚠️ ',
      strong('The ladder a packet targets changes in this pull request:'),
      ' ',
      ...packets.flatMap((p, i): Inline[] => [
        ...(i > 0 ? ['; '] : []),
        code(p.path),
        ' targets ',
        code(p.ladder),
      ]),
      '. Packets are reviewed against the ladders of the base branch, so a change to a ladder cannot lower the bar of a packet in the same pull request; the changed ladder applies once it is merged.',
    ),
  ]);
}
