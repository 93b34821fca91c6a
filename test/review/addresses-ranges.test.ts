// `(addresses: 1-3)`: a range names every expectation from the first number to the last, as a
// reader takes it; numbers past the dimension's last and a range written backwards are reported.
import { describe, expect, it } from 'vitest';
import { reviewPackets } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet } from './helpers';

const model = fixtureModel();

describe('ranges in (addresses: …)', () => {
  it('address every number from the first to the last', () => {
    const [r] = reviewPackets(model, [packet('addresses-ranges.md')], OPTIONS).packets;
    const mastery = r?.dimensions.find((d) => d.id === 'mastery');
    expect(mastery?.evidence.map((e) => e.addresses)).toEqual([[2, 3], [1, 2], [2, 3], []]);
    expect(mastery?.expectations.map((e) => [e.coverage, e.lines])).toEqual([
      ['explicit', [11]],
      ['explicit', [10, 11, 12]],
      ['explicit', [10, 12]],
    ]);
    const unknown = r?.findings.filter((f) => f.code === 'unknown-expectation') ?? [];
    // `2-5` also names 4 and 5, which Mastery does not have; `3-1` is read as nothing.
    expect(unknown.map((f) => f.line)).toEqual([12, 13]);
    expect(unknown[1]?.quote).toBe('3-1');
  });
});

describe('separators in (addresses: …)', () => {
  it('read `;`, `/` and spaces between numbers as commas, and nothing else as more', () => {
    const [r] = reviewPackets(model, [packet('addresses-separators.md')], OPTIONS).packets;
    const mastery = r?.dimensions.find((d) => d.id === 'mastery');
    expect(mastery?.evidence.map((e) => e.addresses)).toEqual([[1, 3], [1, 2], [2, 3], []]);
    // `Mastery 2` names no number: a word and a number are not two entries.
    const unknown = r?.findings.filter((f) => f.code === 'unknown-expectation') ?? [];
    expect(unknown.map((f) => [f.line, f.quote])).toEqual([[13, 'Mastery 2']]);
  });
});
