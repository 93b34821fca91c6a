/**
 * The shipped ladders say what the seed documents say.
 *
 * The seeds (the documents the ladders were written from) live outside the repository, in
 * `../shared/seeds/`. Every expectation below is extracted from the seed texts mechanically, so a
 * statement that drifts from its seed, or a seed line that was never encoded, fails the test.
 * The schema part runs on every file under `ladders/`, with or without the seeds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isAlias, isNode, parse, parseDocument, visit } from 'yaml';
import type { RawEdge, RawLadder, RawLevel } from '../../src/model/raw';

const root = path.resolve(import.meta.dirname, '../..');
const seedsDir = path.resolve(root, '../shared/seeds');
const laddersDir = path.join(root, 'ladders');
const SCHEMA_COMMENT = '# yaml-language-server: $schema=../schema/ladder.schema.json';

/** Seed lines the ladders deliberately do not carry, because the schema has no place for them. */
const UNENCODED_HANDBOOK_LINES = ['Ask yourself:'];

// ---------------------------------------------------------------------------------------------
// Reading seeds and ladders

/** The text of the one seed whose file name starts with `prefix` (e.g. `001_`). */
function seed(prefix: string): string {
  const names = readdirSync(seedsDir).filter((name) => name.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one seed ${prefix}*, found ${names.length}`);
  return readFileSync(path.join(seedsDir, names[0] as string), 'utf8');
}

/** Lines without trailing white space (Markdown hard breaks are two trailing spaces). */
function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trimEnd());
}

/** Text without Markdown bold markers. */
function plain(text: string): string {
  return text.replace(/\*\*/g, '');
}

function ladderFiles(): string[] {
  return readdirSync(laddersDir)
    .filter((name) => name.endsWith('.yml'))
    .sort();
}

function ladderText(name: string): string {
  return readFileSync(path.join(laddersDir, name), 'utf8');
}

function ladder(id: string): RawLadder {
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

describe(`faithful to the seeds in ${seedsDir}`, () => {
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
      else if (h2) seedLevels.push({ id: h2[2] as string, title: h2[1] as string, dimensions: [] });
      else if (h3) group = h3[1] as string;
      else if (h4) current?.dimensions.push({ title: h4[1] as string, group, bullets: [] });
      else if (bullet) current?.dimensions.at(-1)?.bullets.push(bullet[1] as string);
      else if (line !== '' && line !== '---') stray.push(line);
    }
    const ops = ladder('ops');
    const dimensionId = (dimTitle: string) => ops.dimensions?.find((d) => d.title === dimTitle)?.id;
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

    it('takes former titles, themes, focus lines, transition, impact and influence per level', () => {
      expect(levelBlocks).toHaveLength(5);
      expect(ops.levels.map((l) => l.id)).toEqual(
        levelBlocks.map((b) => b.h3?.match(/\((L\d+)\)$/)?.[1]),
      );
      for (const block of levelBlocks) {
        const [, former, id] = (block.h3 as string).match(/^(.+) \((L\d+)\)$/) as string[];
        const lv = level(ops, id as string);
        expect(lv.formerly).toEqual([former]);
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
      for (const b of rest) if (b.h3 === null && hasSub(b)) expect(b.lines, b.h2 ?? '').toEqual([]);
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
      expect(missing).toEqual(UNENCODED_HANDBOOK_LINES);
    });
  });

  describe('ops.yml ← 002 "Ops Skill" (ability, milestones, role)', () => {
    const text = lines(seed('002_'));
    const ops = ladder('ops');
    const seedMilestones: { number: number; points: number; examples: string[] }[] = [];
    text.forEach((line, i) => {
      const milestone = line.match(/^Milestone (\d+)$/);
      const points = line.match(/^\(adds (\d+) miles? to your journey\)$/);
      const current = seedMilestones.at(-1);
      if (milestone)
        seedMilestones.push({ number: Number(milestone[1]), points: -1, examples: [] });
      else if (points && current) current.points = Number(points[1]);
      else if (line.startsWith('|') && current) {
        const isSeparator = (l: string | undefined) => l !== undefined && /^\|[-|\s]+\|$/.test(l);
        if (isSeparator(line) || isSeparator(text[i + 1])) return; // the separator and the header
        const cells = line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim());
        current.examples.push(...cells.filter((c) => c !== ''));
      }
    });
    const abilityTitle = text.map((l) => l.match(/^Conversations about (.+)$/)?.[1]).find(Boolean);
    const ability = ops.abilities?.find((a) => a.title === abilityTitle);

    it('has the ability with its description', () => {
      expect(ability).toBeDefined();
      expect(ability?.description).toBe(text[text.indexOf('Description') + 1]);
    });

    it('has every milestone with its miles and every table cell, row by row', () => {
      expect(seedMilestones.map((m) => m.number)).toEqual([1, 2, 3, 4, 5]);
      expect(ability?.milestones).toEqual(
        seedMilestones.map((m) => ({ points: m.points, examples: m.examples })),
      );
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

  describe('ops.yml ← 004 "OPS Role in the Company" (areas, final advice)', () => {
    const text = lines(seed('004_'));
    const ops = ladder('ops');

    it('has every area bullet with its description, word for word, in order', () => {
      const areas: { title: string; description: string }[] = [];
      text.forEach((line, i) => {
        const m = line.match(/^- (.+):$/);
        if (m) areas.push({ title: m[1] as string, description: (text[i + 1] ?? '').trim() });
      });
      expect(areas).toHaveLength(6);
      expect(ops.areas?.map(({ title, description }) => ({ title, description }))).toEqual(areas);
    });

    it('has the final advice as a section', () => {
      const at = text.findIndex((l) => /^#+ Final Advise$/.test(l));
      const paragraphs = text.slice(at + 1).filter((l) => l !== '');
      const section = ops.sections?.find((s) => s.title === 'Final Advise');
      expect(section?.paragraphs).toEqual(paragraphs);
    });

    it('names the post among the sources', () => {
      const title = text.map((l) => l.match(/^title: (.+)$/)?.[1]).find(Boolean) as string;
      expect(ops.source?.some((s) => s.title.includes(title))).toBe(true);
    });
  });

  describe('web-operations.yml ← 003 "Career ladder" (prose levels, advancement)', () => {
    const text = lines(seed('003_'));
    const web = ladder('web-operations');
    const headings = text.map((l) => l.match(/^## (.+)$/)?.[1]).filter((h) => h !== undefined);
    const [ladderTitle, ...levelTitles] = headings;
    const seedLevels = levelTitles.map((title) => {
      const start = text.indexOf(`## ${title}`) + 1;
      const end = text.findIndex((l, i) => i >= start && l.startsWith('#'));
      const body = text.slice(start, end === -1 ? undefined : end).filter((l) => l !== '');
      const advancement = body
        .map((l) => l.match(/^_Career advancement: (.+)_$/)?.[1])
        .find(Boolean);
      return {
        title,
        prose: body.filter((l) => !l.startsWith('_Career advancement:')),
        advancement,
      };
    });

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

  describe('versions', () => {
    it('are 1.0.0 for both ladders and the ability', () => {
      const ops = ladder('ops');
      expect(ops.version).toBe('1.0.0');
      expect(ladder('web-operations').version).toBe('1.0.0');
      expect(ops.abilities?.map((a) => a.version)).toEqual(['1.0.0']);
    });
  });
});
