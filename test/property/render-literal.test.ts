// Property test of the render stage: any text placed in a ladder (titles, statements, thread
// steps) comes out literally. Each generated ladder is validated and rendered; its pages are
// parsed back as GitHub parses them (CommonMark + GFM), and every string is found again as the
// plain text of its heading, list item or table cell, made of text nodes only: no emphasis,
// code, HTML, image or link came out of it (a URL typed in the text may become GitHub's own
// autolink, whose text is the URL itself).

import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as nodeText } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ladderFilesHealth } from '../../src/health/health';
import { renderSite } from '../../src/render/index';
import { validateLadders } from '../../src/validate/index';
import { params } from './settings';

/** Characters and strings that are Markdown, HTML or GitHub syntax somewhere. */
const PIECES = [
  '|',
  '*',
  '**',
  '_',
  '__',
  '<',
  '>',
  '[',
  ']',
  '(',
  ')',
  '`',
  '```',
  '#',
  '# ',
  '## ',
  '\\',
  '!',
  '![',
  '&',
  '&amp;',
  '&#42;',
  '&copy;',
  '~',
  '~~',
  '-',
  '- ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '=',
  '---',
  ':',
  '@octocat',
  '#12',
  '<b>',
  '</b>',
  '<!--',
  '-->',
  '<https://auto.link>',
  'https://x.y/',
  'www.x.dev',
  'a@b.co',
  'HTTP://',
  '[x](javascript:alert(1))',
  '[^1]',
  '$',
  '^',
  '{',
  '}',
  '"',
  "'",
  ' ',
  '  ',
  'a',
  'Z',
  '3',
  'שלום',
  'مرحبا',
  'é',
  'e\u0301',
  'Z\u0324\u0308',
  '👩‍💻',
  '中文',
];

const piece = fc.constantFrom(...PIECES);
/** A string of syntax pieces; the index keeps each one distinct and never blank. */
const hostile = fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** What the renderer promises: whitespace runs become one space, and ends are trimmed. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The plain text of every node of `type`, each only if it holds nothing but text. */
function literalTexts(tree: Root, type: string): string[] {
  const out: string[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type !== type) return;
    let plain = true;
    visit(node, (inner: Nodes) => {
      if (inner === node) return;
      if (['text', 'paragraph', 'break'].includes(inner.type)) return;
      // GitHub's autolink literal: the link's text is the URL as typed.
      if (inner.type === 'link' && inner.url.endsWith(nodeText(inner))) return;
      plain = false;
    });
    if (plain) out.push(nodeText(node));
  });
  return out;
}

describe('the rendered pages', () => {
  it('render: ladder text renders literally', () => {
    const texts = fc.record({
      ladder: hostile,
      levels: fc.array(hostile, { minLength: 2, maxLength: 2 }),
      dimensions: fc.array(hostile, { minLength: 2, maxLength: 2 }),
      statements: fc.array(hostile, { minLength: 1, maxLength: 4 }),
      step: hostile,
    });
    fc.assert(
      fc.property(texts, (t) => {
        // Distinct, never blank: a suffix that is plain text.
        const title = (s: string, n: number) => `${s} t${n}`;
        const statements = t.statements.map((s, i) => `${s} s${i}`);
        const ladder = {
          id: 'prop',
          title: title(t.ladder, 0),
          groups: [{ id: 'g', title: 'Group' }],
          dimensions: t.dimensions.map((d, i) => ({ id: `d${i}`, title: title(d, i), group: 'g' })),
          levels: t.levels.map((l, i) => ({
            id: `L${i + 1}`,
            title: title(l, i),
            expectations: { d0: statements, d1: [`plain ${i}`] },
          })),
          threads: [{ id: 'th', title: 'Thread', steps: { L1: title(t.step, 9) } }],
        };
        const { model, diagnostics } = validateLadders([
          { path: 'ladders/prop.yml', bytes: new TextEncoder().encode(stringify(ladder)) },
        ]);
        expect(diagnostics).toEqual([]);
        const { files } = renderSite(model, {
          pagesDir: 'docs/ladders',
          health: ladderFilesHealth(model),
        });
        const page = (path: string) => {
          const file = files.find((f) => f.path === path);
          if (!file) throw new Error(`no page ${path}`);
          return parse(file.content);
        };
        const readme = page('prop/README.md');
        expect(literalTexts(readme, 'heading')[0]).toBe(oneLine(ladder.title));
        const cells = literalTexts(readme, 'tableCell');
        expect(cells).toContain(oneLine(title(t.step, 9)));
        for (const [i, level] of ladder.levels.entries()) {
          const tree = page(`prop/${level.id}.md`);
          const headings = literalTexts(tree, 'heading');
          expect(headings[0]).toBe(oneLine(`${level.id}: ${level.title}`));
          for (const d of ladder.dimensions) expect(headings).toContain(oneLine(d.title));
          const items = literalTexts(tree, 'listItem');
          for (const s of statements) expect(items).toContain(oneLine(s));
          expect(items).toContain(`plain ${i}`);
          // Nothing but our own marker became HTML.
          const html: string[] = [];
          visit(tree, 'html', (node) => {
            html.push(node.value);
          });
          expect(html.filter((h) => !h.startsWith('<!-- Generated'))).toEqual([]);
        }
      }),
      params('render: ladder text renders literally'),
    );
  });
});
