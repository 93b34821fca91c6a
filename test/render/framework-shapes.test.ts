// Shapes of widely used frameworks, as ladders of our own writing (test/fixtures/frameworks/
// ladders): a competency matrix (twelve competencies, IC1-IC6), a dual track that splits at
// Senior into a staff and a manager track, points in the style of Snowflake, titles that other
// companies and tracks give each level with cumulative levels ("everything from the level
// before, plus"), and areas whose last dimensions start at a given level. They validate clean,
// and the pages show what each framework means.
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import type { Table } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';
import { readTree, renderRepo } from './helpers';
import { parse, section, texts } from './markdown-tree';

const root = join(FIXTURES, 'frameworks');
const files = new Map(renderRepo(root).map((f) => [f.path, f.content]));
const page = (path: string) => parse(files.get(path) ?? '');

/** The rows of a table as the text of each cell. */
const cells = (table: Table | undefined) =>
  (table?.children ?? []).map((row) => row.children.map((cell) => nodeText(cell)));

/** The tables of a page's `##` section, each with the `###` heading above it. */
function tables(path: string, title: string): { heading?: string; rows: string[][] }[] {
  let heading: string | undefined;
  const out: { heading?: string; rows: string[][] }[] = [];
  for (const node of section(page(path), title)) {
    if (node.type === 'heading') heading = nodeText(node);
    if (node.type === 'table') out.push({ ...(heading ? { heading } : {}), rows: cells(node) });
  }
  return out;
}

/** The paragraphs of a page, as text. */
const paragraphs = (path: string) => texts(page(path), 'paragraph');

describe('the framework ladders', () => {
  it('validate without a diagnostic', () => {
    const ladders = readTree(join(root, 'ladders'));
    const { model, diagnostics } = validateLadders(
      [...ladders].map(([name, text]) => ({ path: `ladders/${name}`, bytes: Buffer.from(text) })),
    );
    expect(diagnostics).toEqual([]);
    expect(model.ladders.map((l) => l.id)).toEqual(['areas', 'dual', 'matrix', 'points', 'titles']);
  });
});

describe('a dual track that splits at Senior', () => {
  const levels = [
    'E1: Software Engineer I',
    'E2: Software Engineer II',
    'E3: Senior Software Engineer',
  ];

  it('shows the levels before the split on every track, side by side', () => {
    const [side] = tables('dual/README.md', 'Tracks side by side');
    expect(side?.rows).toEqual([
      ['Grade', 'Individual contributor', 'Management'],
      ['1', levels[0], levels[0]],
      ['2', levels[1], levels[1]],
      ['3', levels[2], levels[2]],
      ['4', 'E4: Staff Engineer', 'M4: Engineering Manager'],
      ['5', 'E5: Principal Engineer', 'M5: Director of Engineering'],
    ]);
    expect(paragraphs('dual/README.md')).toContain(
      `${levels[0]}, ${levels[1]} and ${levels[2]} come before the ladder splits into tracks: on the way up every track.`,
    );
  });

  it('starts each track’s matrix with them, so that left to right is the way up that track', () => {
    const matrices = tables('dual/README.md', 'Expectations by dimension');
    expect(matrices.map((m) => [m.heading, m.rows[0]?.slice(1)])).toEqual([
      ['Individual contributor', [...levels, 'E4: Staff Engineer', 'E5: Principal Engineer']],
      ['Management', [...levels, 'M4: Engineering Manager', 'M5: Director of Engineering']],
    ]);
  });

  it('gives the first level of each track the last shared level as its previous one', () => {
    const line = (path: string) => paragraphs(path).find((p) => p.startsWith('Previous: '));
    expect(line('dual/E4.md')).toBe(`Previous: ${levels[2]} · Next: E5: Principal Engineer`);
    expect(line('dual/M4.md')).toBe(`Previous: ${levels[2]} · Next: M5: Director of Engineering`);
    expect(line('dual/E3.md')).toBe(`Previous: ${levels[1]}`);
  });
});

