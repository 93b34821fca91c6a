// An item whose only words are inside an HTML tag shows nothing on GitHub: a template's hint
// written as a tag (`<describe your work here>`) or a lone `<img>` is a placeholder, not evidence.
import { describe, expect, it } from 'vitest';
import { reviewPackets } from '../../src/review/index';
import { fixtureModel, OPTIONS, packet } from '../review/helpers';

describe('items made only of HTML tags', () => {
  it('are placeholders, and words between tags still count', () => {
    const [r] = reviewPackets(fixtureModel(), [packet('html-tag-hints.md')], OPTIONS).packets;
    const placeholders = (id: string) =>
      r?.dimensions.find((d) => d.id === id)?.evidence.map((e) => e.placeholder);
    expect(placeholders('mastery')).toEqual([
      undefined,
      'the item has no words a reader sees, only an HTML tag',
    ]);
    expect(placeholders('tech-and-tooling')).toEqual([
      'the item is only an image, with no words',
      undefined,
    ]);
    expect(placeholders('scope')).toEqual([undefined]);
  });
});
