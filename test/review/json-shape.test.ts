// `ladder review --format json` holds to the shape docs/packets.md states: every key it writes is
// documented there, and every key documented without `?` is always written.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';
import { FRAMEWORKS, REVIEW } from './helpers';

/** A scratch repository: the review fixtures' ladders and the framework ladders, and every packet. */
let repo = '';

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ladder-json-shape-'));
  for (const ladders of [join(REVIEW, 'ladders'), FRAMEWORKS])
    cpSync(ladders, join(repo, 'ladders'), { recursive: true });
  cpSync(join(REVIEW, 'packets'), join(repo, 'promotions'), { recursive: true });
});

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

/** A documented object: each key, whether it may be left out, and the shape of its value. */
interface Shape {
  readonly keys: Map<string, { readonly optional: boolean; readonly value?: Shape }>;
}

/**
 * Reads the doc's notation, `{ "a", "b"?, "c": [{ ... }], "d"?: { ... }, "e": [...] }`: a value
 * given as `{...}` or `[{...}]` is a documented shape; `[...]` leaves its items open.
 */
function parseShape(text: string): Shape {
  let at = 0;
  const skip = () => {
    while (/[\s,]/.test(text[at] ?? '')) at += 1;
  };
  const object = (): Shape => {
    const keys: Shape['keys'] = new Map();
    at += 1; // `{`
    for (skip(); text[at] !== '}'; skip()) {
      const end = text.indexOf('"', at + 1);
      const key = text.slice(at + 1, end);
      at = end + 1;
      const optional = text[at] === '?';
      if (optional) at += 1;
      let value: Shape | undefined;
      if (text[at] === ':') {
        at += 1;
        skip();
        if (text.startsWith('[{', at)) {
          at += 1;
          value = object();
          at += 1; // `]`
        } else if (text[at] === '{') value = object();
        else at = text.indexOf(']', at) + 1; // `[...]`
      }
      keys.set(key, { optional, ...(value ? { value } : {}) });
    }
    at += 1; // `}`
    return { keys };
  };
  return object();
}

/** The documented shape of the whole output, from the `--format json` line of docs/packets.md. */
function documentedShape(): Shape {
  const doc = readFileSync(join(ROOT, 'docs', 'packets.md'), 'utf8');
  const line = doc.split('\n').find((l) => l.startsWith('- `--format json`: `'));
  if (!line) throw new Error('docs/packets.md has no `--format json` line');
  const start = '- `--format json`: `'.length;
  return parseShape(line.slice(start, line.indexOf('`', start)));
}

/** Where `value` strays from `shape`: undocumented keys and documented keys left out. */
function strays(value: unknown, shape: Shape, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => strays(v, shape, `${path}[${i}]`));
  const found = value as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(found))
    if (!shape.keys.has(key)) out.push(`${path}.${key} is not documented`);
  for (const [key, { optional, value: inner }] of shape.keys) {
    if (!(key in found)) {
      if (!optional) out.push(`${path}.${key} is documented as always there, but is missing`);
    } else if (inner) out.push(...strays(found[key], inner, `${path}.${key}`));
  }
  return out;
}

describe('review --format json', () => {
  it('reads the notation of the doc', () => {
    const shape = parseShape('{ "a", "b"?, "c": [{ "d" }], "e"?: { "f"? }, "g": [...] }');
    expect([...shape.keys.keys()]).toEqual(['a', 'b', 'c', 'e', 'g']);
    expect(shape.keys.get('b')?.optional).toBe(true);
    expect([...(shape.keys.get('c')?.value?.keys.keys() ?? [])]).toEqual(['d']);
    expect(shape.keys.get('e')?.value?.keys.get('f')?.optional).toBe(true);
    expect(shape.keys.get('g')?.value).toBeUndefined();
    expect(strays({ a: 1, c: [{}], g: [], h: 2 }, shape, '$')).toEqual([
      '$.h is not documented',
      '$.c[0].d is documented as always there, but is missing',
    ]);
  });

  it('writes the keys docs/packets.md documents, for packets of every verdict', async () => {
    const r = await runCli(['review', '--format', 'json'], { cwd: repo });
    const output = JSON.parse(r.stdout) as { packets: { verdict: string }[] };
    // The fixtures hold packets of every verdict, placeholders, tasks, ratings and points.
    expect(new Set(output.packets.map((p) => p.verdict))).toEqual(
      new Set(['complete', 'thin', 'missing', 'invalid']),
    );
    for (const key of ['"placeholder"', '"plan"', '"rating"', '"points"', '"group"'])
      expect(r.stdout).toContain(key);
    expect(strays(output, documentedShape(), '$')).toEqual([]);
  });
});
