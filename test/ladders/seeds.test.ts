/**
 * The shipped ladders say what the seed documents say.
 *
 * The seeds (the documents the ladders were written from) live outside the repository, in
 * `../shared/seeds/`. Every expectation below is extracted from the seed texts mechanically, so a
 * statement that drifts from its seed, or a seed line that was never encoded, fails the test.
 * The schema part runs on every file under `ladders/`, with or without the seeds; without them
 * (a clone of this repository on its own), the faithfulness part reports itself skipped, with
 * why. `LADDER_SEEDS` points at the seeds from a checkout that has no `../shared/seeds` beside it
 * (a git worktree).
 *
 * This is the one test file about the shipped content: a team that replaces `ladders/` and
 * `promotions/` with its own keeps every other test green.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isAlias, isNode, parse, parseDocument, visit } from 'yaml';
import type { RawEdge, RawLadder, RawLevel } from '../../src/model/raw';
import { reviewPackets } from '../../src/review/index';
import { validateLadders } from '../../src/validate/index';
import { checkLinks, manual } from '../helpers/links';
import { OPTIONS } from '../review/helpers';
import {
  careerLevels,
  haveSeeds,
  lines,
  pagesDir,
  plain,
  root,
  seed,
  seedsDir,
} from './seed-files';

const laddersDir = path.join(root, 'ladders');
const SCHEMA_COMMENT = '# yaml-language-server: $schema=../schema/ladder.schema.json';

// ---------------------------------------------------------------------------------------------
// Reading ladders

function ladderFiles(): string[] {
  return readdirSync(laddersDir)
    .filter((name) => name.endsWith('.yml'))
    .sort();
}

function ladderText(name: string): string {
  return readFileSync(path.join(laddersDir, name), 'utf8');
}

/**
 * A shipped ladder, parsed; an empty one without the seeds, when the tests that read it are
 * skipped (vitest still runs their describe blocks, and a team's ladders/ may not hold it).
 */
function ladder(id: string): RawLadder {
  if (!haveSeeds) return { id, title: id, levels: [] } as unknown as RawLadder;
  return parse(ladderText(`${id}.yml`)) as RawLadder;
}

function level(l: RawLadder, id: string): RawLevel {
  const found = l.levels.find((lv) => lv.id === id);
  if (!found) throw new Error(`no level ${id} in ${l.id}`);
  return found;
}

/** Every string in a parsed ladder: values and keys. */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      allStrings(item, out);
    }
  return out;
}

/** A Markdown document cut at `##` and `###` headings. */
interface Block {
  readonly h2: string | null;
  readonly h3: string | null;
  readonly lines: string[];
}

