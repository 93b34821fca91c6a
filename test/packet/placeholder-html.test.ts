// Items that show nothing to judge. An item whose only words are inside an HTML tag shows nothing
// on GitHub: a template's hint written as a tag (`<describe your work here>`) or a lone `<img>` is
// a placeholder, not evidence; and an item that says only "link" says whether its link counts.
import { describe, expect, it } from 'vitest';
import { itemPlaceholder } from '../../src/packet/evidence';
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

describe('an item that says only "link"', () => {
  it('says whether it has a link that does not count, or none', () => {
    expect(itemPlaceholder('link', [])).toBe('the item says only “link”, with no link');
    expect(
      itemPlaceholder('link', [
        {
          url: 'https://github.com/acme-ops/infra/pull/XXX',
          line: 1,
          column: 3,
          placeholder: 'the link is a placeholder',
        },
      ]),
    ).toBe('the item says only “link”, and its link does not count');
  });
});
