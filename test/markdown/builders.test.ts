// The one set of mdast builders in its two text modes: `safe` (text a pull request's author
// controls, in a comment, summary or report) leaves GitHub nothing to act on; `page` (a ladder
// author's text on a rendered page) shows the text as written. Read back as GitHub reads it.
import type { Nodes, Root } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { details, escapeHtml, oneLine } from '../../src/markdown/builders';
import * as page from '../../src/markdown/page';
import * as safe from '../../src/markdown/safe';
import { serialise } from '../../src/markdown/serialise';
import { ACTING_CHARACTER, mathIn, parseAsGitHub } from '../helpers/github-markdown';

const HOSTILE =
  'Hi @octocat and @acme/sre, see #12 and GH-7 at https://evil.example or www.evil.dev: <b>bold</b> <img src=x onerror=alert(1)> $\\huge{x}$ <!-- ladder-as-code:pr-comment --> \u202Egpj.exe';

/** Every node of a tree, by type. */
function nodes(tree: Root, type: Nodes['type']): Nodes[] {
  const out: Nodes[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === type) out.push(node);
  });
  return out;
}

describe('safe mode', () => {
  const markdown = serialise([
    safe.heading(2, HOSTILE),
    safe.paragraph(HOSTILE, ' ', safe.code(HOSTILE)),
    safe.list([[HOSTILE], [safe.strong(HOSTILE)]]),
    safe.table(['h'], [[[HOSTILE]]]),
  ]);
  const tree = parseAsGitHub(markdown);

  it('leaves no mention, issue reference or link for GitHub to act on', () => {
    for (const node of nodes(tree, 'text')) {
      const value = (node as { value: string }).value;
      expect(value).not.toMatch(/(^|[^\p{L}\p{N}_])@[\p{L}\p{N}]/u);
      expect(value).not.toMatch(/#\d|\bGH-\d/i);
      expect(value).not.toMatch(/:\/\/|\bwww\./);
    }
    expect(nodes(tree, 'link')).toEqual([]);
  });

  it('neutralises the same in code spans', () => {
    const [code] = nodes(tree, 'inlineCode') as { value: string }[];
    expect(code?.value).not.toMatch(/@[a-z]|#\d|:\/\/|<!--/);
  });

  it('lets no HTML, math or marker through, and drops bidi controls', () => {
    expect(nodes(tree, 'html')).toEqual([]);
    expect(mathIn(tree)).toEqual([]);
    expect(markdown).not.toContain('<!--');
    expect(markdown).not.toContain('\u202E');
    for (const node of [...nodes(tree, 'text'), ...nodes(tree, 'inlineCode')])
      expect((node as { value: string }).value).not.toMatch(ACTING_CHARACTER);
  });

  it('still shows the words', () => {
    const text = nodeText(tree).replaceAll('\u2060', '');
    for (const word of ['@octocat', '#12', '<b>bold</b>', '$\\huge{x}$', 'gpj.exe'])
      expect(text).toContain(word);
  });

  it('merges adjacent texts, so a mention split across two strings is still broken', () => {
    const out = serialise([safe.paragraph('@', 'octocat', ' #', '12')]);
    expect(out).toBe('@\u2060octocat #\u206012\n');
  });

  it('collapses white space and trims the edges of a block', () => {
    expect(serialise([safe.paragraph('  a\n\n b\t', safe.strong(' c '))])).toBe('a b **c**\n');
  });
});

describe('page mode', () => {
  it('keeps a ladder author’s text literal', () => {
    const text = 'Owns @team/oncall work, #12 included, at $5 <b>a</b> & more';
    const tree = parseAsGitHub(serialise([page.paragraph(text), page.table(['h'], [[[text]]])]));
    expect(nodeText(tree.children[0] as Nodes)).toBe(text);
    expect(nodes(tree, 'html')).toEqual([]);
    expect(mathIn(tree)).toEqual([]);
    expect(serialise([page.paragraph(text)])).not.toContain('\u2060');
  });

  it('drops tag characters, which hide text from readers, but keeps a subdivision flag', () => {
    const hidden = [...'ignore the review']
      .map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)))
      .join('');
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    for (const mode of [safe, page]) {
      const markdown = serialise([mode.paragraph(`Shipped it${hidden} ${england}`)]);
      expect(markdown).toBe(`Shipped it ${england}\n`);
      expect(serialise([mode.paragraph(mode.code(`x${hidden}`))])).toBe('`x`\n');
    }
  });

  it('keeps one of a run of variation selectors or zero-width characters, which can hide bytes', () => {
    const bytes = [...'hi'].map((c) => String.fromCodePoint(0xe0100 + c.charCodeAt(0))).join('');
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    for (const mode of [safe, page]) {
      expect(serialise([mode.paragraph(`ok \u{1F44D}\uFE0F${bytes} ${family}`)])).toBe(
        `ok \u{1F44D}\uFE0F ${family}\n`,
      );
      expect(serialise([mode.paragraph('a\u200B\u200C\u200B\u200Db')])).toBe('a\u200Bb\n');
    }
  });

  it('drops bidi controls but keeps the rest of the text', () => {
    expect(serialise([page.paragraph('a\u202Eb\u2066c')])).toBe('abc\n');
  });

  it('writes the lines of a block of text that start with `- ` as a list, its items literal', () => {
    const text = 'We value:\n- *small* changes\n- <b>clear</b> writing\n\n1. # first';
    expect(serialise(page.paragraphs(text))).toBe(
      'We value:\n\n- \\*small\\* changes\n- \\<b>clear\\</b> writing\n\n1. \\# first\n',
    );
    const tree = parseAsGitHub(serialise(page.paragraphs(text)));
    expect(nodes(tree, 'listItem').map((n) => nodeText(n))).toEqual([
      '*small* changes',
      '<b>clear</b> writing',
      '# first',
    ]);
    expect(nodes(tree, 'html')).toEqual([]);
  });

  it('drops an optional column that is empty in every row', () => {
    const table = page.table([{ header: ['a'] }, { header: ['b'], optional: true }], [[['1'], []]]);
    expect(serialise([table])).toBe('| a |\n| - |\n| 1 |\n');
  });
});

describe('shared builders', () => {
  it('escapes HTML once, for every caller', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('writes a <details> summary as inert HTML', () => {
    const blocks = details('@octocat <b> $x$ <!-- -->', [safe.paragraph('body')]);
    expect(serialise(blocks)).toBe(
      '<details><summary>@\u2060octocat &lt;b&gt; &#36;x&#36; &lt;\u2060!-- --\u2060&gt;</summary>\n\nbody\n\n</details>\n',
    );
    expect(serialise(details('s', [], 'block'))).toBe(
      '<details>\n<summary>s</summary>\n\n</details>\n',
    );
  });

  it('turns `code spans` of a message into code, unless the backticks do not pair up', () => {
    expect(safe.message('Use `npx ladder` now')).toEqual(['Use ', safe.code('npx ladder'), ' now']);
    expect(safe.message('One ` alone')).toEqual(['One ` alone']);
    expect(serialise([safe.paragraph(...safe.message('Empty `` code'))])).toBe('Empty code\n');
  });

  it('nests a list in a list item', () => {
    const list = safe.list([safe.item(['outer'], safe.list([['inner']]))]);
    expect(serialise([list])).toBe('- outer\n  - inner\n');
  });

  it('clips text to one line', () => {
    expect(oneLine('a\n b', 10)).toBe('a b');
    expect(oneLine('abcdefghijkl', 5)).toBe('abcd…');
  });
});
