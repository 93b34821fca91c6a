// The render stage as a whole: deterministic files with markers, the exports' shapes, the
// "what changes" section, and clashing page paths reported on the YAML.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ladderFilesHealth } from '../../src/health/health';
import type { Model } from '../../src/model/types';
import { CSV_COLUMNS, csvCell } from '../../src/render/export-csv';
import type { IndexExport, LadderFileExport } from '../../src/render/export-json';
import { renderSite } from '../../src/render/index';
import { isGenerated } from '../../src/render/marker';
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
    for (const file of files) expect(file.content).toContain('npx ladder render --out site');
    const ladderPage = files.find((f) => f.path === 'eng/README.md')?.content ?? '';
    expect(ladderPage).toContain('](../../ladders/eng.yml)');
  });
});

describe('the JSON exports', () => {
  const files = renderRepo(branching);
  const json = (path: string): unknown =>
    JSON.parse(files.find((f) => f.path === path)?.content ?? 'null');

  it('put the marker first, then a format and version', () => {
    const eng = json('eng.json') as LadderFileExport;
    expect(Object.keys(eng).slice(0, 4)).toEqual(['$comment', 'format', 'formatVersion', 'source']);
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

describe('the CSV export', () => {
  it('has the marker row, the header, then one row per level, dimension and statement', () => {
    const model = loadRepo(ROOT);
    const files = renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files;
    for (const ladder of model.ladders) {
      const rows = readCsv(files.find((f) => f.path === `${ladder.id}.csv`)?.content ?? '');
      expect(rows[0]?.[0]).toMatch(/^# Generated by ladder-as-code from ladders\//);
      expect(rows[1]).toEqual([...CSV_COLUMNS]);
      for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
      const expected = ladder.levels.flatMap((level) =>
        level.expectations.flatMap((e) =>
          e.statements.map((s, i) => [level.id, e.dimension, String(i + 1), s.text]),
        ),
      );
      expect(rows.slice(2).map((r) => [r[1], r[5], r[7], r[8]])).toEqual(expected);
    }
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

  it('say what changes from the previous level, with the changed words emphasised', () => {
    const e2 = files.find((f) => f.path === 'eng/E2.md')?.content ?? '';
    expect(e2).toContain('## What changes from E1: Engineer I');
    expect(e2).toContain(
      '- _Reworded:_ Writes **well** tested code for ~~small~~ **medium** changes.',
    );
    expect(e2).toContain('- _Added:_ Reviews the code of peers.');
    expect(e2).toContain('- _Removed:_ Pairs with others to learn.');
    const e1 = texts(page('eng/E1.md'), 'heading');
    expect(e1.some((h) => h.startsWith('What changes'))).toBe(false);
  });

  it('compare with the nearest earlier level that advances to them', () => {
    const yaml = [
      'id: demo',
      'title: Demo',
      'dimensions: [{ id: craft, title: Craft }]',
      'levels:',
      '  - { id: A, title: A, next: [C], expectations: { craft: [Builds small things.] } }',
      '  - { id: B, title: B, next: [], expectations: { craft: [Runs a side track.] } }',
      '  - { id: C, title: C, expectations: { craft: [Builds large things.] } }',
    ].join('\n');
    const { model } = validateLadders([{ path: 'ladders/demo.yml', bytes: Buffer.from(yaml) }]);
    const c = renderSite(model, { pagesDir: PAGES, health: ladderFilesHealth(model) }).files.find(
      (f) => f.path === 'demo/C.md',
    );
    expect(c?.content).toContain('## What changes from A\n');
    expect(c?.content).toContain('- _Reworded:_ Builds ~~small~~ **large** things.');
  });

  it('give the exact command that starts a packet', () => {
    expect(files.find((f) => f.path === 'eng/E3.md')?.content).toContain(
      '```sh\nnpx ladder new-packet --ladder eng --to E3\n```',
    );
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
