// The packet stage's shortcuts (issue 7) give exactly what the general code gives: the Markdown
// tree without the autolink transform when it has nothing to do, simple front matter without the
// YAML library, ASCII text normalised without Unicode normalisation, and links that cannot name
// an example domain not parsed as URLs.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/load/yaml-document';
import { normaliseText } from '../../src/packet/evidence';
import { readFrontMatter, readSimpleFrontMatter } from '../../src/packet/front-matter';
import { hasAutolinkCandidate, markdownTree, parsePacketText } from '../../src/packet/parse';
import { visibleText } from '../../src/packet/visible-text';

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

describe('the Markdown tree', () => {
  const TOKENS = [
    '\n',
    '\n\n',
    ' ',
    '- ',
    '## ',
    '> ',
    '`',
    '*',
    '~~',
    '[',
    ']',
    '(',
    ')',
    '[x](https://github.com/acme/infra/pull/1)',
    '<https://github.com/a/b>',
    'https://github.com/a/b/pull/2.',
    'HTTP://x.org',
    'www.example.com',
    'WWW.Foo.org',
    'a@b.co',
    'mailto:x@y.org',
    'xmpp:a@b.cd/x',
    '@octocat',
    '&#64;octocat',
    '&#x77;ww.x.com',
    'h&#116;tp://x.org',
    '[r]: https://tracker.acme.dev/OPS-1',
    '[x][r]',
    '| a | b |\n|---|---|\n',
    '[^1]',
    '[^1]: note',
    '- [ ] task',
    'plain words',
    '\\@',
    '\\|',
    'a |',
    ':-',
    '-:',
    '---',
    '| --- |',
    '\n:-- | --:\n',
    'x\n-:\n',
    'h\n:-\n',
    '**strong**',
    '_em_',
    '~strike~',
    '  \n',
    '\\\n',
    '&amp;',
    'www.x.org/a_(b)',
    'http://a.b/c?d=e',
    'user@host',
    '1. ',
    '    code\n',
    '```\n',
    '<div>\n',
  ];
  const reference = (text: string) =>
    fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

  it('is the tree of fromMarkdown with the GFM extensions', () => {
    const next = random(7);
    let skipped = 0;
    const lean = { email: 0, table: 0 };
    for (let n = 0; n < 1500; n += 1) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i += 1) text += pick(next, TOKENS);
      const tree = markdownTree(text);
      if (!hasAutolinkCandidate(reference(text))) skipped += 1;
      if (!text.includes('@')) lean.email += 1;
      if (!/\||:-|-:/.test(text)) lean.table += 1;
      expect(tree, JSON.stringify(text)).toEqual(reference(text));
    }
    // Every shortcut was taken, and not taken, many times.
    for (const count of [skipped, lean.email, lean.table]) {
      expect(count).toBeGreaterThan(150);
      expect(count).toBeLessThan(1350);
    }
  });

  it('sees autolink candidates only in text outside links', () => {
    expect(hasAutolinkCandidate(reference('[https://x.org](https://x.org) and [a@b.c][r]'))).toBe(
      false,
    );
    expect(hasAutolinkCandidate(reference('write to &#64;octocat'))).toBe(true);
    const paragraph = (value: string): Root => ({
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
    });
    expect(hasAutolinkCandidate(paragraph('see WWW.x.org'))).toBe(true);
    expect(hasAutolinkCandidate(paragraph('see HTTPS://x.org'))).toBe(true);
    expect(hasAutolinkCandidate(paragraph('see www x org and http:x'))).toBe(false);
    expect(hasAutolinkCandidate(reference('`https://x.org` in code'))).toBe(false);
  });
});

