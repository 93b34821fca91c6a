// Hostile ladder files (test/fixtures/hostile/ladders, expected codes in expect.json): each gets
// a clear diagnostic quickly, never an exception, and never stops the other files being checked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';

const dir = join(FIXTURES, 'hostile/ladders');
const expected = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as Record<
  string,
  string[]
>;
const names = readdirSync(dir)
  .filter((n) => n.endsWith('.yml'))
  .sort();

describe('hostile ladder files', () => {
  it('has an expectation for every hostile file', () => {
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  it.each(names)('%s', (name) => {
    const { diagnostics } = validateLadders([{ path: name, bytes: readFileSync(join(dir, name)) }]);
    // The name-mismatch rule is not what these files test.
    const codes = diagnostics
      .filter((d) => d.code !== 'file-name-mismatch')
      .map((d) => d.code)
      .sort();
    expect(codes).toEqual([...(expected[name] ?? [])].sort());
    for (const d of diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.message.length).toBeLessThan(400);
    }
  });

  it('checks every file in one run, whatever the others hold', () => {
    const files = names.map((name) => ({ path: name, bytes: readFileSync(join(dir, name)) }));
    const { diagnostics, model } = validateLadders(files);
    for (const [name, codes] of Object.entries(expected)) {
      if (codes.length > 0)
        expect(
          diagnostics.some((d) => d.file === name),
          name,
        ).toBe(true);
    }
    // bom.yml and crlf.yml are the same ladder under two ids: their ability and role ids are
    // scoped to their ladders, so both files are clean and both ladders are in the model.
    expect(model.ladders.map((l) => l.id)).toEqual(['bom', 'crlf', 'rtl-combining']);
    expect(diagnostics.filter((d) => d.file === 'crlf.yml')).toEqual([]);
  });

  it('names an alias inside the node its anchor names, where it stands', () => {
    const name = 'recursive-alias.yml';
    const { diagnostics } = validateLadders([{ path: name, bytes: readFileSync(join(dir, name)) }]);
    expect(diagnostics.find((d) => d.code === 'yaml-alias')).toMatchObject({
      line: 7,
      column: 12,
      endLine: 7,
      endColumn: 19,
      message:
        'The alias `*levels` is inside the node its anchor names, so its data would repeat forever; write the values out instead.',
    });
  });

  it('reports an alias bomb at the alias whose expansion passes the limit', () => {
    const bomb = readFileSync(join(dir, 'alias-bomb.yml'), 'utf8');
    // Comment lines above it move the report with the alias, not to the first line of data.
    const comments = Array.from({ length: 60 }, (_, i) => `# comment ${i + 1}\n`).join('');
    for (const [text, line] of [
      [bomb, 5],
      [comments + bomb, 65],
    ] as const) {
      const { diagnostics } = validateLadders([{ path: 'bomb.yml', bytes: Buffer.from(text) }]);
      expect(diagnostics.find((d) => d.code === 'yaml-alias')).toMatchObject({
        line,
        column: 40,
        endLine: line,
        endColumn: 42,
      });
    }
  });

  it('does not pollute prototypes', () => {
    validateLadders([{ path: 'p.yml', bytes: readFileSync(join(dir, 'prototype-keys.yml')) }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads `no` as text and ignores merge keys under a %YAML 1.1 directive', () => {
    const text = readFileSync(join(dir, 'yaml11-directive.yml'), 'utf8').replace(
      '<<: {version: 2.0.0}\n',
      '',
    );
    const { model, diagnostics } = validateLadders([
      { path: 'yaml11-directive.yml', bytes: Buffer.from(text) },
    ]);
    expect(diagnostics).toEqual([]);
    expect(model.ladders[0]?.title).toBe('no');
  });

  it('points at the right line in a CRLF file with a BOM', () => {
    const text = `\uFEFF${readFileSync(join(dir, 'crlf.yml'), 'utf8').replace('title: Senior', 'titel: Senior')}`;
    const { diagnostics } = validateLadders([{ path: 'crlf.yml', bytes: Buffer.from(text) }]);
    const unknown = diagnostics.find((d) => d.code === 'unknown-key');
    expect(unknown && [unknown.line, unknown.column]).toEqual([23, 5]);
  });

  it('rejects a 10 MB file by its size without parsing it', () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 'a: b\n');
    const { diagnostics } = validateLadders([{ path: 'big.yml', bytes: big }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });

  it('parses a file just under the limit with a 2 MB line', () => {
    const text = `id: long\ntitle: ${'x'.repeat(2 * 1024 * 1024)}\nlevels: [{id: L1, title: One}]\n`;
    const { diagnostics } = validateLadders([{ path: 'long.yml', bytes: Buffer.from(text) }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['too-long']);
  });
});