function blocks(text: string): Block[] {
  const out: Block[] = [{ h2: null, h3: null, lines: [] }];
  let h2: string | null = null;
  for (const line of lines(text)) {
    const m2 = line.match(/^## (.+)$/);
    const m3 = line.match(/^### (.+)$/);
    if (m2) {
      h2 = m2[1] as string;
      out.push({ h2, h3: null, lines: [] });
    } else if (m3) {
      out.push({ h2, h3: m3[1] as string, lines: [] });
    } else if (line.trim() !== '') {
      (out.at(-1) as Block).lines.push(line);
    }
  }
  return out;
}

const bulletsOf = (block: Block) =>
  block.lines.filter((l) => l.startsWith('- ')).map((l) => plain(l.slice(2)));
const paragraphsOf = (block: Block) => block.lines.filter((l) => !l.startsWith('- ')).map(plain);

// ---------------------------------------------------------------------------------------------
// Schema and file format: every shipped file

describe('shipped ladder files', () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'schema/ladder.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: true });
  const validate = ajv.compile(schema);

  it('include the ladders written from the seeds', () => {
    expect(ladderFiles()).toEqual(expect.arrayContaining(['ops.yml', 'web-operations.yml']));
  });

  for (const name of ladderFiles()) {
    describe(name, () => {
      const text = ladderText(name);

      it('passes the JSON Schema', () => {
        const data = parse(text);
        expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
      });

      it('starts with the schema comment and is named after its id', () => {
        expect(text.split('\n')[0]).toBe(SCHEMA_COMMENT);
        expect(text.split('\n')[1]).toMatch(/^# \S/);
        expect(`${(parse(text) as RawLadder).id}.yml`).toBe(name);
      });

      it('uses no anchors, aliases or tags, and has no parse warnings', () => {
        const doc = parseDocument(text);
        expect(doc.errors).toEqual([]);
        expect(doc.warnings).toEqual([]);
        const found: string[] = [];
        visit(doc, (_key, node) => {
          if (isAlias(node)) found.push(`alias *${node.source}`);
          else if (isNode(node) && node.anchor) found.push(`anchor &${node.anchor}`);
          else if (isNode(node) && node.tag) found.push(`tag ${node.tag}`);
        });
        expect(found).toEqual([]);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Faithfulness to the seeds

describe('shipped packets, and the links of the README and the manual into the shipped content', () => {
  const { model } = validateLadders(
    ladderFiles().map((n) => ({
      path: `ladders/${n}`,
      bytes: readFileSync(path.join(laddersDir, n)),
    })),
  );
  const review = (file: string, bytes: Uint8Array) =>
    reviewPackets(model, [{ path: file, bytes }], OPTIONS).packets[0];

  it('promotions/2026-h2/rivera-dana.md is complete', () => {
    const file = 'promotions/2026-h2/rivera-dana.md';
    const packet = review(file, readFileSync(path.join(root, file)));
    expect(packet?.verdict).toBe('complete');
    expect(packet?.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('the example in docs/packets.md is complete', () => {
    const doc = readFileSync(path.join(root, 'docs/packets.md'), 'utf8');
    const start =
      doc.indexOf('```markdown\n', doc.indexOf('### The format')) + '```markdown\n'.length;
    const packet = review(
      'README.md',
      new TextEncoder().encode(doc.slice(start, doc.indexOf('\n```\n', start))),
    );
    expect(packet?.verdict).toBe('complete');
    expect(packet?.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('docs/pages.md links to the index, a ladder page and a level page', () => {
    const links = [
      ...readFileSync(path.join(root, 'docs/pages.md'), 'utf8').matchAll(
        /\]\((ladders\/[^)#]+)\)/g,
      ),
    ].map((m) => `docs/${m[1] ?? ''}`);
    expect(links).toEqual(
      expect.arrayContaining([
        'docs/ladders/README.md',
        'docs/ladders/ops/README.md',
        'docs/ladders/ops/L3.md',
      ]),
    );
  });

  it('every link of the README and the manual into ladders/, promotions/ and docs/ladders/ resolves', () => {
    const shipped = /^(ladders|promotions|docs\/ladders)(\/|$)/;
    const checked = checkLinks(
      manual(),
      (target) => !shipped.test(target) || existsSync(path.join(root, target)),
      (target) => /^(README\.md|docs\/[^/]+\.md)$/.test(target),
    );
    expect(checked.problems).toEqual([]);
  });
});

describe.skipIf(!haveSeeds)(
  haveSeeds
    ? `faithful to the seeds in ${seedsDir}`
    : `faithful to the seeds: skipped, because ${seedsDir} is absent (the seed documents live beside this repository, not in it)`,
  () => {
    describe('ops.yml ← 001 "Titles for Ops" (levels, groups, dimensions, expectations)', () => {
      interface SeedLevel {
        id: string;
        title: string;
        /** dimension title → its group title and bullets, in reading order */
        dimensions: { title: string; group: string; bullets: string[] }[];
      }
      const text = seed('001_');
      const seedLevels: SeedLevel[] = [];
      const stray: string[] = [];
      let title = '';
      let group = '';
      for (const line of lines(text)) {
        const current = seedLevels.at(-1);
        const h1 = line.match(/^# (.+)$/);
        const h2 = line.match(/^## (.+) \((L\d+)\)$/);
        const h3 = line.match(/^### (.+)$/);
        const h4 = line.match(/^#### (.+)$/);
        const bullet = line.match(/^- (.+)$/);
        if (h1) title = h1[1] as string;
        else if (h2)
          seedLevels.push({ id: h2[2] as string, title: h2[1] as string, dimensions: [] });
        else if (h3) group = h3[1] as string;
        else if (h4) current?.dimensions.push({ title: h4[1] as string, group, bullets: [] });
        else if (bullet) current?.dimensions.at(-1)?.bullets.push(bullet[1] as string);
        else if (line !== '' && line !== '---') stray.push(line);
      }
      const ops = ladder('ops');
      const dimensionId = (dimTitle: string) =>
        ops.dimensions?.find((d) => d.title === dimTitle)?.id;
      const groupTitle = (id: string | undefined) => ops.groups?.find((g) => g.id === id)?.title;

      it('reads the seed completely', () => {
        expect(stray).toEqual([]);
        expect(seedLevels).toHaveLength(5);
      });

      it('has the title and the level ids and titles, in order', () => {
        expect(ops.title).toBe(title);
        expect(ops.levels.map((l) => [l.id, l.title])).toEqual(
          seedLevels.map((l) => [l.id, l.title]),
        );
      });

      it('has the groups and dimensions, in order, each in its group', () => {
        const seedDims = seedLevels[0]?.dimensions ?? [];
        for (const l of seedLevels)
          expect(l.dimensions.map((d) => [d.title, d.group])).toEqual(
            seedDims.map((d) => [d.title, d.group]),
          );
        expect(ops.groups?.map((g) => g.title)).toEqual([...new Set(seedDims.map((d) => d.group))]);
        expect(ops.dimensions?.map((d) => [d.title, groupTitle(d.group)])).toEqual(
          seedDims.map((d) => [d.title, d.group]),
        );
      });

      for (const seedLevel of seedLevels) {
        it(`${seedLevel.id}: every bullet is a statement of its dimension, word for word, in order`, () => {
          const expectations = level(ops, seedLevel.id).expectations ?? {};
          const expected = Object.fromEntries(
            seedLevel.dimensions.map((d) => [
              dimensionId(d.title) ?? `missing: ${d.title}`,
              d.bullets,
            ]),
          );
          expect(expectations).toEqual(expected);
          expect(Object.keys(expectations)).toEqual(Object.keys(expected));
        });
      }
    });

    describe('ops.yml ← 000 handbook chapter "Titles for Ops"', () => {
      const text = seed('000_');
      const all = blocks(text);
      const ops = ladder('ops');
      // What each part of the chapter is, recognised by its shape.
      const philosophy = all.filter((b) => b.h2 === 'Core Philosophy' && b.h3 === null);
      const levelBlocks = all.filter((b) => / \(L\d+\)$/.test(b.h3 ?? ''));
      const threadBlocks = all.filter(
        (b) => b.h3 !== null && b.lines.some((l) => /^- \*\*L\d+\*\*: /.test(l)),
      );
      const questionBlocks = all.filter((b) => b.lines.some((l) => /^\d+\. /.test(l)));
      const signalBlocks = all.filter((b) => b.h3?.endsWith(' Indicators'));
      const consumed = new Set(
        [...philosophy, ...levelBlocks, ...threadBlocks, ...questionBlocks, ...signalBlocks].map(
          (b) => b.h2,
        ),
      );

      it('takes the description from "Core Philosophy", without the bold markers', () => {
        expect(philosophy).toHaveLength(1);
        expect(ops.description).toBe(plain((philosophy[0] as Block).lines.join(' ')));
      });

      it('takes the handbook titles, themes, focus lines, transition, impact and influence per level', () => {
        expect(levelBlocks).toHaveLength(5);
        expect(ops.levels.map((l) => l.id)).toEqual(
          levelBlocks.map((b) => b.h3?.match(/\((L\d+)\)$/)?.[1]),
        );
        for (const block of levelBlocks) {
          const [, former, id] = (block.h3 as string).match(/^(.+) \((L\d+)\)$/) as string[];
          const lv = level(ops, id as string);
          // The handbook titles the levels differently; it never says its titles are former ones.
          expect(lv.aliases).toEqual([former]);
          expect(lv.formerly).toBeUndefined();
          const labelled: Record<string, string> = {};
          let theme: string | undefined;
          for (const line of block.lines.filter((l) => !l.startsWith('- '))) {
            const themeLine = line.match(/^\*\*(.+):\*\*$/);
            const labelLine = line.match(/^\*\*(.+):\*\* (.+)$/);
            if (themeLine) theme = themeLine[1];
            else if (labelLine)
              // `**Key Transition:**` → transition, `**Impact:**` → impact, `**Influence:**` → influence
              labelled[(labelLine[1] as string).split(' ').at(-1)?.toLowerCase() as string] =
                labelLine[2] as string;
            else throw new Error(`unexpected line under ${block.h3}: ${line}`);
          }
          expect(lv.theme).toBe(theme);
          expect(lv.focus).toEqual(bulletsOf(block));
          const fields = ['transition', 'impact', 'influence'] as const;
          for (const field of fields) expect(lv[field], `${id}.${field}`).toBe(labelled[field]);
          expect(
            Object.keys(labelled).filter((k) => !(fields as readonly string[]).includes(k)),
          ).toEqual([]);
        }
      });

      it('takes every thread: title, subtitle, one step per level, closing line', () => {
        expect(threadBlocks).toHaveLength(3);
        expect(ops.threads?.map((t) => t.title)).toEqual(threadBlocks.map((b) => b.h2));
        for (const block of threadBlocks) {
          const thread = ops.threads?.find((t) => t.title === block.h2);
          expect(thread?.subtitle).toBe(block.h3);
          const steps: Record<string, string> = {};
          const rest: string[] = [];
          for (const line of block.lines) {
            const m = line.match(/^- \*\*(L\d+)\*\*: (.+)$/);
            if (m) steps[m[1] as string] = m[2] as string;
            else rest.push(line);
          }
          expect(thread?.steps).toEqual(steps);
          expect(rest).toHaveLength(1);
          expect(thread?.summary).toBe(rest[0]);
        }
      });

      it('takes the decision-framework questions with their focus', () => {
        const questions = questionBlocks
          .flatMap((b) => b.lines)
          .map((l) => l.match(/^\d+\. \*\*(.+)\*\* → (.+)$/))
          .filter((m) => m !== null)
          .map((m) => ({ text: m[1] as string, focus: m[2] as string }));
        expect(questions).toHaveLength(4);
        expect(ops.questions).toEqual(questions);
      });

      it('takes the stagnation and growth indicators as signals', () => {
        expect(signalBlocks).toHaveLength(2);
        expect(ops.signals?.map((s) => s.title)).toEqual(signalBlocks.map((b) => b.h3));
        for (const block of signalBlocks) {
          const signal = ops.signals?.find((s) => s.title === block.h3);
          expect(signal?.items).toEqual(bulletsOf(block));
          expect(signal?.tone).toBe(/Stagnation/.test(block.h3 as string) ? 'warning' : 'growth');
        }
      });

      it('keeps the remaining prose as sections titled by heading and sub-heading', () => {
        const rest = all.filter((b) => b.h2 !== null && !consumed.has(b.h2));
        const hasSub = (b: Block) => rest.some((o) => o.h2 === b.h2 && o.h3 !== null);
        const leaves = rest.filter((b) => b.h3 !== null || !hasSub(b));
        for (const b of rest)
          if (b.h3 === null && hasSub(b)) expect(b.lines, b.h2 ?? '').toEqual([]);
        expect(leaves.length).toBeGreaterThan(0);
        const titles = leaves.map((b) => (b.h3 === null ? [b.h2] : [b.h2, b.h3]));
        const sections = ops.sections ?? [];
        // in the seed's order, before any section taken from another seed
        expect(
          sections
            .slice(0, titles.length)
            .map((s) => (s.subtitle === undefined ? [s.title] : [s.title, s.subtitle])),
        ).toEqual(titles);
        leaves.forEach((block, i) => {
          const section = sections[i];
          expect(section?.items ?? []).toEqual(bulletsOf(block));
          expect(section?.source, section?.title).toBe('handbook');
          // Lines before the list are paragraphs, a line after it is the closing line.
          const text = [
            ...(section?.paragraphs ?? []),
            ...(section?.closing === undefined ? [] : [section.closing]),
          ];
          expect(text.sort()).toEqual(paragraphsOf(block).sort());
        });
      });

      it('carries every line of the chapter somewhere in ops.yml', () => {
        const strings = allStrings(ops);
        const found = (t: string) => strings.some((s) => s.includes(t));
        const missing: string[] = [];
        for (const line of lines(text)) {
          if (line === '') continue;
          const t = plain(line.replace(/^(#+|-|\d+\.)\s+/, ''))
            .replace(/ \(L\d+\)$/, '')
            .replace(/:$/, '');
          // `Label: text` may have its label turned into a field name (`Key Transition: …`, `L1: …`).
          const ok = t.split(' → ').every((p) => found(p) || found(p.replace(/^[^:]+: /, '')));
          if (!ok) missing.push(line);
        }
        expect(missing).toEqual([]);
      });

      it('gives each part the heading the chapter gives it, and names the chapter as its source', () => {
        const handbook = ops.source?.find((s) =>
          s.title.includes(text.match(/^# (.+)$/m)?.[1] ?? '?'),
        );
        expect(handbook?.id).toBeDefined();
        const h2Of = (bs: Block[]) => [...new Set(bs.map((b) => b.h2))];
        expect(h2Of(philosophy)).toEqual([ops.parts?.description?.title]);
        expect(h2Of(levelBlocks)).toEqual([ops.parts?.themes?.title]);
        expect(ops.parts?.aliases?.title).toBe(ops.parts?.themes?.title);
        expect(h2Of(questionBlocks)).toEqual([ops.parts?.questions?.title]);
        expect(h2Of(signalBlocks)).toEqual([ops.parts?.signals?.title]);
        // The line that leads into the questions, as the chapter writes it.
        const questionLines = (questionBlocks[0] as Block).lines;
        expect(questionLines.filter((l) => !/^\d+\. /.test(l))).toEqual([
          ops.parts?.questions?.intro,
        ]);
        for (const part of [
          'description',
          'aliases',
          'themes',
          'threads',
          'questions',
          'signals',
        ] as const)
          expect(ops.parts?.[part]?.source, part).toBe(handbook?.id);
        // The chapter's own header lines, as details of the document.
        const header = lines(text)
          .map((l) => l.match(/^\*\*(.+):\*\* (.+)$/))
          .filter((m) => m !== null)
          .slice(0, 4);
        expect(Object.entries(handbook?.details ?? {})).toEqual(
          header.map((m) => [m[1] as string, m[2] as string]),
        );
      });
    });

    describe('ops.yml ← 002 "Ops Skill" (ability, milestones, role)', () => {
      const text = lines(seed('002_'));
      const ops = ladder('ops');
      const seedMilestones: {
        number: number;
        points: number;
        label: string;
        examples: string[];
      }[] = [];
      text.forEach((line, i) => {
        const milestone = line.match(/^Milestone (\d+)$/);
        const points = line.match(/^\(adds (\d+) miles? to your journey\)$/);
        const current = seedMilestones.at(-1);
        if (milestone)
          seedMilestones.push({
            number: Number(milestone[1]),
            points: -1,
            label: '',
            examples: [],
          });
        else if (points && current) {
          current.points = Number(points[1]);
          current.label = line.slice(1, -1);
        } else if (line.startsWith('|') && current) {
          const isSeparator = (l: string | undefined) => l !== undefined && /^\|[-|\s]+\|$/.test(l);
          if (isSeparator(line) || isSeparator(text[i + 1])) return; // the separator and the header
          const cells = line
            .split('|')
            .slice(1, -1)
            .map((c) => c.trim());
          current.examples.push(...cells.filter((c) => c !== ''));
        }
      });
      const abilityTitle = text
        .map((l) => l.match(/^Conversations about (.+)$/)?.[1])
        .find(Boolean);
      const ability = ops.abilities?.find((a) => a.title === abilityTitle);

      it('has the ability with its description', () => {
        expect(ability).toBeDefined();
        expect(ability?.description).toBe(text[text.indexOf('Description') + 1]);
      });

      it('has every milestone with its miles in its own words and every table cell, row by row', () => {
        expect(seedMilestones.map((m) => m.number)).toEqual([1, 2, 3, 4, 5]);
        expect(ability?.milestones).toEqual(
          seedMilestones.map((m) => ({ points: m.points, label: m.label, examples: m.examples })),
        );
      });

      it('titles the roles as the page does and names it as their source', () => {
        const heading = text.find((l) => / Requirements$/.test(l));
        expect(ops.parts?.roles?.title).toBe(heading);
        const page = ops.source?.find((s) => s.title === abilityTitle);
        expect(ops.parts?.roles?.source).toBe(page?.id);
        expect(ops.parts?.abilities?.source).toBe(page?.id);
      });

      it('has the role requirement', () => {
        const requirement = text
          .map((l) => l.match(/^- (.+?)\s*must be milestone (\d+)\+$/))
          .find((m) => m !== null);
        expect(requirement).toBeDefined();
        const role = ops.roles?.find((r) => r.title === requirement?.[1]);
        expect(role?.requires).toEqual({ [ability?.id ?? '']: Number(requirement?.[2]) });
      });
    });

    describe('ops.yml ← 004 "OPS Role in the Company" (the whole essay, attributed)', () => {
      const text = lines(seed('004_'));
      const ops = ladder('ops');
      // The front matter, between the two `---` lines.
      const end = text.indexOf('---', 1);
      const front = Object.fromEntries(
        text
          .slice(1, end)
          .map((l) => l.match(/^(\w+): (.+)$/))
          .filter((m) => m !== null)
          .map((m) => [m[1] as string, m[2] as string]),
      );
      const post = ops.source?.find((s) => s.title.includes(front.title ?? '?'));
      // The body as sections: the disclaimer table, then one per heading (`###` is a sub-heading).
      interface SeedSection {
        title: string;
        subtitle?: string;
        paragraphs: string[];
        items: { title: string; text: string }[];
      }
      const sections: SeedSection[] = [];
      let h1 = '';
      text.slice(end + 1).forEach((line, i, body) => {
        const current = sections.at(-1);
        const cells = line.match(/^\| (.+?) +\|$/);
        const heading = line.match(/^(#+) (.+)$/);
        const item = line.match(/^- (.+):$/);
        if (cells && !/^\| -+ +\|$/.test(line)) {
          if (!current || current.paragraphs.length > 0 || sections.length === 0)
            sections.push({ title: cells[1] as string, paragraphs: [], items: [] });
          else current.paragraphs.push(cells[1] as string);
        } else if (/^\| -+ +\|$/.test(line)) {
          // the table's separator row
        } else if (heading?.[1] === '#') {
          h1 = heading[2] as string;
          sections.push({ title: h1, paragraphs: [], items: [] });
        } else if (heading) {
          sections.push({ title: h1, subtitle: heading[2] as string, paragraphs: [], items: [] });
        } else if (item && current) {
          current.items.push({ title: item[1] as string, text: (body[i + 1] ?? '').trim() });
        } else if (line.trim() !== '' && !/^ {4}/.test(line)) current?.paragraphs.push(line);
      });

      it('names the post with its subtitle, author and tags among the sources', () => {
        expect(post?.id).toBeDefined();
        expect(post?.title).toBe(`${front.title} — ${front.subtitle}`);
        expect(post?.details).toEqual({
          Author: front.author,
          Tags: front.tags?.replace(/^\[(.*)\]$/, '$1'),
        });
      });

      it('has every section of the essay, word for word and in order, from its disclaimer to its final advice', () => {
        expect(sections.map((s) => s.subtitle ?? s.title)).toEqual([
          '⚠️ DISCLAIMER',
          'Intro',
          'What is Ops?',
          'Who is Ops?',
          'Why Ops Matters?',
          'Conclusion',
          'Final Advise',
        ]);
        const encoded = (ops.sections ?? []).filter((s) => s.source === post?.id);
        expect(
          encoded.map((s) => ({
            title: s.title,
            ...(s.subtitle === undefined ? {} : { subtitle: s.subtitle }),
            paragraphs: s.paragraphs ?? [],
            items: s.items ?? [],
          })),
        ).toEqual(sections);
      });

      it('has the six areas of work, with their descriptions', () => {
        expect(sections.find((s) => s.title === 'What is Ops?')?.items).toHaveLength(6);
      });
    });

    describe('web-operations.yml ← 003 "Career ladder" (prose levels, advancement)', () => {
      const text = lines(seed('003_'));
      const web = ladder('web-operations');
      const ladderTitle = text.find((l) => l.startsWith('## '))?.slice(3);
      const seedLevels = careerLevels(text);
      const levelTitles = seedLevels.map((l) => l.title);

      it('has the title and the levels in order', () => {
        expect(web.title).toBe(ladderTitle);
        expect(web.source?.some((s) => s.title.includes(text[0]?.replace(/^# /, '') ?? '?'))).toBe(
          true,
        );
        expect(web.levels.map((l) => l.title)).toEqual(levelTitles);
      });

      it('has every paragraph in its level, word for word, in order', () => {
        expect(web.levels.map((l) => l.prose)).toEqual(seedLevels.map((l) => l.prose));
        expect(web.levels.every((l) => !l.expectations && !l.focus)).toBe(true);
        expect(web.dimensions ?? []).toEqual([]);
      });

      it('advances where each "Career advancement" line says', () => {
        const idOf = (title: string) => web.levels.find((l) => l.title === title)?.id;
        web.levels.forEach((lv, i) => {
          const effective: readonly RawEdge[] =
            lv.next ?? (web.levels[i + 1] ? [(web.levels[i + 1] as RawLevel).id] : []);
          const targets = seedLevels[i]?.advancement?.split(' or ') ?? [];
          const expected = targets.map((target): RawEdge => {
            const name = target.replace(/ \(TBD\)$/, '');
            const id = idOf(name);
            if (id !== undefined) return id;
            expect(target, 'a target that is not a level must be marked TBD').toMatch(/\(TBD\)$/);
            return { planned: name };
          });
          // A planned target may name its track; the seed's words are the title.
          const titles = effective.map((e) => (typeof e === 'string' ? e : { planned: e.planned }));
          expect(titles, lv.id).toEqual(expected);
        });
      });

      it('ranks the levels by grade in the seed order, on one track beside the planned manager', () => {
        expect(web.levels.map((l) => l.grade)).toEqual(seedLevels.map((_, i) => i + 1));
        expect(new Set(web.levels.map((l) => l.track))).toEqual(new Set(['engineering']));
        const planned = web.levels.flatMap((l) =>
          (l.next ?? []).filter((e) => typeof e !== 'string'),
        );
        expect(planned).toEqual([{ planned: 'Manager Web Operations', track: 'management' }]);
      });
    });

    describe('the rendered pages (docs/ladders) use the seeds’ own labels', () => {
      const pageText = (p: string) => readFileSync(path.join(pagesDir, p), 'utf8');
      const handbook = seed('000_');
      const skill = lines(seed('002_'));
      const essay = lines(seed('004_'));

      it('heads the handbook’s parts as the handbook does, and invents no label', () => {
        const page = pageText('ops/README.md');
        for (const heading of ['Decision Framework for Ops Growth', 'Warning Signs']) {
          expect(handbook).toContain(`## ${heading}`);
          expect(page).toContain(`## ${heading}\n`);
        }
        expect(handbook).toContain('\nAsk yourself:\n');
        expect(page).toContain('\nAsk yourself:\n');
        for (const invented of [
          'Questions to ask yourself',
          'Signs of stagnation',
          'Signs of growth',
          'Formerly',
          '## Signals',
        ])
          expect(page).not.toContain(invented);
        for (const level of ['L1', 'L2', 'L3', 'L4', 'L5'])
          expect(pageText(`ops/${level}.md`)).not.toContain('Formerly');
      });

      it('shows the key transition on the step away from L2, labelled as the handbook labels it', () => {
        const line = handbook.match(/^\*\*Key Transition:\*\* (.+)$/m)?.[1] ?? '?';
        expect(pageText('ops/L2.md')).toContain(`**Key Transition:** ${line}`);
        expect(pageText('ops/L2-to-L3.md')).toContain(`| **Key Transition** | ${line} |`);
      });

      it('says what a milestone adds in the page’s own words, and computes no total', () => {
        const page = pageText('abilities/ops/ops-skill.md');
        const worth = skill.filter((l) => /^\(adds \d+ miles? to your journey\)$/.test(l));
        expect(worth).toHaveLength(5);
        for (const w of worth) expect(page).toContain(`\n${w}\n`);
        expect(page).not.toMatch(/in total|\d+ points?\b/i);
      });

      it('marks a target the seed marks TBD as TBD', () => {
        expect(seed('003_')).toContain('Manager Web Operations (TBD)');
        const pages = ['web-operations/README.md', 'web-operations/principal.md'].map(pageText);
        for (const page of pages) {
          expect(page).toContain('Manager Web Operations (TBD)');
          expect(page).not.toMatch(/planned, not written/);
        }
      });

      it('shows the whole essay, attributed, on the about page, apart from the levels', () => {
        const page = pageText('ops/about.md');
        expect(pageText('ops/README.md')).toContain('](about.md)');
        const author = essay.find((l) => l.startsWith('author: '))?.slice('author: '.length);
        expect(page).toContain(`**Author:** ${author}`);
        const headings = essay.filter((l) => /^#+ /.test(l)).map((l) => l.replace(/^#+ /, ''));
        const disclaimer = essay.find((l) => l.includes('DISCLAIMER'))?.match(/\| (.+?) +\|/)?.[1];
        const shown = [...page.matchAll(/^#{3,4} (.+)$/gm)].map((m) => m[1]);
        const at = shown.indexOf(disclaimer ?? '?');
        expect(at).toBeGreaterThan(-1);
        expect(shown.slice(at)).toEqual([disclaimer, ...headings]);
        for (const level of ['L1', 'L2', 'L3', 'L4', 'L5'])
          expect(pageText(`ops/${level}.md`)).not.toContain('Final Advise');
      });
    });

    describe('versions', () => {
      it('are 1.0.0 for both ladders and the ability', () => {
        const ops = ladder('ops');
        expect(ops.version).toBe('1.0.0');
        expect(ladder('web-operations').version).toBe('1.0.0');
        expect(ops.abilities?.map((a) => a.version)).toEqual(['1.0.0']);
      });
    });
  },
);
