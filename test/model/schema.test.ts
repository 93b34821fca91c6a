// The published JSON Schema: valid draft 2020-12, documented (it is the editor's hover text),
// strict about typos, and bounded (every pattern has a maxLength, as issue 8 asks).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths';

type Schema = { [key: string]: unknown };
const schemaNames = readdirSync(join(ROOT, 'schema')).filter((n) => n.endsWith('.schema.json'));

function walk(node: unknown, path: string, visit: (node: Schema, path: string) => void): void {
  if (typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}/${i}`, visit));
    return;
  }
  const schema = node as Schema;
  visit(schema, path);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === '$defs') {
      for (const [name, child] of Object.entries(value as Schema))
        walk(child, `${path}/${key}/${name}`, visit);
    } else if (['items', 'additionalProperties', 'propertyNames', 'oneOf', 'anyOf'].includes(key)) {
      walk(value, `${path}/${key}`, visit);
    }
  }
}

describe.each(schemaNames)('schema/%s', (name) => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')) as Schema;

  it('compiles in ajv strict mode as draft 2020-12', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => new Ajv2020({ strict: true }).compile(schema)).not.toThrow();
  });

  it('describes every property (editor hover text)', () => {
    const missing: string[] = [];
    walk(schema, '#', (node, path) => {
      const properties = node.properties as Schema | undefined;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (typeof (child as Schema).description !== 'string')
          missing.push(`${path}/properties/${key}`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('rejects unknown keys wherever an object lists its properties', () => {
    const open: string[] = [];
    walk(schema, '#', (node, path) => {
      if (node.properties && node.additionalProperties !== false) open.push(path);
    });
    expect(open).toEqual([]);
  });

  it('bounds every pattern with a maxLength', () => {
    const unbounded: string[] = [];
    walk(schema, '#', (node, path) => {
      if (typeof node.pattern === 'string' && typeof node.maxLength !== 'number')
        unbounded.push(path);
    });
    expect(unbounded).toEqual([]);
  });
});

// The build rewrites the precompiled validator's length checks to count code points only when
// `.length` is over the maximum (scripts/build.mjs); it must decide exactly as ajv does.
describe('precompiled length checks', () => {
  const schema = JSON.parse(
    readFileSync(join(ROOT, 'schema/ladder.schema.json'), 'utf8'),
  ) as Schema;
  const reference = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  const base = {
    id: 'x',
    title: 'X',
    dimensions: [{ id: 'd', title: 'D' }],
    levels: [{ id: 'L1', title: 'One', expectations: { d: ['first'] } }],
  };
  const smile = '\u{1F600}';
  // Around the 5,000 of a statement, the 300 of a title and the 1 of every minimum: plain
  // letters, astral characters (two UTF-16 units each) and unpaired surrogates.
  const texts = [
    '',
    'a',
    smile,
    '\uD800',
    '\uDC00\uD800',
    'a'.repeat(300),
    'a'.repeat(301),
    smile.repeat(300),
    smile.repeat(301),
    `${'a'.repeat(299)}\uD800`,
    'a'.repeat(5000),
    'a'.repeat(5001),
    smile.repeat(2500),
    smile.repeat(5000),
    smile.repeat(5001),
    `${smile.repeat(4999)}\uD800\uD800`,
  ];

  it.each(texts.map((t) => [t.length, t] as const))(
    'a text of %i UTF-16 units as statement and title',
    async (_, text) => {
      const { ladder } = await import('../../src/validate/schemas.gen.js');
      const data = {
        ...base,
        levels: [{ id: 'L1', title: text, expectations: { d: [text] } }],
      };
      const expected = reference(data);
      expect(ladder(data)).toBe(expected);
      expect(
        (ladder.errors ?? []).map((e: { instancePath: string; keyword: string }) => [
          e.instancePath,
          e.keyword,
        ]),
      ).toEqual((reference.errors ?? []).map((e) => [e.instancePath, e.keyword]));
    },
  );
});