describe('simple front matter', () => {
  const yamlData = (yaml: string) => {
    const loaded = parseYamlText('p.md', yaml, { maxBytes: 65_536, maxAliases: 0 });
    return loaded.ok ? loaded.file.data : undefined;
  };

  it('reads the usual front matter as the YAML library does, keys in order', () => {
    const yaml = [
      'candidate: rivera-dana      # who the packet is for',
      'ladder: ops',
      '',
      '# a comment line',
      'from: L2',
      'to: L3',
      'cycle: 2026-H2',
      'role: ops-engineer',
      'milestones:',
      '  ops-skill: 3',
      '  other_ability: 12 # claimed',
      'sponsor: okafor.sam',
    ].join('\n');
    const data = readSimpleFrontMatter(yaml);
    expect(data).toEqual(yamlData(yaml));
    expect(JSON.stringify(data)).toBe(JSON.stringify(yamlData(yaml)));
  });

  it('leaves everything else to the YAML library', () => {
    for (const yaml of [
      'candidate: "quoted"',
      "candidate: 'quoted'",
      'to: 3',
      'to: 1.5',
      'to: 1e3',
      'to: 0x1F',
      'to: true',
      'to: Null',
      'to: ~',
      'to:',
      'to: L3\nto: L4',
      'to: L3\n  continued',
      'to:\tL3',
      'to: L3\r',
      'milestones:',
      'milestones:\nto: L3',
      'milestones:\n  a: 1\n   b: 2',
      'milestones:\n  a: 1\n  a: 2',
      'milestones:\n  a: "1"',
      'milestones:\n  a: -1',
      'milestones:\n  true: 1',
      'to: L3 # ok\n- item',
      'to: &a L3',
      'to: !tag L3',
      'to: [L3]',
      'to: L3#x',
      'to:L3',
      ' to: L3',
      '__proto__: x',
      '---',
      '',
      '# only a comment',
      `candidate: ${'x'.repeat(300)}`,
      'candidate: José',
    ]) {
      expect(readSimpleFrontMatter(yaml), JSON.stringify(yaml)).toBeUndefined();
    }
  });

  it('agrees with the YAML library on generated front matter', () => {
    const LINES = [
      'candidate: dana',
      'ladder: ops',
      'to: L3',
      'from: ops/L2',
      'cycle: 2026-H2',
      'cycle: 2026',
      'cycle: 20.26',
      'sponsor: a.b-c_d',
      'sponsor: TRUE',
      'sponsor: nullish',
      'role: x # note',
      'role: x  ',
      'milestones:',
      'milestones: # claims',
      '  a: 1',
      '  b: 07',
      '  c: 20',
      '    d: 2',
      '  e: x',
      '',
      '   ',
      '# note',
      '  # indented note',
      'to: L4',
      'k: v: w',
      '- x',
    ];
    const next = random(11);
    let simple = 0;
    for (let n = 0; n < 3000; n += 1) {
      const lines: string[] = [];
      const length = 1 + Math.floor(next() * 8);
      for (let i = 0; i < length; i += 1) lines.push(pick(next, LINES));
      const yaml = lines.join('\n');
      const data = readSimpleFrontMatter(yaml);
      if (data === undefined) continue;
      simple += 1;
      expect(JSON.stringify(data), JSON.stringify(yaml)).toBe(JSON.stringify(yamlData(yaml)));
    }
    expect(simple).toBeGreaterThan(300);
  });

  it('finds positions with the YAML library when a finding needs them', () => {
    const yaml = 'candidate: dana\nladder: ops\nto: L3\nmilestones:\n  ops-skill: 3';
    const block = { line: 1, column: 1, endLine: 7, endColumn: 4 };
    const { frontMatter, findings } = readFrontMatter('p.md', yaml, 1, block);
    expect(findings).toEqual([]);
    const loaded = parseYamlText('p.md', yaml, { maxBytes: 65_536, maxAliases: 0 });
    if (!loaded.ok) throw new Error('fixture front matter is invalid');
    for (const [segments, at] of [
      [['to'], 'value'],
      [['ladder'], 'key'],
      [['milestones', 'ops-skill'], 'value'],
      [['milestones', 'nope'], 'key'],
      [['nope'], 'value'],
    ] as const) {
      const expected = loaded.file.locate(segments, at);
      expect(frontMatter.locate(segments, at)).toEqual({
        ...expected,
        line: expected.line + 1,
        endLine: expected.endLine + 1,
      });
    }
    expect(parsePacketText('p.md', `---\n${yaml}\n---\n`).frontMatter?.locate(['to'])).toEqual(
      frontMatter.locate(['to']),
    );
  });
});

describe('text normalisation', () => {
  const reference = (text: string) =>
    visibleText(text)
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
      'docs/design.md',
      'https://exa_mple.com/',
    ])
      expect(placeholder(url), url).toBeUndefined();
  });
});
