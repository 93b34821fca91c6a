// The quick way of reading a ladder file (js-yaml) must give exactly what the full parse
// (`yaml`, with positions) gives whenever it is used, and decline everything else.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fastYaml, MAX_DEPTH } from '../../src/load/fast-yaml';
import { parseWithPositions, parseYamlText } from '../../src/load/yaml-document';
import { SEED } from '../property/settings';
import { YAML_TOKENS } from '../property/yaml-tokens';

const ROOT = join(import.meta.dirname, '../..');
const NO_CAP = { maxBytes: Number.POSITIVE_INFINITY, maxAliases: 100, maxValues: 1e9 };

/** Every YAML file under `dir`, recursively. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Checks that the quick way agrees with `yaml` where it reads `text`; says what it did. */
function agree(text: string): 'read' | 'declined' | 'too-deep' {
  const quick = fastYaml(text);
  if (quick.kind !== 'read') return quick.kind;
  const full = parseWithPositions('x.yml', text, NO_CAP);
  if (!full.ok)
    throw new Error(`read quickly, but yaml reports ${full.diagnostics[0]?.code}:\n${text}`);
  // node's deep equality: vitest's sees no difference yet fails on an own `__proto__` key.
  assert.deepStrictEqual(quick.file.data, full.file.data, text);
  for (const [key, items] of Object.entries(quick.file.data)) {
    if (!Array.isArray(items)) continue;
    const quickLines = quick.file.itemLines(key);
    const fullLines = full.file.itemLines(key);
    items.forEach((item, i) => {
      if (typeof item === 'object' && item !== null) expect(quickLines[i], text).toBe(fullLines[i]);
    });
  }
  return 'read';
}

describe('the quick way of reading YAML', () => {
  it('reads every shipped ladder, with the data and lines that yaml gives', () => {
    const files = yamlFiles(join(ROOT, 'ladders'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(agree(readFileSync(file, 'utf8')), file).toBe('read');
  });

  it('agrees with yaml, or declines, on every YAML fixture (hostile ones included)', () => {
    const counts = { read: 0, declined: 0, 'too-deep': 0 };
    for (const file of yamlFiles(join(ROOT, 'test/fixtures'))) {
      const text = readFileSync(file, 'utf8');
      counts[agree(text)] += 1;
    }
    expect(counts.read).toBeGreaterThan(20);
    expect(counts.declined).toBeGreaterThan(10);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an explicit tag', 'a: !!str 1\n'],
    ['a YAML 1.1 tag', 'a: !!set {x}\n'],
    ['a directive', '%YAML 1.1\n---\na: no\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a list as a key', '[a, b]: 1\n'],
    ['a mapping as a key', '{a: 1}: 2\n'],
    ['a number key written in hex', '0x10: a\n'],
    ['a null key', '~: a\n'],
    ['an empty key', ': a\n'],
    ['a float key with a trailing zero', '1.0: a\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key over 1,024 characters', `${'k'.repeat(1100)}: 1\n`],
    ['a list at the top', '- a\n'],
    ['a scalar at the top', 'a\n'],
    ['an empty file', ''],
    ['comments only', '# nothing\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a tab as indentation', 'a:\n\tb: 1\n'],
    ['a byte order mark inside the text', 'a: 1\n\ufeffb: 2\n'],
  ])('declines %s', (_, text) => {
    expect(fastYaml(text).kind).toBe('declined');
  });

  it('reads the keys yaml would read the same way (true, 12, 1.5), and no `null` key', () => {
    const quick = fastYaml('true: a\n12: b\n1.5: c\nnull: d\nx: [0x10, ~, 1.0, +1, .inf]\n');
    expect(quick.kind).toBe('declined'); // 0x10 → 16 in a value could be a key elsewhere
    expect(agree('true: a\n12: b\n1.5: c\nx: [1, true, null, -3, 0.25]\n')).toBe('read');
    expect(fastYaml('null: d\n').kind).toBe('declined');
  });

  it('reports nesting deeper than MAX_DEPTH where it starts, without handing it to yaml', () => {
    const text = `id: deep\ntitle: ${'['.repeat(5000)}\n`;
    expect(fastYaml(text)).toEqual({ kind: 'too-deep', line: 2, column: 8 + MAX_DEPTH - 1 });
    const loaded = parseYamlText('x.yml', text);
    expect(loaded.diagnostics.map((d) => [d.code, d.line])).toEqual([['yaml-too-deep', 2]]);
    // Deep, but not too deep: read as usual.
    const nested = `a: ${'['.repeat(MAX_DEPTH - 2)}${']'.repeat(MAX_DEPTH - 2)}\n`;
    expect(agree(nested)).toBe('read');
  });
});

/** Text that YAML reads in many ways: indicators, numbers, nulls, spaces, quotes, Unicode. */
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    ' ',
    'a b',
    'a: b',
    'a #b',
    '#a',
    '- a',
    '? a',
    '&a',
    '*a',
    '!a',
    '%a',
    '@a',
    '`a`',
    '"a"',
    "'a'",
    'a\nb',
    'a\n\nb',
    ' a ',
    'a\t',
    '\ta',
    'a\\b',
    '0x10',
    '0o17',
    '017',
    '1_000',
    '+1',
    '-1',
    '.5',
    '1.',
    '1e3',
    '1E+3',
    '.inf',
    '-.Inf',
    '.NaN',
    '~',
    'null',
    'Null',
    'NULL',
    'true',
    'True',
    'TRUE',
    'yes',
    'no',
    'on',
    'off',
    'y',
    '<<',
    '__proto__',
    '2026-11-25',
    '—',
    'é',
    '\u00a0',
    '\u2028',
    '\u0085',
    '😀',
  ),
);
const key = fc.oneof(scalar, fc.constantFrom('id', 'title', 'levels', 'abilities', 'roles'));
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(key, tie('any'), { maxKeys: 4 }),
  ),
})).any;
const document = fc.record({
  data: fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }),
  options: fc.record({
    defaultStringType: fc.constantFrom(
      'PLAIN',
      'QUOTE_DOUBLE',
      'QUOTE_SINGLE',
      'BLOCK_LITERAL',
      'BLOCK_FOLDED',
    ),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    indent: fc.integer({ min: 1, max: 4 }),
    indentSeq: fc.boolean(),
    lineWidth: fc.constantFrom(0, 20, 80),
    flowCollectionPadding: fc.boolean(),
  }),
});
/** Pieces of YAML syntax to splice into a document (those the loader's property tests use). */
const splice = fc.constantFrom(...YAML_TOKENS);
const edits = fc.array(
  fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.option(splice) }),
  { maxLength: 4 },
);

