// Evidence under a line that names a dimension in bold or before a colon (`**Mastery**`,
// `Trust:`): Markdown reads that line as a paragraph, so the items count for no dimension, and the
// finding says which line to make a heading, and how.
import { describe, expect, it } from 'vitest';
import { reviewPackets } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet } from './helpers';

describe('a dimension named in bold or before a colon', () => {
  it('is a warning that says to make that line a heading, wherever it is', () => {
    const [r] = reviewPackets(fixtureModel(), [packet('bold-labels.md')], OPTIONS).packets;
    const found = (r?.findings ?? [])
      .filter((f) => f.code === 'evidence-outside-section')
      .map((f) => [f.line, f.severity, /make it a heading \(`(#+ [^`]+)`\)/.exec(f.message)?.[1]]);
    expect(found).toEqual([
      // Under the title: `##`, and a warning (a link to context there would be a note).
      [12, 'warning', '## Mastery'],
      // Under the group heading `## Skill`: one level deeper.
      [17, 'warning', '### Tech and Tooling'],
      // `I did the following:` names no dimension: the group's finding, as before.
      [21, 'warning', undefined],
      [27, 'warning', '### Trust'],
    ]);
    expect(r?.findings.find((f) => f.line === 27)?.message).toContain('These 2 items');
  });
});

describe('the advice for a dimension named only in bold or before a colon', () => {
  it('says which line to make a heading, at the level it would take', () => {
    const [r] = reviewPackets(fixtureModel(), [packet('bold-labels.md')], OPTIONS).packets;
    const advice = (id: string) => {
      const d = r?.dimensions.find((x) => x.id === id);
      return [
        d?.status,
        d?.line,
        /Make line \d+ a heading \(`([^`]+)`\)/.exec(d?.toAdd[0] ?? '')?.[1],
      ];
    };
    expect(advice('mastery')).toEqual(['missing', 10, '## Mastery']);
    expect(advice('tech-and-tooling')).toEqual(['missing', 16, '### Tech and Tooling']);
    expect(advice('trust')).toEqual(['missing', 25, '### Trust']);
    // A dimension no line names gets the usual advice.
    expect(advice('scope')).toEqual(['missing', undefined, undefined]);
  });
});