describe('titles that other companies and tracks give a level', () => {
  it('are shown under the heading and document the ladder gives them, not as a theme', () => {
    const tree = page('titles/L4.md');
    expect(texts(tree, 'heading')).not.toContain('Theme');
    const blocks = section(tree, 'Equivalent titles');
    expect(blocks.map((n) => n.type)).toEqual(['paragraph', 'list']);
    expect(nodeText(blocks[0] as never)).toBe('From Title mapping to other companies.');
    expect(texts({ type: 'root', children: blocks }, 'listItem')).toEqual([
      'SDE II',
      'Data Engineer II',
    ]);
  });

  it('head their column of the ladder page the same way', () => {
    const [glance] = tables('titles/README.md', 'At a glance');
    expect(glance?.rows[0]).toEqual(['Level', 'Equivalent titles']);
    expect(glance?.rows[2]).toEqual(['L4: Software Engineer II', 'SDE II; Data Engineer II']);
  });
});

describe('cumulative levels (everything from the level before, plus)', () => {
  it('name on a level page the levels whose statements still apply', () => {
    expect(paragraphs('titles/L5.md')).toContain(
      'Software Engineering Levels says its levels are cumulative: L5 also expects what L3: Software Engineer I and L4: Software Engineer II expect. Below is what it states itself.',
    );
    // On a track, the levels before it are the way up that track, not every level in the file.
    expect(paragraphs('dual/M4.md')).toContain(
      'Engineering Career Paths says its levels are cumulative: M4 also expects what E1: Software Engineer I, E2: Software Engineer II and E3: Senior Software Engineer expect. Below is what it states itself.',
    );
    expect(paragraphs('titles/L3.md').join(' ')).not.toContain('cumulative');
  });

  it('read a gap in the matrix as still expecting what the levels before it state', () => {
    const [intro] = section(page('titles/README.md'), 'Expectations by dimension');
    expect(nodeText(intro as never)).toMatch(
      /— where a level states nothing in a dimension \(the ladder is cumulative: the level still expects what the levels before it state there\)\.$/,
    );
    const [plain] = section(page('areas/README.md'), 'Expectations by dimension');
    expect(nodeText(plain as never)).toMatch(/states nothing in a dimension\.$/);
  });
});

describe('a dimension that applies from a level up, or on one track', () => {
  it('has no row in the matrix of a track it is not on', () => {
    const rows = (track: string) =>
      tables('dual/README.md', 'Expectations by dimension')
        .find((m) => m.heading === track)
        ?.rows.map((r) => r[0]);
    expect(rows('Individual contributor')).toEqual([
      'Dimension',
      'Craft',
      'Technical skill',
      'Delivery',
      'People',
      'Influence',
    ]);
    expect(rows('Management')).toContain('People management');
  });

  it('says where it applies under Dimensions', () => {
    const items = (path: string) => texts(page(path), 'listItem');
    expect(items('areas/README.md')).toEqual([
      'Strategy (from Senior Engineer up)',
      'Organisational impact (from Staff Engineer up)',
    ]);
    expect(items('dual/README.md')).toContain('People management (on the Management track only)');
  });

  it('is in the JSON export, which its schema holds', () => {
    const schema = JSON.parse(files.get('ladder-export.schema.json') ?? '{}');
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const areas = JSON.parse(files.get('areas.json') ?? '{}');
    const dual = JSON.parse(files.get('dual.json') ?? '{}');
    expect(validate(areas), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(dual), JSON.stringify(validate.errors)).toBe(true);
    expect(areas.ladder.dimensions.slice(-2)).toMatchObject([
      { from: 'senior' },
      { from: 'staff' },
    ]);
    expect(dual.ladder.dimensions[3]).toMatchObject({ tracks: ['manager'] });
  });
});
