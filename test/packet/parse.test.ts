// The packet reader: front matter positions, size and encoding limits, and evidence items.
import { describe, expect, it } from 'vitest';
import { notesIn } from '../../src/packet/addresses';
import { complexityProblem } from '../../src/packet/complexity';
import { itemPlaceholder, normaliseText } from '../../src/packet/evidence';
import { parsePacket, parsePacketText } from '../../src/packet/parse';
import type { PacketItem } from '../../src/packet/types';

const FRONT = '---\ncandidate: dana\nladder: ops\nto: L3\n---\n';

function items(markdown: string): PacketItem[] {
  const parsed = parsePacketText('promotions/p.md', `${FRONT}\n## Mastery\n\n${markdown}`);
  return (parsed.body?.blocks ?? []).flatMap((b) => (b.kind === 'list' ? b.items : []));
}

function codes(text: string): string[] {
  return parsePacketText('p.md', text).findings.map((f) => `${f.code}@${f.line}:${f.column}`);
}

describe('front matter', () => {
  it('reads valid front matter with positions in the packet', () => {
    const parsed = parsePacketText('p.md', `${FRONT}\n# Title\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.frontMatter?.data).toEqual({ candidate: 'dana', ladder: 'ops', to: 'L3' });
    expect(parsed.frontMatter?.locate(['to'])).toMatchObject({ line: 4, column: 5 });
    expect(parsed.body?.headings[0]).toMatchObject({ depth: 1, text: 'Title', line: 7 });
  });

  it('reports YAML and schema problems at their lines in the packet', () => {
    expect(codes('---\ncandidate: dana\nladder: ops\nto: L3\nto: L4\n---\n')).toEqual([
      'yaml-duplicate-key@5:1',
    ]);
    expect(codes('---\ncandidate: dana\nladder: ops\nto: 3\n---\n')).toEqual(['wrong-type@4:5']);
    expect(
      codes('---\ncandidate: dana\nladder: ops\nto: L3\nmilestones:\n  ops-skill: -1\n---\n'),
    ).toEqual(['invalid-value@6:14']);
    expect(codes('---\n- a list\n---\n')).toEqual(['front-matter-invalid@2:1']);
    expect(
      codes('---\ncandidate: &a dana\nladder: *a\nto: L3\n---\n').map((c) => c.split('@')[0]),
    ).toEqual(['yaml-alias']);
  });

  it('gives a value that fits no form of its key one finding, naming every form', () => {
    const findings = (cycle: string) =>
      parsePacketText('p.md', `---\ncandidate: dana\nladder: ops\nto: L3\ncycle: ${cycle}\n---\n`)
        .findings;
    for (const [cycle, code] of [
      ['12345', 'invalid-value'],
      ['1800', 'invalid-value'],
      ['20.5', 'wrong-type'],
      ['[2026]', 'wrong-type'],
    ] as const) {
      const found = findings(cycle);
      expect(
        found.map((f) => `${f.code}@${f.line}:${f.column}`),
        cycle,
      ).toEqual([`${code}@5:8`]);
      // A year and text are both named: the one message says all that is accepted.
      expect(found[0]?.message, cycle).toMatch(/year.*`2026-H2`|`2026-H2`.*year/);
    }
    expect(findings('2026')).toEqual([]);
    expect(findings('2026-H2')).toEqual([]);
  });

  it('describes YAML slips in front matter without repeating the keys the author wrote', () => {
    const messages = (text: string) => parsePacketText('p.md', text).findings.map((f) => f.message);
    const duplicate = messages(
      '---\ncandidate: dana\nsecret-qz1: a\nladder: ops\nsecret-qz1: b\n---\n',
    );
    expect(duplicate).toEqual([
      'This key appears twice in this mapping (first on line 3); remove or rename one of them.',
    ]);
    const indented = messages(
      '---\ncandidate: dana\nsecret-qz2: ops\n  ladder: ops\nto: L3\n---\n',
    );
    expect(indented.length).toBeGreaterThan(0);
    for (const message of [...duplicate, ...indented]) expect(message).not.toMatch(/qz\d/);
  });

  it('names a key of its own that appears twice: the front matter keys are not packet text', () => {
    const found = parsePacketText(
      'p.md',
      '---\ncandidate: dana\nladder: ops\nto: L3\nto: L4\n---\n',
    ).findings;
    expect(found.map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual(['yaml-duplicate-key@5:1']);
    expect(found[0]?.message).toBe(
      'The key `to` appears twice in this mapping (first on line 4); remove or rename one of them.',
    );
  });

  it('keeps the readable strings of invalid front matter for display', () => {
    const parsed = parsePacketText(
      'p.md',
      '---\ncandidate: dana\nladder: ops\nto: L3\nsponser: x\n---\n',
    );
    expect(parsed.frontMatter?.data).toBeUndefined();
    expect(parsed.frontMatter?.strings).toEqual({ candidate: 'dana', ladder: 'ops', to: 'L3' });
  });

  it('handles CRLF line endings and a byte order mark', () => {
    const text = `\uFEFF${FRONT.replaceAll('\n', '\r\n')}\r\n## Mastery\r\n\r\n- Item [x](https://github.com/a/b/pull/1)\r\n`;
    const parsed = parsePacket('p.md', new TextEncoder().encode(text), { maxBytes: 10_000 });
    expect(parsed.findings).toEqual([]);
    expect(parsed.frontMatter?.data?.to).toBe('L3');
    expect(parsed.body?.headings[0]?.line).toBe(7);
  });

  it('does not let a front-matter-looking block later in the file count', () => {
    expect(codes('# Title\n\n---\ncandidate: x\n---\n')).toEqual(['front-matter-missing@1:1']);
  });

  it('says that front matter must start on line 1 when blank lines come before it', () => {
    const message = (text: string) => parsePacketText('p.md', text).findings[0]?.message;
    expect(codes(`\n${FRONT}`)).toEqual(['front-matter-missing@1:1']);
    expect(message(`\n${FRONT}`)).toBe(
      'The packet has no front matter: front matter must start on line 1, and the `---` on line 2 comes after a blank line, so it is read as Markdown. Delete the blank line above it.',
    );
    expect(message(`\r\n \t\r\n\r\n${FRONT.replaceAll('\n', '\r\n')}`)).toContain(
      'the `---` on line 4 comes after 3 blank lines',
    );
    expect(message('# Title\n\n---\ncandidate: x\n---\n')).toMatch(
      /^The packet has no front matter; /,
    );
  });
});

describe('limits', () => {
  it('refuses a packet over the size limit before decoding it', () => {
    const parsed = parsePacket('p.md', new Uint8Array(2048).fill(0xff), { maxBytes: 1024 });
    expect(parsed.findings.map((f) => f.code)).toEqual(['packet-too-large']);
    expect(parsed.text).toBeUndefined();
  });

  it('reports invalid UTF-8 and binary files at their position', () => {
    const bad = parsePacket('p.md', Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc3, 0x28]), {
      maxBytes: 1024,
    });
    expect(bad.findings.map((f) => `${f.code}@${f.line}:${f.column}`)).toEqual([
      'invalid-utf8@2:1',
    ]);
    const nul = parsePacket('p.md', new TextEncoder().encode('---\nx\0'), { maxBytes: 1024 });
    expect(nul.findings.map((f) => f.code)).toEqual(['binary-file']);
  });

  it('refuses Markdown too complex to parse quickly, naming the paragraph', () => {
    expect(codes(`${FRONT}\nok\n\n${'*a'.repeat(1001)}\n`)).toEqual(['packet-too-complex@9:1']);
    expect(codes(`${FRONT}\n${'[a]('.repeat(1001)}\n`)).toEqual(['packet-too-complex@7:1']);
    expect(codes(`${FRONT}\n${'> '.repeat(40)}deep\n`)).toEqual(['packet-too-complex@7:1']);
    const nested = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n');
    expect(codes(`${FRONT}\n${nested}\n`)).toEqual(['packet-too-complex@72:1']);
    // The same characters spread over list items are fine: each item is its own paragraph.
    expect(codes(`${FRONT}\n${'- **bold** and _em_\n'.repeat(500)}`)).toEqual([]);
  });

  it("refuses a packet whose paragraphs together hold too much for the parser's budget", () => {
    // Each paragraph just under its limit; the budget allows twenty such (src/packet/complexity.ts).
    for (const [piece, marks] of [
      ['*a', 999],
      ['[a]', 999],
      ['`a', 999],
    ] as const) {
      const paragraph = `${piece.repeat(marks)}\n\n`;
      const body = (n: number) => `${FRONT}\n${paragraph.repeat(n)}`;
      expect(complexityProblem('p.md', body(20)), piece).toBeUndefined();
      const refused = complexityProblem('p.md', body(21));
      expect(refused?.code, piece).toBe('packet-too-complex');
      // Named at the paragraph that went over: the 21st, after the front matter's six lines.
      expect(refused?.line, piece).toBe(7 + 20 * 2);
    }
    // Short paragraphs cost little however many there are: the budget grows with the square.
    expect(
      complexityProblem('p.md', `${FRONT}\n${'**bold** and _em_ [x](y)\n\n'.repeat(4_000)}`),
    ).toBe(undefined);
  });

  it('still reads the front matter of a refused packet, and only that', () => {
    const blocks = 'a\n=\n'.repeat(5_001);
    for (const front of [
      FRONT,
      FRONT.replaceAll('\n', '\r\n'),
      '---  \ncandidate: dana\nladder: ops\nto: L3\n---\t\n',
    ]) {
      const parsed = parsePacketText('p.md', `${front}\n${blocks}`);
      expect(parsed.findings.map((f) => f.code)).toEqual(['packet-too-complex']);
      expect(parsed.frontMatter?.strings.to).toBe('L3');
      expect(parsed.body).toBeUndefined();
    }
    // Unclosed before the fault: no front matter, and no claim that it is unclosed.
    const unclosed = parsePacketText('p.md', `---\nto: L3\n${blocks}`);
    expect(unclosed.frontMatter).toBeUndefined();
    expect(unclosed.findings.map((f) => f.code)).toEqual(['packet-too-complex']);
    // Without a fence there is none to read.
    expect(codes(`${blocks}`)).toEqual(['front-matter-missing@1:1', 'packet-too-complex@10000:1']);
  });
});

