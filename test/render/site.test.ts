// The render stage as a whole: deterministic files with markers, the exports' shapes (held
// against their published JSON Schema), the transition pages, and clashing page paths reported
// on the YAML.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ladderFilesHealth } from '../../src/health/health';
import { derivedStatementId } from '../../src/model/statement-id';
import type { Model } from '../../src/model/types';
import { CSV_COLUMNS, csvCell } from '../../src/render/export-csv';
import type { IndexExport, LadderFileExport } from '../../src/render/export-types';
import { renderSite } from '../../src/render/index';
import { isGenerated } from '../../src/render/marker';
import { EXPORT_SCHEMA } from '../../src/render/paths';
import { validateLadders } from '../../src/validate/index';
import { ROOT } from '../helpers/paths';
import { loadRepo, PAGES, RENDER_FIXTURES, renderRepo } from './helpers';
import { parse, texts } from './markdown-tree';

const branching = join(RENDER_FIXTURES, 'branching');

/** A minimal RFC 4180 reader, enough to read our CSV back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('renderSite', () => {
  it('is deterministic: rendering twice gives the same files in the same order', () => {
    const first = renderRepo(ROOT);
    const second = renderRepo(ROOT);
    expect(second).toEqual(first);
    expect(first.map((f) => f.path)).toEqual([...first.map((f) => f.path)].sort());
  });

  it('writes LF-only files with one final newline, each behind the generated marker', () => {
    for (const file of [...renderRepo(ROOT), ...renderRepo(branching)]) {
      expect(file.content, file.path).not.toContain('\r');
      expect(file.content.endsWith('\n') && !file.content.endsWith('\n\n'), file.path).toBe(true);
      expect(isGenerated(file.content), file.path).toBe(true);
      // A CSV export starts with its header; the schema is no ladder's.
      if (file.path.endsWith('.csv') || file.path === EXPORT_SCHEMA) continue;
      expect(file.content.slice(0, 300), file.path).toMatch(/from ladders\/[\w.-]+\.yml/);
      expect(file.content.slice(0, 300), file.path).toContain('npx ladder render');
    }
  });

  it('names a custom regenerate command in the markers', () => {
    const model = loadRepo(branching);
    const files = renderSite(model, {
      pagesDir: 'site',
      command: 'npx ladder render --out site',
      health: ladderFilesHealth(model),
    }).files;
    for (const file of files.filter((f) => !f.path.endsWith('.csv')))
      expect(file.content).toContain('npx ladder render --out site');
    const ladderPage = files.find((f) => f.path === 'eng/README.md')?.content ?? '';
    expect(ladderPage).toContain('](../../ladders/eng.yml)');
  });

  it("tells apart two ladders' abilities of the same id: only the one no level requires is unmapped", () => {
    const ladder = (id: string, required: boolean) => ({
      path: `ladders/${id}.yml`,
      bytes: Buffer.from(
        `id: ${id}\ntitle: ${id}\nlevels:\n  - id: L1\n    title: One\n    summary: s\n${required ? '    abilities: { skill: 1 }\n' : ''}abilities:\n  - id: skill\n    title: Skill of ${id}\n    milestones:\n      - points: 1\n`,
      ),
    });
    const { model } = validateLadders([ladder('a', true), ladder('b', false)]);
    const index =
      renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files.find(
        (f) => f.path === 'README.md',
      )?.content ?? '';
    expect(index).toContain('no level requires Skill of b');
    expect(index).not.toContain('no level requires Skill of a');
  });
});

describe('the JSON exports', () => {
  const files = renderRepo(branching);
  const json = (path: string): unknown =>
    JSON.parse(files.find((f) => f.path === path)?.content ?? 'null');

  it('put the marker first, then a format and version', () => {
    const eng = json('eng.json') as LadderFileExport;
    expect(Object.keys(eng).slice(0, 5)).toEqual([
      '$comment',
      '$schema',
      'format',
      'formatVersion',
      'source',
    ]);
    expect(eng.$schema).toBe(EXPORT_SCHEMA);
    expect(eng.format).toBe('ladder-as-code/ladder');
    expect(eng.formatVersion).toBe(1);
    expect(eng.source).toBe('ladders/eng.yml');
  });

  it('hold the resolved ladder: defaults filled in, edges resolved, pages linked', () => {
    const eng = json('eng.json') as LadderFileExport;
    const levels = eng.ladder.levels;
    expect(levels.map((l) => l.id)).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(levels[0]?.next).toEqual([{ kind: 'level', ladder: 'eng', level: 'E2' }]);
    expect(levels[2]?.next).toEqual([
      { kind: 'level', ladder: 'eng', level: 'E4' },
      { kind: 'level', ladder: 'mgmt', level: 'M1' },
      { kind: 'planned', title: 'Staff Architect' },
    ]);
    expect(levels[1]?.requires).toEqual(['impact', 'code', 'design']);
    expect(levels[1]?.abilities).toEqual([
      { ladder: 'eng', ability: 'craft-points', milestone: 2 },
    ]);
    expect(levels[1]?.page).toBe('eng/E2.md');
    expect(eng.ladder.evidenceMinimum).toBe(2);
    expect(eng.abilities.map((a) => a.id)).toEqual(['craft-points']);
    expect(eng.roles).toEqual([
      {
        id: 'engineer',
        title: 'Engineers',
        description: 'Everyone who writes code.',
        requires: [{ ladder: 'eng', ability: 'craft-points', milestone: 1 }],
      },
    ]);
    // Optional fields the YAML leaves out are absent, not null.
    expect(Object.keys(levels[3] ?? {})).not.toContain('theme');
  });

  it('index every ladder, ability and role with the files that hold them', () => {
    const index = json('index.json') as IndexExport;
    expect(index.format).toBe('ladder-as-code/index');
    expect(index.ladders.map((l) => [l.id, l.json, l.csv, l.page])).toEqual([
      ['eng', 'eng.json', 'eng.csv', 'eng/README.md'],
      ['mgmt', 'mgmt.json', 'mgmt.csv', 'mgmt/README.md'],
    ]);
    expect(index.abilities.map((a) => [a.id, a.ladder, a.page])).toEqual([
      ['craft-points', 'eng', 'abilities/eng/craft-points.md'],
      ['unused-skill', 'mgmt', 'abilities/mgmt/unused-skill.md'],
    ]);
    expect(index.roles.map((r) => [r.id, r.ladder])).toEqual([['engineer', 'eng']]);
  });
});

describe('the JSON Schema of the exports', () => {
  it('is published beside them and holds every JSON export of the shipped ladders and fixtures', () => {
    for (const files of [renderRepo(ROOT), renderRepo(branching)]) {
      const published = files.find((f) => f.path === EXPORT_SCHEMA);
      const schema = JSON.parse(published?.content ?? '{}');
      const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
      const exports = files.filter((f) => f.path.endsWith('.json') && f.path !== EXPORT_SCHEMA);
      expect(exports.length).toBeGreaterThan(1);
      for (const file of exports) {
        const data = JSON.parse(file.content);
        expect(validate(data), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
        expect(data.$schema).toBe(EXPORT_SCHEMA);
      }
    }
  });

  it('refuses an export that drifts from it', () => {
    const files = renderRepo(branching);
    const schema = JSON.parse(files.find((f) => f.path === EXPORT_SCHEMA)?.content ?? '{}');
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const eng = JSON.parse(files.find((f) => f.path === 'eng.json')?.content ?? '{}');
    expect(validate({ ...eng, ladder: { ...eng.ladder, surprise: true } })).toBe(false);
    const { levels, ...noLevels } = eng.ladder;
    expect(levels.length).toBeGreaterThan(0);
    expect(validate({ ...eng, ladder: noLevels })).toBe(false);
  });
});

describe('the CSV export', () => {
  it('has the header on the first row, then one row per statement and per paragraph of prose', () => {
    const model = loadRepo(ROOT);
    const files = renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files;
    for (const ladder of model.ladders) {
      const content = files.find((f) => f.path === `${ladder.id}.csv`)?.content ?? '';
      expect(content.startsWith('ladder,version,level,level_order,')).toBe(true);
      const rows = readCsv(content);
      expect(rows[0]).toEqual([...CSV_COLUMNS]);
      for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
      const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
      const expected = ladder.levels.flatMap((level, order) => [
        ...level.expectations.flatMap((e) =>
          e.statements.map((s, i) => [
            level.id,
            String(order + 1),
            e.dimension,
            String(i + 1),
            s.text,
            s.id,
          ]),
        ),
        ...level.prose.map((p, i) => [
          level.id,
          String(order + 1),
          '',
          String(i + 1),
          p,
          // Derived from the paragraph's first words; `-2`, `-3` … when that id is taken.
          expect.stringMatching(new RegExp(`^${derivedStatementId(p)}(-\\d+)?$`)),
        ]),
      ]);
      expect(expected.length).toBeGreaterThan(0);
      expect(
        rows
          .slice(1)
          .map((r) =>
            [
              'level',
              'level_order',
              'dimension',
              'statement_number',
              'statement',
              'statement_id',
            ].map((c) => r[column(c as (typeof CSV_COLUMNS)[number])]),
          ),
      ).toEqual(expected);
      for (const row of rows.slice(1)) expect(row[column('version')]).toBe(ladder.version);
    }
  });

  it('keeps a statement’s id when the statements are reordered, and starts with a BOM when asked', () => {
    const yaml = (order: string[]) =>
      [
        'id: demo',
        'title: Demo',
        'dimensions: [{ id: craft, title: Craft }]',
        'levels:',
        `  - { id: A, title: A, expectations: { craft: [${order.join(', ')}] } }`,
      ].join('\n');
    const csv = (order: string[], csvBom = false) => {
      const { model } = validateLadders([
        { path: 'ladders/demo.yml', bytes: Buffer.from(yaml(order)) },
      ]);
      return (
        renderSite(model, { pagesDir: PAGES, csvBom, health: ladderFilesHealth(model) }).files.find(
          (f) => f.path === 'demo.csv',
        )?.content ?? ''
      );
    };
    const ids = (text: string) =>
      new Map(
        readCsv(text)
          .slice(1)
          .map((r) => [r[11], r[9]]),
      );
    const one = ids(csv(['Builds things.', 'Ships things.']));
    const two = ids(csv(['Ships things.', 'Builds things.']));
    expect(one.get('Builds things.')).toBe('builds-things');
    expect(two).toEqual(one);
    expect(csv(['Builds things.']).startsWith('ladder,')).toBe(true);
    expect(csv(['Builds things.'], true).startsWith('\uFEFFladder,')).toBe(true);
    expect(isGenerated(csv(['Builds things.'], true))).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1, or +1')).toBe(`"'-1, or +1"`);
    expect(readCsv(`${csvCell('a, "b"\nc')}\n`)).toEqual([['a, "b"\nc']]);
  });
});

describe('level pages', () => {
  const files = renderRepo(branching);
  const page = (path: string) => parse(files.find((f) => f.path === path)?.content ?? '');

  it('have no section of their own about the previous level; the way up is a link at the top', () => {
    const e2 = files.find((f) => f.path === 'eng/E2.md')?.content ?? '';
    expect(texts(page('eng/E2.md'), 'heading').some((h) => /What changes/.test(h))).toBe(false);
    expect(e2).toContain(
      '**Aiming for E3: Senior Engineer?** [E2: Engineer II → E3: Senior Engineer](E2-to-E3.md)',
    );
    expect(e2).toContain('Previous: [E1: Engineer I](E1.md) · Next: [E3: Senior Engineer](E3.md)');
  });

  it('offer no packet for an entry level', () => {
    expect(files.find((f) => f.path === 'eng/E1.md')?.content).not.toContain('new-packet');
    expect(files.find((f) => f.path === 'eng/E2.md')?.content).toContain('new-packet');
  });

  it('give the exact command that starts a packet', () => {
    expect(files.find((f) => f.path === 'eng/E3.md')?.content).toContain(
      '```sh\nnpx ladder new-packet --ladder eng --to E3\n```',
    );
  });
});

describe('transition pages', () => {
  const files = renderRepo(branching);
  const content = (path: string) => files.find((f) => f.path === path)?.content ?? '';

  it('put the two levels side by side, with the changed words marked in the higher column', () => {
    const page = content('eng/E1-to-E2.md');
    expect(page).toContain('| E1: Engineer I | E2: Engineer II |');
    expect(page).toContain(
      '| Writes tested code for small changes. | Writes **well** tested code for ~~small~~ **medium** changes. |',
    );
  });

  it('label a lower statement with no counterpart neutrally, never as removed', () => {
    for (const file of files.filter((f) => /-to-/.test(f.path)))
      expect(file.content, file.path).not.toMatch(/Removed/);
    expect(content('eng/E1-to-E2.md')).toContain(
      '| Pairs with others to learn. | _not restated at E2_ |',
    );
  });

  it('pair counterparts by similarity, then by position', () => {
    const yaml = [
      'id: demo',
      'title: Demo',
      'dimensions: [{ id: craft, title: Craft }]',
      'levels:',
      '  - { id: A, title: A, expectations: { craft: [Runs the small service alone., Joins on call shifts.] } }',
      '  - { id: B, title: B, expectations: { craft: [Leads incident reviews for every team., Runs the large service alone.] } }',
    ].join('\n');
    const { model } = validateLadders([{ path: 'ladders/demo.yml', bytes: Buffer.from(yaml) }]);
    const b = renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files.find(
      (f) => f.path === 'demo/A-to-B.md',
    );
    expect(b?.content).toContain(
      '| Runs the small service alone. | Runs the ~~small~~ **large** service alone. |',
    );
    // The other two stand side by side by position, too unlike to be marked word by word.
    expect(b?.content).toContain(
      '| Joins on call shifts. | Leads incident reviews for every team. |',
    );
  });

  it('show thread steps as before → after and say what the higher level asks for', () => {
    // A copy of the shipped Ops ladders: a team's own ladders/ may differ.
    const ops = join(ROOT, 'test/fixtures/ops');
    const page = renderRepo(ops).find((f) => f.path === 'ops/L2-to-L3.md')?.content ?? '';
    expect(page).toContain(
      '| The Security Thread | Implement security measures → Design secure systems |',
    );
    expect(page).toContain(
      '| **Key Transition** | From following procedures to improving them | |',
    );
    expect(page).toContain('npx ladder new-packet --ladder ops --to L3');
  });

  it('word the ladder’s `cumulative` when it sets it, and say nothing when it does not', () => {
    const yaml = (cumulative: string) =>
      [
        'id: demo',
        'title: Demo',
        cumulative,
        'dimensions: [{ id: craft, title: Craft }]',
        'levels:',
        '  - { id: A, title: A, expectations: { craft: [Builds small things.] } }',
        '  - { id: B, title: B, expectations: { craft: [Builds large things.] } }',
      ].join('\n');
    const page = (cumulative: string) => {
      const { model } = validateLadders([
        { path: 'ladders/demo.yml', bytes: Buffer.from(yaml(cumulative)) },
      ]);
      return (
        renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files.find(
          (f) => f.path === 'demo/A-to-B.md',
        )?.content ?? ''
      );
    };
    expect(page('cumulative: true')).toContain('Demo says its levels are cumulative');
    expect(page('cumulative: false')).toContain('Demo says its levels are not cumulative');
    expect(page('')).not.toMatch(/cumulative/i);
  });
});

describe('page paths that clash', () => {
  function model(yaml: string): Model {
    const { model: m, diagnostics } = validateLadders([
      { path: 'ladders/abilities.yml', bytes: Buffer.from(yaml) },
    ]);
    expect(diagnostics).toEqual([]);
    return m;
  }

  it('are reported on the YAML and nothing is rendered', () => {
    const yaml = readFileSync(join(RENDER_FIXTURES, 'branching/ladders/mgmt.yml'), 'utf8')
      .replace('id: mgmt', 'id: abilities')
      .replace('id: M2', 'id: readme')
      .replace('id: unused-skill', 'id: README');
    const broken = model(yaml);
    const result = renderSite(broken, { pagesDir: PAGES, health: ladderFilesHealth(broken) });
    expect(result.files).toEqual([]);
    expect(
      result.diagnostics.map(
        (d) => `${d.code}@${d.line}:${d.column} ${d.message.split(' would')[0]}`,
      ),
    ).toEqual([
      'page-path-collision@1:1 The page of ladder `abilities`',
      'page-path-collision@11:1 The page of level `abilities/readme`',
    ]);
  });
});
