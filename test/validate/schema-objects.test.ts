// Every object the schemas define, in turn: a key misspelled gets one `unknown-key` at that key,
// naming that object's own keys and the key meant; a required key left out gets one
// `missing-key` naming it. The fixtures under test/fixtures/schema hold one of every object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import configSchema from '../../schema/config.schema.json';
import ladderSchema from '../../schema/ladder.schema.json';
import packetSchema from '../../schema/packet.schema.json';
import { parseConfig } from '../../src/config/config';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { readFrontMatter } from '../../src/packet/front-matter';
import { validateLadders } from '../../src/validate/index';
import {
  allowedKeys,
  deref,
  type JsonObject,
  pointerOf,
  requiredKeys,
} from '../../src/validate/schema-walk';
import { FIXTURES } from '../helpers/paths';

type Template = readonly (string | number | '*')[];

/** Every object schema (one with `properties`) and where its values sit in the data. */
function objectDefinitions(schema: JsonObject): { template: Template; node: JsonObject }[] {
  const found: { template: Template; node: JsonObject }[] = [];
  const visit = (raw: unknown, template: Template) => {
    const node = deref(schema, raw);
    if (!node || template.length > 12) return;
    if (Array.isArray(node.oneOf)) for (const branch of node.oneOf) visit(branch, template);
    if (node.properties) {
      found.push({ template, node });
      for (const [key, child] of Object.entries(node.properties as JsonObject))
        visit(child, [...template, key]);
    }
    if (node.items) visit(node.items, [...template, '*']);
    if (typeof node.additionalProperties === 'object')
      visit(node.additionalProperties, [...template, '*']);
  };
  visit(schema, []);
  return found;
}

/** The first path in `data` that `template` matches and that holds a mapping. */
function firstInstance(data: unknown, template: Template): (string | number)[] | undefined {
  const walk = (
    value: unknown,
    rest: Template,
    path: (string | number)[],
  ): (string | number)[] | undefined => {
    if (rest.length === 0)
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? path
        : undefined;
    if (typeof value !== 'object' || value === null) return undefined;
    const [head, ...tail] = rest;
    const keys = head === '*' ? Object.keys(value) : [String(head)];
    for (const key of keys) {
      if (!Object.hasOwn(value, key)) continue;
      const segment = Array.isArray(value) ? Number(key) : key;
      const found = walk((value as Record<string, unknown>)[key], tail, [...path, segment]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(data, template, []);
}

/** `key` misspelled: two letters swapped, or the last one doubled. */
function misspell(key: string): string {
  return key.length >= 3 && key[1] !== key[2]
    ? `${key[0]}${key[2]}${key[1]}${key.slice(3)}`
    : `${key}${key.at(-1)}`;
}

interface Subject {
  readonly name: string;
  readonly schema: JsonObject;
  readonly text: string;
  readonly diagnose: (text: string) => readonly Diagnostic[];
}

const read = (name: string) => readFileSync(join(FIXTURES, 'schema', name), 'utf8');
const SUBJECTS: readonly Subject[] = [
  {
    name: 'ladder',
    schema: ladderSchema,
    text: read('every-object.yml'),
    diagnose: (text) =>
      validateLadders([{ path: 'every-object.yml', bytes: Buffer.from(text) }]).diagnostics,
  },
  {
    name: 'config',
    schema: configSchema,
    text: read('ladder.config.yml'),
    diagnose: (text) => parseConfig('ladder.config.yml', Buffer.from(text)).diagnostics,
  },
  {
    name: 'packet',
    schema: packetSchema,
    text: read('packet-front-matter.yml'),
    diagnose: (text) =>
      readFrontMatter('packet.md', text, 0, {
        line: 1,
        column: 1,
        endLine: text.split('\n').length,
        endColumn: 1,
      }).findings,
  },
];

/** `text` with the mapping at `path` changed by `change`. */
function edited(text: string, path: (string | number)[], change: (pairs: unknown[]) => void) {
  const doc = parseDocument(text);
  const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(map)) throw new Error(`no mapping at ${pointerOf(path)}`);
  change(map.items);
  return doc.toString();
}

const lineOf = (text: string, key: string) =>
  text.split('\n').findIndex((l) => new RegExp(`^\\s*(- )?${key}:`).test(l)) + 1;

describe.each(SUBJECTS)('every object of the $name schema', (subject) => {
  const data = parseDocument(subject.text).toJS() as unknown;
  const objects = objectDefinitions(subject.schema).map(({ template, node }) => ({
    template,
    node,
    path: firstInstance(data, template),
  }));

  it('is in the fixture, and the fixture is valid', () => {
    expect(subject.diagnose(subject.text)).toEqual([]);
    const missing = objects.filter((o) => o.path === undefined).map((o) => o.template.join('.'));
    expect(missing).toEqual([]);
    // Every object definition under $defs is reached from the root.
    const defs = Object.values((subject.schema.$defs ?? {}) as JsonObject).filter(
      (d) => (d as JsonObject).properties,
    );
    for (const def of defs) expect(objects.map((o) => o.node)).toContain(def);
  });

  it.each(
    objects.flatMap(({ template, node, path }) =>
      allowedKeys(node).map((key) => ({
        where: `${template.join('.') || '(top)'} ${key}`,
        key,
        node,
        path: path ?? [],
      })),
    ),
  )('misspelled key: $where', ({ key, node, path }) => {
    let present = false;
    const wrong = misspell(key);
    const text = edited(subject.text, path, (pairs) => {
      for (const pair of pairs as { key: unknown }[]) {
        if (isScalar(pair.key) && pair.key.value === key) {
          pair.key = new Scalar(wrong);
          present = true;
        }
      }
    });
    if (!present) return; // the fixture does not write this optional key here
    const diagnostics = subject.diagnose(text);
    expect(diagnostics.map((d) => `${d.code}@${d.line} ${d.dataPath}`)).toEqual([
      `unknown-key@${lineOf(text, wrong)} ${pointerOf([...path, wrong])}`,
    ]);
    const message = diagnostics[0]?.message ?? '';
    expect(message).toContain(`Did you mean \`${key}\`?`);
    const allowed = allowedKeys(node).map((k) => `\`${k}\``);
    expect(message).toContain(
      allowed.length === 1
        ? `are ${allowed[0]}.`
        : `are ${allowed.slice(0, -1).join(', ')} and ${allowed.at(-1)}.`,
    );
  });

  it.each(
    objects.flatMap(({ template, node, path }) =>
      requiredKeys(node).map((key) => ({
        where: `${template.join('.') || '(top)'} ${key}`,
        key,
        path: path ?? [],
      })),
    ),
  )('missing required key: $where', ({ key, path }) => {
    const text = edited(subject.text, path, (pairs) => {
      const at = (pairs as { key: unknown }[]).findIndex(
        (p) => isScalar(p.key) && p.key.value === key,
      );
      expect(at).toBeGreaterThanOrEqual(0);
      pairs.splice(at, 1);
    });
    const diagnostics = subject.diagnose(text);
    expect(diagnostics.map((d) => `${d.code} ${d.dataPath}`)).toEqual([
      `missing-key ${pointerOf(path)}`,
    ]);
    expect(diagnostics[0]?.message).toContain(`Add the required key \`${key}\` to `);
  });
});
