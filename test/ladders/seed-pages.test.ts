/**
 * The rendered pages say what the seed documents say.
 *
 * seeds.test.ts checks that the shipped ladders (the YAML) encode the seeds word for word; this
 * file checks the other half, what people read: the committed pages under docs/ladders, parsed
 * as GitHub reads them. Every expectation, title, milestone and its worth, and advancement edge
 * of the seeds is on the page where a reader looks for it, in the seed's words; so a renderer
 * that drops, reorders or rewords one fails here even when the pages are regenerated with it.
 * Skipped, with why, where the seeds are absent (`LADDER_SEEDS` points at them, as for
 * seeds.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent, Table, TableCell } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parse } from '../render/markdown-tree';
import { careerLevels, haveSeeds, lines, pagesDir, plain, seed, seedsDir } from './seed-files';

/** A committed page, parsed as GitHub reads it. */
function page(file: string): Root {
  return parse(readFileSync(path.join(pagesDir, file), 'utf8'));
}

/** A page's top-level blocks, each with the headings above it (`h[2]` is the `##` heading). */
interface Placed {
  readonly node: RootContent;
  readonly h: readonly string[];
}

function placed(tree: Root): Placed[] {
  const h: string[] = [];
  const out: Placed[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      h.length = node.depth;
      h[node.depth] = nodeText(node);
    } else out.push({ node, h: [...h] });
  }
  return out;
}

/** The blocks under the `##` heading `title` (and any heading below it). */
function under(tree: Root, title: string): Placed[] {
  return placed(tree).filter((p) => p.h[2] === title);
}

/** The text of each item of the lists among `blocks`. */
function items(blocks: readonly Placed[]): string[] {
  return blocks.flatMap((b) =>
    b.node.type === 'list' ? b.node.children.map((n) => nodeText(n)) : [],
  );
}

/** The text of each paragraph among `blocks`. */
function texts(blocks: readonly Placed[]): string[] {
  return blocks.filter((b) => b.node.type === 'paragraph').map((b) => nodeText(b.node));
}

/** The text of every block a reader sees on a page: paragraphs, list items, table cells, headings. */
function visible(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Root | RootContent): void => {
    if (['paragraph', 'heading', 'tableCell'].includes(node.type)) out.push(nodeText(node));
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}

/** A table's rows as cell texts, the header first; `drop` leaves out nodes of those types. */
function rows(table: Table, drop: readonly string[] = []): string[][] {
  const text = (node: RootContent): string =>
    drop.includes(node.type)
      ? ''
      : 'children' in node
        ? node.children.map(text).join('')
        : 'value' in node
          ? node.value
          : '';
  return table.children.map((row) =>
    row.children.map((cell) => cell.children.map(text).join('').replace(/\s+/g, ' ').trim()),
  );
}

/** The titles of the ladder's levels as its index page lists them, id first where it has one. */
function levelLinks(file: string): Map<string, string> {
  const out = new Map<string, string>();
  const table = under(page(file), 'Levels').find((b) => b.node.type === 'table')?.node as Table;
  for (const row of table.children.slice(1)) {
    const link = row.children[0]?.children.find((n) => n.type === 'link');
    if (link?.type === 'link') out.set(nodeText(link), link.url);
  }
  return out;
}

