// GitHub links a run of 7 to 40 hex digits in a comment to the commit of the repository it
// abbreviates (`5d3f1c2`, `owner/repo@5d3f1c2`), outside code spans: packet text must not make
// such links. The comment, read back as GitHub reads it, holds no such run in any text node, and
// still shows every digit; in a code span an id or a number stays whole, to be copied.
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import * as safe from '../../src/markdown/safe';
import { serialise } from '../../src/markdown/serialise';
import { composeComment } from '../../src/report/pr-comment';
import { reviewPackets } from '../../src/review/index';
import { assertSafe, fixtureModel, OPTIONS, packet } from './helpers';

/** A run GitHub would take for a commit id: 7 or more hex digits between word edges. */
const COMMIT_ID = /\b[0-9a-f]{7,}\b/i;

describe('commit ids in packet text', () => {
  it('become no commit link in the comment, and every digit still shows', () => {
    const review = reviewPackets(fixtureModel(), [packet('commit-ids.md')], OPTIONS);
    const body = composeComment({ review });
    const tree = assertSafe(body);
    const found: string[] = [];
    visit(tree, (node: Nodes) => {
      if (node.type === 'text' && COMMIT_ID.test(node.value)) found.push(node.value);
    });
    expect(found).toEqual([]);
    const shown = body.replaceAll('\u2060', '');
    for (const id of ['5d3f1c2', 'acme/infra@9b8e7f60a1b2', 'abcdef01'])
      expect(shown).toContain(id);
  });

  it('are broken in safe text, left whole in code spans; short runs and words left alone', () => {
    const out = serialise([
      safe.paragraph('5d3f1c2a9b8e7f60a1b2c3d4e5f60718293a4b5c deadbee 123456 abcdef x5d3f1c2a'),
      safe.paragraph(safe.code('acme/infra@9b8e7f6')),
    ]);
    expect(out).toBe(
      '5d3f1c\u20602a9b8e\u20607f60a1\u2060b2c3d4\u2060e5f607\u206018293a\u20604b5c deadbe\u2060e 123456 abcdef x5d3f1c2a\n\n`acme/infra@\u20609b8e7f6`\n',
    );
  });
});
