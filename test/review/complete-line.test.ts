// The sentence under a complete packet's verdict hands it to the reviewers, and first to its
// warnings: a reader who stops at "complete" must not miss a reused link or a skipped level.
import { describe, expect, it } from 'vitest';
import { composeComment } from '../../src/report/pr-comment';
import { reviewPackets } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet } from './helpers';

const model = fixtureModel();
const BLOB = 'https://github.com/acme/career/blob/0123456789abcdef0123456789abcdef01234567/';

const comment = (name: string) =>
  composeComment({ review: reviewPackets(model, [packet(name)], OPTIONS), blobBase: BLOB });

describe('a complete packet', () => {
  it('points at its warnings before the reviewers read on', () => {
    // complete-with-warning.md is complete, from P1 to P3: a skipped-level warning.
    expect(comment('complete-with-warning.md')).toContain(
      'Every required dimension has evidence with a link. Over to the reviewers; read the 1 warning under Findings first.',
    );
  });

  it('without warnings is over to the reviewers (notes are no reason to stop)', () => {
    // complete.md has a milestone-points note only.
    expect(comment('complete.md')).toContain(
      'Every required dimension has evidence with a link. Over to the reviewers.\n',
    );
  });
});