describe('evidence items', () => {
  it('finds every kind of link and issue reference', () => {
    const [a, b, c, d, e] = items(
      [
        '- Markdown [link](https://github.com/acme/infra/pull/1)',
        '- Autolink <https://github.com/acme/infra/pull/2> and bare https://example.org/x',
        '- References #12, acme/infra#34, GH-5, PR#7 and OPS-42, not L3-2 or abc#x',
        '- Reference [link][design] and a [relative doc](../docs/design.md)',
        '- No link at all',
        '',
        '[design]: https://github.com/acme/rfcs/blob/main/0042.md',
      ].join('\n'),
    );
    expect(a?.links.map((l) => l.url)).toEqual(['https://github.com/acme/infra/pull/1']);
    expect(b?.links.map((l) => [l.url, l.placeholder])).toEqual([
      ['https://github.com/acme/infra/pull/2', undefined],
      ['https://example.org/x', 'the link points at an example domain'],
    ]);
    expect(c?.references).toEqual(['#12', 'acme/infra#34', 'GH-5', 'PR#7']);
    // Shaped like a tracker key: the review keeps it only for a declared tracker.
    expect(c?.keys).toEqual(['OPS-42', 'L3-2']);
    expect(d?.links.map((l) => l.url)).toEqual([
      'https://github.com/acme/rfcs/blob/main/0042.md',
      '../docs/design.md',
    ]);
    expect(e?.links).toEqual([]);
    expect(e?.references).toEqual([]);
  });

  it('keeps nested items with their parent item', () => {
    const list = items(
      '- Parent item\n  - child with [link](https://github.com/a/b/pull/3)\n  - another child\n- Second',
    );
    expect(list.map((i) => i.line)).toEqual([9, 12]);
    expect(list[0]?.links.map((l) => l.url)).toEqual(['https://github.com/a/b/pull/3']);
    expect(list[0]?.excerpt).toBe('Parent item');
    expect(list[0]?.endLine).toBe(11);
  });

  it('shows links by their text in excerpts, and clips long excerpts', () => {
    const [a, b] = items(
      `- Led [the upgrade](https://github.com/a/b/pull/1), see <https://github.com/a/b/issues/9>\n- ${'word '.repeat(60)}`,
    );
    expect(a?.excerpt).toBe('Led the upgrade, see github.com/a/b/issues/9');
    expect(b?.excerpt.length).toBe(160);
    expect(b?.excerpt.endsWith('…')).toBe(true);
  });

  it('recognises placeholders', () => {
    const reasons = items(
      [
        '- TBD',
        '- TODO: add the incident',
        '- Lorem ipsum dolor sit amet',
        '- ...',
        '- n/a',
        '- Todo app migration ([PR](https://github.com/a/b/pull/1))',
        '- [link](https://github.com/a/b/pull/2)',
        '- asdf [PR](https://github.com/a/b/pull/3)',
        '- Adopted asdf for every runtime [PR](https://github.com/a/b/pull/4)',
        '- Documented the `TODO` convention ([PR](https://github.com/a/b/pull/5))',
      ].join('\n'),
    ).map((i) => i.placeholder);
    expect(reasons).toEqual([
      'the item says only TBD',
      'it still says TODO',
      'it is lorem ipsum',
      'the item is empty',
      'the item says only N/A',
      undefined,
      undefined,
      'it is filler text, not evidence',
      undefined,
      undefined,
    ]);
    expect(itemPlaceholder('Reduced p99 latency by XXX ms', [])).toBe('it still says XXX');
  });

  it('counts one word said three times or more as filler, and nothing else', () => {
    const filler = 'it is filler text, not evidence';
    for (const text of ['test test test', 'Data, data; DATA!', 'ab ab ab ab ab', 'go  go\tgo'])
      expect(itemPlaceholder(text, []), text).toBe(filler);
    for (const text of [
      'data data',
      'ab ab abc',
      'abc ab ab',
      'ab abab ab',
      'a aa a',
      'go go go on',
    ])
      expect(itemPlaceholder(text, []), text).toBeUndefined();
  });

  it('reads which expectations an item addresses', () => {
    const numbers = (text: string) => notesIn(text).flatMap((n) => n.numbers);
    expect(numbers('Did it (addresses: 2)')).toEqual([2]);
    expect(numbers('Did it (Addresses: 1, 3 and #4)')).toEqual([1, 3, 4]);
    expect(numbers('addresses expectation 2 & 2')).toEqual([2]);
    expect(numbers('Addressed the backlog of 30 tickets')).toEqual([]);
    // Brackets or a colon make a note without the other; prose that starts "Addressed 3" is not.
    expect(numbers('Did it (addresses 2, 3)')).toEqual([2, 3]);
    expect(numbers('Did it. Addresses: 1 and 3.')).toEqual([1, 3]);
    expect(numbers('Addressed 3 SEV-1 incidents in one week as incident commander (#1)')).toEqual(
      [],
    );
    expect(numbers('Addressed 12 security findings from the audit on my own (#2)')).toEqual([]);
    expect(numbers('(addressed 4 alerts a night)')).toEqual([]);
    // Ids with `and` inside are ids; `and` between spaces separates.
    expect(
      notesIn(
        'C (addresses: plans-and-performs-maintenance-independently, full-participant-in-regular-on)',
      ).flatMap((n) => n.ids),
    ).toEqual(['plans-and-performs-maintenance-independently', 'full-participant-in-regular-on']);
    expect(notesIn('(addresses: band-aid and 2, and-more & 3)')).toEqual([
      { index: 0, numbers: [2, 3], ids: ['band-aid', 'and-more'], unreadable: [] },
    ]);
    // A full stop ends the note, not its last entry.
    expect(notesIn('x (addresses: 1.)')).toEqual([
      { index: 2, numbers: [1], ids: [], unreadable: [] },
    ]);
    expect(notesIn('x (addresses: 2, band-aid.)').flatMap((n) => [...n.numbers, ...n.ids])).toEqual(
      [2, 'band-aid'],
    );
    // What is neither a number nor an id is kept to be reported; so is 0.
    expect(notesIn('x (addresses: Mastery 2, 0)')).toEqual([
      { index: 2, numbers: [0], ids: [], unreadable: ['Mastery 2'] },
    ]);
    const [quoted] = items('- I "plan and perform maintenance independently" now');
    expect(quoted?.quotes).toEqual(['plan and perform maintenance independently']);
  });

  it('places each `(addresses …)` note where it is written, and reads no issue in one', () => {
    const [one, two] = items(
      [
        '- Worked on the thing alone (addresses: #1)',
        '- Fixed [it](https://github.com/a/b/pull/2) (#3) (addresses: 2)',
        '  and more, **in bold** (addresses: x y)',
        '  - nested (Addresses 3)',
      ].join('\n'),
    );
    expect(one?.references).toEqual([]);
    expect(one?.notes).toEqual([{ line: 9, column: 29, numbers: [1], ids: [], unreadable: [] }]);
    expect(two?.references).toEqual(['#3']);
    expect(two?.notes.map((n) => [n.line, n.column, n.numbers, n.unreadable])).toEqual([
      [10, 50, [2], []],
      [11, 25, [], ['x y']],
      [12, 12, [3], []],
    ]);
    expect(two?.addresses).toEqual([2, 3]);
  });

  it('normalises text for matching', () => {
    expect(normaliseText('  Tech & Tooling — Ownership!  ')).toBe('tech and tooling ownership');
  });
});