describe.skipIf(!haveSeeds)(
  haveSeeds
    ? `the rendered pages are faithful to the seeds in ${seedsDir}`
    : `the rendered pages are faithful to the seeds: skipped, because ${seedsDir} is absent`,
  () => {
    describe('ops ← 001 "Titles for Ops": every level, group, dimension and expectation', () => {
      interface SeedLevel {
        id: string;
        title: string;
        /** [group, dimension, bullets], in reading order */
        dimensions: [string, string, string[]][];
      }
      const levels: SeedLevel[] = [];
      let ladderTitle = '';
      let group = '';
      for (const line of lines(seed('001_'))) {
        const current = levels.at(-1);
        const h1 = line.match(/^# (.+)$/);
        const h2 = line.match(/^## (.+) \((L\d+)\)$/);
        const bullet = line.match(/^- (.+)$/);
        if (h1) ladderTitle = h1[1] as string;
        else if (h2) levels.push({ id: h2[2] as string, title: h2[1] as string, dimensions: [] });
        else if (line.startsWith('### ')) group = line.slice(4);
        else if (line.startsWith('#### ')) current?.dimensions.push([group, line.slice(5), []]);
        else if (bullet) current?.dimensions.at(-1)?.[2].push(bullet[1] as string);
      }
      const bullets = (level: SeedLevel | undefined, dimension: string) =>
        level?.dimensions.find((d) => d[1] === dimension)?.[2] ?? [];

      it('the ladder page has the title and every level, in order, each linking to its page', () => {
        expect(levels).toHaveLength(5);
        expect(texts(placed(page('ops/README.md')).filter((b) => b.h.length === 0))).toContain(
          `Career ladders › ${ladderTitle}`,
        );
        expect([...levelLinks('ops/README.md')]).toEqual(
          levels.map((l) => [`${l.id}: ${l.title}`, `${l.id}.md`]),
        );
      });

      it('the ladder page’s matrix has every bullet, word for word, in its dimension’s row and its level’s column', () => {
        const table = under(page('ops/README.md'), 'Expectations by dimension').find(
          (b) => b.node.type === 'table',
        )?.node as Table;
        // A cell's statements: a bold number (`**2.**`) starts each one when there are several.
        const statements = (cell: TableCell): string[] => {
          const out: string[] = [''];
          for (const n of cell.children)
            if (n.type === 'strong' && /^\d+\.$/.test(nodeText(n))) out.push('');
            else out[out.length - 1] += nodeText(n);
          return out.map((t) => t.trim()).filter((t) => t !== '');
        };
        const [header, ...body] = table.children;
        expect(header?.children.map((c) => nodeText(c))).toEqual([
          'Dimension',
          ...levels.map((l) => `${l.id}: ${l.title}`),
        ]);
        const shown = body.map((row) => row.children.map(statements));
        // A row naming the group (its other cells empty) above its dimensions' rows.
        const expected: string[][][] = [];
        let last = '';
        for (const [group, dimension] of levels[0]?.dimensions ?? []) {
          if (group !== last) expected.push([[group], ...levels.map(() => [])]);
          last = group;
          expected.push([[dimension], ...levels.map((l) => bullets(l, dimension))]);
        }
        expect(shown).toEqual(expected);
      });

      for (const level of levels)
        it(`${level.id}.md: every expectation under its group and dimension, word for word, in order`, () => {
          const tree = page(`ops/${level.id}.md`);
          expect(nodeText(tree.children.find((n) => n.type === 'heading') ?? tree)).toBe(
            `${level.id}: ${level.title}`,
          );
          const shown: [string, string, string[]][] = [];
          for (const b of under(tree, 'Expectations'))
            if (b.node.type === 'list')
              shown.push([b.h[3] ?? '', b.h[4] ?? '', b.node.children.map((n) => nodeText(n))]);
          expect(shown).toEqual(level.dimensions);
        });

      for (const [from, to] of levels.slice(0, -1).map((l, i) => [l, levels[i + 1]] as const))
        it(`${from.id}-to-${to?.id}.md: both levels' statements of every dimension, the higher one's whole without its struck words`, () => {
          const tree = page(`ops/${from.id}-to-${to?.id}.md`);
          const blocks = under(tree, 'Expectations');
          const same = texts(blocks).find((t) => t.startsWith('Stated the same at ')) ?? '';
          for (const [, dimension, lower] of from.dimensions) {
            const higher = bullets(to, dimension);
            const table = blocks.find((b) => b.h[4] === dimension && b.node.type === 'table');
            if (table === undefined) {
              // Named once at the end: only when both levels state it the same way.
              expect(same, dimension).toContain(dimension);
              expect(higher, dimension).toEqual(lower);
              continue;
            }
            // Without its struck runs; the page spaces a struck run off the words around it, so
            // a space may stand before the punctuation that follows one.
            const cells = rows(table.node as Table, ['delete'])
              .slice(1)
              .map((r) => r.map((c) => c.replace(/ ([.,;:!?)])/g, '$1')));
            const unmarked = rows(table.node as Table).slice(1);
            const stated = (column: number, list: string[][]) =>
              list
                .map((r) => r[column] ?? '')
                .filter((c) => c !== '' && !/^not restated at /.test(c));
            expect(stated(0, unmarked).sort(), dimension).toEqual([...lower].sort());
            expect(stated(1, cells).sort(), dimension).toEqual([...higher].sort());
          }
        });
    });

    describe('ops ← 000 handbook chapter: every line on the ops pages, each level’s part on its page', () => {
      const text = seed('000_');
      const opsPages = readdirSync(path.join(pagesDir, 'ops')).map((f) => `ops/${f}`);
      const shown = [...opsPages, 'README.md'].flatMap((f) => visible(page(f)));

      it('every line of the chapter is shown on an ops page, in its words', () => {
        const missing: string[] = [];
        for (const line of lines(text)) {
          if (line === '') continue;
          // `- **L1**: Follow …` is the thread's cell of level L1; `**Book:** Employee …` a detail.
          const t = plain(line.replace(/^(#+|-|\d+\.)\s+/, ''));
          const ok = [t, t.replace(/^[^:]+: /, ''), t.replace(/ \(L\d+\)$/, '')].some((v) =>
            shown.some((s) => s.includes(v)),
          );
          if (!ok) missing.push(line);
        }
        expect(missing).toEqual([]);
      });

      it('each level page shows the chapter’s title, theme, focus and key lines of that level', () => {
        const blocks = text.split(/^### /m).filter((b) => /^.+ \(L\d+\)\n/.test(b));
        expect(blocks).toHaveLength(5);
        for (const block of blocks) {
          const all = lines(block);
          const end = all.findIndex((l) => l.startsWith('#'));
          const [heading = '', ...rest] = all
            .slice(0, end === -1 ? undefined : end)
            .filter((l) => l !== '');
          const id = heading.match(/\((L\d+)\)$/)?.[1];
          const part = under(page(`ops/${id}.md`), 'The Five Levels of Ops Mastery');
          expect(texts(part).slice(1), heading).toEqual([
            heading,
            ...rest.filter((l) => !l.startsWith('- ')).map(plain),
          ]);
          expect(items(part), heading).toEqual(
            rest.filter((l) => l.startsWith('- ')).map((l) => l.slice(2)),
          );
        }
      });
    });

    describe('ops ← 002 "Ops Skill": every milestone with its worth and examples, and the role', () => {
      const text = lines(seed('002_'));
      const tree = page('abilities/ops/ops-skill.md');

      it('shows the description, and each milestone’s worth and every example in its words', () => {
        expect(texts(placed(tree))).toContain(text[text.indexOf('Description') + 1]);
        const milestones: { title: string; worth: string; examples: string[] }[] = [];
        for (const line of text) {
          const current = milestones.at(-1);
          if (/^Milestone \d+$/.test(line))
            milestones.push({ title: line, worth: '', examples: [] });
          else if (/^\(adds \d+ miles? to your journey\)$/.test(line) && current)
            current.worth = line;
          else if (current && line.startsWith('|') && !/^\|[-|\s]+\|$/.test(line))
            current.examples.push(
              ...line
                .split('|')
                .slice(1, -1)
                .map((c) => c.trim())
                .filter((c) => c !== '' && c !== 'Examples'),
            );
        }
        expect(milestones).toHaveLength(5);
        const shown = milestones.map(({ title }) => {
          const blocks = placed(tree).filter((b) => b.h[3] === title);
          return { title, worth: texts(blocks)[0] ?? '', examples: items(blocks) };
        });
        expect(shown).toEqual(milestones);
        // Headed as the seed heads them, so they do not read as what the milestone requires.
        expect(text.filter((l) => /^\| Examples \|/.test(l))).toHaveLength(5);
        for (const { title } of milestones)
          expect(texts(placed(tree).filter((b) => b.h[3] === title))[1], title).toBe('Examples');
      });

      it('shows the role requirement', () => {
        const requirement = text
          .map((l) => l.match(/^- (.+?)\s*must be milestone (\d+)\+$/))
          .find((m) => m !== null);
        const table = under(tree, 'Required by').find((b) => b.node.type === 'table');
        expect(rows(table?.node as Table).slice(1)).toEqual([
          [requirement?.[1], 'Titles for Ops', `Milestone ${requirement?.[2]} or higher`],
        ]);
      });
    });

    describe('web-operations ← 003 "Career ladder": every level, paragraph and advancement', () => {
      const levels = careerLevels(lines(seed('003_'))).map((level) => ({
        ...level,
        next: level.advancement?.split(' or ') ?? [],
      }));
      const links = levelLinks('web-operations/README.md');

      it('the ladder page lists every level, in order', () => {
        expect(levels).toHaveLength(5);
        expect([...links.keys()]).toEqual(levels.map((l) => l.title));
      });

      for (const level of levels)
        it(`${level.title}: its paragraphs word for word, in order, and where it advances`, () => {
          const tree = page(`web-operations/${links.get(level.title)}`);
          expect(nodeText(tree.children.find((n) => n.type === 'heading') ?? tree)).toBe(
            level.title,
          );
          const intro = placed(tree).filter((b) => b.h[2] === undefined);
          const from = texts(intro).indexOf('From Career ladder — Web Operations.');
          expect(texts(intro).slice(from + 1)).toEqual(level.prose);
          const next = items(under(tree, 'Where you can go next'));
          expect(next).toHaveLength(level.next.length);
          level.next.forEach((target, i) => expect(next[i]?.startsWith(target)).toBe(true));
        });
    });

    describe('ops ← 004 "OPS Role in the Company": the whole essay on the about page', () => {
      const text = lines(seed('004_'));
      const shown = visible(page('ops/about.md'));

      it('every line of the essay’s body is shown, in its words', () => {
        const body = text.slice(text.indexOf('---', 1) + 1);
        const missing = body
          .map((l) =>
            l
              .replace(/^(#+|-|\|)\s*/, '')
              .replace(/\s*\|$/, '')
              .trim(),
          )
          .filter((l) => l !== '' && !/^-+$/.test(l))
          .filter((l) => !shown.some((s) => s.includes(l) || s.includes(l.replace(/:$/, ''))));
        expect(missing).toEqual([]);
      });
    });
  },
);
