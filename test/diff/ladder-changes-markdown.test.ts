// The "Ladder changes" section: it renders as intended on GitHub (parsed back with GFM), never
// pings, never lets ladder text inject HTML or the comment marker, and stays within its budget.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as mdToString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/diff-models';
import { packetImpact } from '../../src/diff/impact';
import { ladderChangesMarkdown } from '../../src/report/ladder-changes';
import { ladderChangesText } from '../../src/report/ladder-changes-text';
import { ACTING_CHARACTER, mathIn, parseAsGitHub } from '../helpers/github-markdown';
import { ladderModel, sideModel } from './models';

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

const hostile = (statement: string, version = '1.0.0') => `id: demo
title: Demo
version: ${version}
dimensions:
  - id: craft
    title: Craft
levels:
  - id: A
    title: One
    expectations:
      craft:
        - ${JSON.stringify(statement)}
`;

describe('ladderChangesMarkdown', () => {
  const base = sideModel('scenario', 'base');
  const head = sideModel('scenario', 'head');
  const result = diffModels(base, head);
  const impact = packetImpact(result, [
    { path: 'promotions/2026-h2/rivera-dana.md', ladder: 'platform', from: 'P2', to: 'P3' },
  ]);
  const markdown = ladderChangesMarkdown(result, impact);
  const tree = parse(markdown);

  it('parses back to a heading, a version table, lists, details and the impact list', () => {
    const headings: string[] = [];
    visit(tree, 'heading', (h) => {
      headings.push(`${h.depth} ${mdToString(h)}`);
    });
    expect(headings).toEqual([
      '2 Ladder changes',
      '3 Platform Engineering (platform)',
      '3 Ability: Platform Skill (platform-skill)',
      '3 Impact on packets',
    ]);
    const tables: string[][] = [];
    visit(tree, 'table', (t) => {
      tables.push(
        t.children.map((row) => mdToString(row.children[0] ?? { type: 'text', value: '' })),
      );
    });
    expect(tables).toEqual([
      ['', 'Platform Engineering (platform)', 'Platform Skill (platform-skill, ability)'],
    ]);
    const html: string[] = [];
    visit(tree, 'html', (h) => {
      html.push(h.value.split('\n')[0] ?? '');
    });
    expect(html).toEqual(['<details>', '</details>']);
    expect(markdown).toContain('at least ~~one~~**two**.');
  });

  it('shows the rewording with struck and bold words', () => {
    const deleted: string[] = [];
    visit(tree, 'delete', (d) => {
      deleted.push(mdToString(d));
    });
    expect(deleted).toEqual(['one']);
  });

  it('neutralises mentions and escapes HTML and the marker in ladder text', () => {
    const before = ladderModel(hostile('Reviews @octocat and @acme/ops work.'));
    const after = ladderModel(
      hostile(
        'Reviews <!-- ladder-as-code --> <img src=x onerror=alert(1)> @octocat and @acme/ops [x](javascript:alert(1)) work.',
      ),
    );
    const out = ladderChangesMarkdown(diffModels(before, after));
    // A word joiner after each `@` breaks GitHub's mention pattern.
    expect(out).not.toMatch(/@[A-Za-z]/);
    expect(out).toContain('octocat');
    expect(out).not.toContain('<!--');
    // `<` before a tag name is escaped, so it is text, not HTML.
    expect(out).not.toMatch(/(^|[^\\])<img/);
    expect(out).toContain('\\<img');
    const parsed = parse(out);
    const html: string[] = [];
    visit(parsed, 'html', (h) => {
      html.push(h.value);
    });
    // Only our own <details> markup is raw HTML.
    expect(html.every((h) => /^<\/?details>|^<details>\n<summary>/.test(h))).toBe(true);
    let links = 0;
    visit(parsed, 'link', () => {
      links += 1;
    });
    expect(links).toBe(0);
  });

  it('renders math in ladder text as text, and keeps bidi controls out of code spans', () => {
    const before = ladderModel(hostile('Plain.'));
    const after = ladderModel(
      hostile('Is $\\huge\\color{green}\\textsf{✅ complete}$ and $$x$$ and $`y`$.').replace(
        'title: Demo',
        'title: "Demo $\\\\huge{⛔}$"',
      ),
    );
    const diff = diffModels(before, after);
    const impact = packetImpact(diff, [
      { path: 'promotions/\u202Egpj.md', ladder: 'demo', from: 'A', to: 'A' },
    ]);
    const out = ladderChangesMarkdown(diff, impact);
    expect(out).toContain('`promotions/gpj.md`');
    const tree = parseAsGitHub(out);
    expect(mathIn(tree)).toEqual([]);
    expect(mdToString(tree)).toContain('$\\huge\\color{green}');
    expect(mdToString(tree)).toContain('Demo $\\huge{⛔}$');
    visit(tree, (node) => {
      if (node.type === 'inlineCode' || node.type === 'text')
        expect(node.value).not.toMatch(ACTING_CHARACTER);
    });
  });

  it('keeps terminal control characters out of the text report', () => {
    const before = ladderModel(hostile('Plain.'));
    const after = ladderModel(hostile('Plain \u001b[31mred\u001b[0m.'));
    expect(ladderChangesText(diffModels(before, after))).not.toContain('\u001b');
  });

  it('stays within its size budget, and says when it was shortened', () => {
    const many = (word: string) =>
      Array.from(
        { length: 400 },
        (_, i) => `        - Statement ${i} about ${word} ${'and more words '.repeat(20)}`,
      ).join('\n');
    const ladder = (word: string, version: string) => `id: demo
title: Demo
version: ${version}
dimensions:
  - id: craft
    title: Craft
levels:
${Array.from({ length: 10 }, (_, l) => `  - id: L${l}\n    title: Level ${l}\n    expectations:\n      craft:\n${many(`${word}${l}`)}`).join('\n')}
`;
    const result = diffModels(
      ladderModel(ladder('alpha', '1.0.0')),
      ladderModel(ladder('beta', '1.0.0')),
    );
    expect(result.changes.length).toBeGreaterThan(3000);
    const out = ladderChangesMarkdown(result, [], { maxLength: 20_000 });
    expect(out.length).toBeLessThanOrEqual(20_000);
    expect(out).toContain('Shortened to fit in a comment');
    expect(out).toContain('version: 1.1.0');
  });

  it('says so when there are no changes', () => {
    const model = sideModel('editorial', 'base');
    expect(ladderChangesMarkdown(diffModels(model, model))).toBe(
      '## Ladder changes\n\nNo changes to the ladders in ladder terms.\n',
    );
  });
});