function applyEdits(
  text: string,
  list: readonly { at: number; remove: number; insert: string | null }[],
) {
  let out = text;
  for (const edit of list) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    out = out.slice(0, at) + (edit.insert ?? '') + out.slice(at + edit.remove);
  }
  return out;
}

/** The first 60 lines of a real ladder: levels, expectations, lists inside mappings. */
const LADDER_START = readFileSync(join(ROOT, 'test/fixtures/review/ladders/ops.yml'), 'utf8')
  .split('\n')
  .slice(0, 60)
  .join('\n');

/** Edits of a ladder's lines: indent or outdent one, or splice YAML syntax into it. */
const ladderEdits = fc.array(
  fc.oneof(
    fc.record({ line: fc.nat(), shift: fc.integer({ min: -3, max: 3 }) }),
    fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.option(splice) }),
  ),
  { minLength: 1, maxLength: 3 },
);

function applyLadderEdits(
  text: string,
  list: readonly (
    | { line: number; shift: number }
    | { at: number; remove: number; insert: string | null }
  )[],
): string {
  let out = text;
  for (const edit of list) {
    if ('line' in edit) {
      const lines = out.split('\n');
      const k = edit.line % lines.length;
      const line = lines[k] ?? '';
      lines[k] =
        edit.shift >= 0
          ? ' '.repeat(edit.shift) + line
          : line.replace(new RegExp(`^ {0,${-edit.shift}}`), '');
      out = lines.join('\n');
    } else out = applyEdits(out, [edit]);
  }
  return out;
}

describe('the quick way against yaml on random documents', () => {
  it('gives the same data, or declines, when a ladder is edited at random', () => {
    const seen = { read: 0, declined: 0, 'too-deep': 0 };
    fc.assert(
      fc.property(ladderEdits, (list) => {
        seen[agree(applyLadderEdits(LADDER_START, list))] += 1;
      }),
      {
        seed: Number(process.env.FUZZ_SEED ?? SEED),
        numRuns: Number(process.env.FUZZ_RUNS ?? 3000),
      },
    );
    expect(seen.read).toBeGreaterThan(300);
    expect(seen.declined).toBeGreaterThan(300);
  });

  it('gives the same data whenever it reads a document, in every style', () => {
    const seen = { read: 0, declined: 0, 'too-deep': 0 };
    fc.assert(
      fc.property(document, ({ data, options }) => {
        const text = stringify(data, null, options);
        seen[agree(text)] += 1;
      }),
      {
        seed: Number(process.env.FUZZ_SEED ?? SEED),
        numRuns: Number(process.env.FUZZ_RUNS ?? 3000),
      },
    );
    expect(seen.read).toBeGreaterThan(1000);
  });

  it('gives the same data, or declines, when a document is broken by random edits', () => {
    const seen = { read: 0, declined: 0, 'too-deep': 0 };
    fc.assert(
      fc.property(document, edits, ({ data, options }, list) => {
        const text = applyEdits(stringify(data, null, options), list);
        seen[agree(text)] += 1;
      }),
      {
        seed: Number(process.env.FUZZ_SEED ?? SEED),
        numRuns: Number(process.env.FUZZ_RUNS ?? 3000),
      },
    );
    expect(seen.read).toBeGreaterThan(500);
    expect(seen.declined).toBeGreaterThan(500);
  });
});
