// An item struck through (`- ~~Pitched the DNS migration~~ (#2)`) is work its author withdrew:
// a placeholder, not evidence. A word struck through inside an item, or a detail struck through
// under a real item, is a correction.
import { describe, expect, it } from 'vitest';
import { reviewPackets } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet } from '../review/helpers';

describe('struck-through items', () => {
  it('do not count; words or details struck through in a real item do', () => {
    const [r] = reviewPackets(fixtureModel(), [packet('struck-through.md')], OPTIONS).packets;
    const evidence = (id: string) => r?.dimensions.find((d) => d.id === id)?.evidence ?? [];
    expect(evidence('mastery').map((e) => e.placeholder)).toEqual([
      undefined,
      'its words are struck through: work withdrawn, not evidence',
    ]);
    expect(evidence('scope').map((e) => [e.placeholder, e.nested])).toEqual([[undefined, []]]);
    expect(evidence('trust').map((e) => e.placeholder)).toEqual([undefined]);
  });
});
