// The packet stage's shortcuts (issue 7) give exactly what the general code gives: ASCII text
// normalised without Unicode normalisation, and links that cannot name an example domain not
// parsed as URLs.
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/packet/evidence';
import { parsePacketText } from '../../src/packet/parse';

/** A small deterministic generator, so that every run checks the same cases. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

describe('text normalisation', () => {
  const reference = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();

  it('gives the Unicode result for ASCII text with dashes, quotes and other punctuation', () => {
    const alphabet = 'aZ09 &-_.,!\t\n#@Ωé\u00a0ﬁ\u2460—–‘’“”•…→·\u0301😀';
    const next = random(3);
    for (let n = 0; n < 20_000; n += 1) {
      let text = '';
      const length = Math.floor(next() * 16);
      const ascii = next() < 0.7;
      for (let i = 0; i < length; i += 1)
        text += pick(next, [...alphabet].slice(0, ascii ? 12 : undefined));
      expect(normaliseText(text), JSON.stringify(text)).toBe(reference(text));
    }
    for (let code = 0; code < 0x3000; code += 1) {
      const text = `a${String.fromCharCode(code)}B`;
      expect(normaliseText(text), code.toString(16)).toBe(reference(text));
    }
  });
});

describe('example-domain links', () => {
  const placeholder = (url: string) => {
    const parsed = parsePacketText('p.md', `---\nto: L3\n---\n- [x](<${url}>)\n`);
    const [block] = parsed.body?.blocks ?? [];
    return block?.kind === 'list' ? block.items[0]?.links[0]?.placeholder : 'no item';
  };

  it('are found however the host is written', () => {
    for (const url of [
      'https://example.com/x',
      'https://EXAMPLE.org',
      'https://docs.Example.net/a',
      'https://ex%61mple.com/',
      'https://ｅｘａｍｐｌｅ.com/',
      'http://user@example.com:80/',
    ])
      expect(placeholder(url), url).toBe('the link points at an example domain');
    for (const url of [
      'https://github.com/acme/infra/pull/1',
      'https://examples.com/',
      'https://example.company.com/',
      '../docs/design.md',
      'https://exa_mple.com/',
    ])
      expect(placeholder(url), url).toBeUndefined();
  });
});
