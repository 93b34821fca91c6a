// Known hazards of the parsers we use (see FACTS.md), each pinned by a test: the yaml version
// with the deep-nesting fix, every yaml error code mapped to a diagnostic, YAML 1.1 unable to
// switch anything on, tags and parser warnings as errors, no source text in messages, ajv built
// without `verbose` or `$data` and only ever run behind size caps, linear-time patterns, and
// Markdown capped before the parser sees it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from 'yaml';
import { parseDocument } from 'yaml';
import { parseConfig } from '../../src/config/config';
import { loadYaml, MAX_VALUES, parseYamlText } from '../../src/load/yaml-document';
import { parsePacketText } from '../../src/packet/parse';
import { reviewPackets } from '../../src/review/index';
import { validateLadders } from '../../src/validate/index';
import * as schemas from '../../src/validate/schemas.gen.js';
import { ROOT } from '../helpers/paths';
import { fixtureModel, OPTIONS } from '../review/helpers';

const require = createRequire(import.meta.url);
const encoder = new TextEncoder();

/** `[major, minor, patch]` of a version string. */
function version(text: string): number[] {
  return text
    .replace(/^[^\d]*/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10));
}

function atLeast(actual: string, wanted: string): boolean {
  const a = version(actual);
  const w = version(wanted);
  for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (w[i] ?? 0)) return (a[i] ?? 0) > (w[i] ?? 0);
  return true;
}

describe('yaml', () => {
  it('is 2.8.3 or later (the deep-nesting fix), installed, locked and required', () => {
    const installed = (require('yaml/package.json') as { version: string }).version;
    expect(atLeast(installed, '2.8.3'), installed).toBe(true);
    // A development dependency: the CLI and the action bundle it (the package needs none).
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const wanted = pkg.devDependencies.yaml;
    expect(atLeast(wanted ?? '0', '2.8.3'), wanted).toBe(true);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    expect(atLeast(lock.packages['node_modules/yaml']?.version ?? '0', '2.8.3')).toBe(true);
  });

  /**
   * A file that makes the library report each error code with our options, or null where our
   * options make the code unreachable. The type keeps the table complete when yaml adds codes.
   */
  const TRIGGERS: Record<ErrorCode, { text: string; code: string } | null> = {
    ALIAS_PROPS: { text: 'a: &x *a\n', code: 'yaml-syntax' },
    BAD_ALIAS: { text: 'a: & 1\n', code: 'yaml-syntax' },
    BAD_COLLECTION_TYPE: null, // only for YAML 1.1's known tags, which resolveKnownTags turns off
    BAD_DIRECTIVE: { text: '%FOO bar\n---\na: 1\n', code: 'yaml-syntax' },
    BAD_DQ_ESCAPE: { text: 'a: "\\q"\n', code: 'yaml-syntax' },
    BAD_INDENT: { text: 'a:\n  b: 1\n c: 2\n', code: 'yaml-syntax' },
    BAD_PROP_ORDER: { text: '&x ? a\n: 1\n', code: 'yaml-syntax' },
    BAD_SCALAR_START: { text: 'a: @x\n', code: 'yaml-syntax' },
    BLOCK_AS_IMPLICIT_KEY: { text: 'a: b: c\n', code: 'yaml-syntax' },
    BLOCK_IN_FLOW: { text: '[ - a ]\n', code: 'yaml-syntax' },
    DUPLICATE_KEY: { text: 'a: 1\na: 2\n', code: 'yaml-duplicate-key' },
    IMPOSSIBLE: null, // the library's own consistency checks
    KEY_OVER_1024_CHARS: { text: `${'k'.repeat(1100)}: 1\n`, code: 'yaml-syntax' },
    MISSING_CHAR: { text: '[a, b\n', code: 'yaml-syntax' },
    MULTILINE_IMPLICIT_KEY: { text: 'a\nb: 1\n', code: 'yaml-syntax' },
    MULTIPLE_ANCHORS: { text: 'a: &x &y 1\n', code: 'yaml-syntax' },
    MULTIPLE_DOCS: { text: 'a: 1\n---\nb: 2\n', code: 'yaml-multiple-documents' },
    MULTIPLE_TAGS: { text: 'a: !!str !!str 1\n', code: 'yaml-tag' },
    NON_STRING_KEY: { text: '? [a, b]\n: 1\n', code: 'yaml-syntax' },
    RESOURCE_EXHAUSTION: { text: `a: ${'['.repeat(20_000)}\n`, code: 'yaml-too-deep' },
    TAB_AS_INDENT: { text: 'a:\n\tb: 1\n', code: 'yaml-syntax' },
    TAG_RESOLVE_FAILED: { text: 'a: !foo 1\n', code: 'yaml-tag' },
    UNEXPECTED_TOKEN: { text: 'a: 1\n]\n', code: 'yaml-syntax' },
  };

  it.each(Object.entries(TRIGGERS).filter(([, t]) => t !== null))(
    'reports %s as a diagnostic, in our words',
    (yamlCode, trigger) => {
      if (!trigger) return;
      const result = parseYamlText('x.yml', trigger.text);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toContain(trigger.code);
      // The trigger does reach the library's code (so the table stays honest).
      if (yamlCode !== 'DUPLICATE_KEY') {
        const doc = parseDocument(trigger.text, { uniqueKeys: false, stringKeys: true });
        expect([...doc.errors, ...doc.warnings].map((e) => e.code)).toContain(yamlCode);
      }
      for (const d of result.diagnostics) {
        expect(d.message).not.toMatch(/^YAML syntax error:|\n/);
        expect(d.message.length).toBeLessThan(200);
      }
    },
  );

  it('never turns on merge keys or reads `no` as false, whatever the directive says', () => {
    const text =
      '%YAML 1.1\n---\nbase: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\nflag: no\non: yes\nwhen: 2001-12-14\n';
    const result = parseYamlText('x.yml', text);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.file.data).toEqual({
      base: { x: 1 },
      merged: { '<<': { x: 1 }, y: 2 },
      flag: 'no',
      on: 'yes',
      when: '2001-12-14',
    });
  });

  it.each([
    ['a custom tag', 'a: !foo 1\n'],
    ['a YAML 1.1 set', 'a: !!set {x: null}\n'],
    ['YAML 1.1 bytes', 'a: !!binary aGVsbG8=\n'],
    ['a YAML 1.1 date', 'a: !!timestamp 2001-12-14\n'],
    ['a YAML 1.1 ordered map', 'a: !!omap [{x: 1}]\n'],
    ['an unknown directive (a parser warning)', '%FOO bar\n---\na: 1\n'],
    ['an unsupported version (a parser warning)', '%YAML 1.3\n---\na: 1\n'],
  ])('refuses %s', (_, text) => {
    expect(parseYamlText('x.yml', text).ok).toBe(false);
  });

  it('copies no source text into messages (prettyErrors off, our own wording)', () => {
    const secret = 'SOURCE-TEXT-zq';
    const texts = [
      `a: "${secret}\\q"\n`,
      `a: [${secret}, b\n`,
      `${secret}\nb: 1\n`,
      `a: !${secret} 1\n`,
      `%${secret} x\n---\na: 1\n`,
      `a: |${secret}\n  x\n`,
      `a: *${secret}\n`,
    ];
    for (const text of texts) {
      const result = parseYamlText('x.yml', text);
      expect(result.ok, text).toBe(false);
      for (const d of result.diagnostics) expect(d.message, text).not.toContain(secret);
    }
  });

  it('writes nothing to the console: a collection key is a diagnostic, not a process warning', () => {
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on('warning', listener);
    try {
      const result = validateLadders([
        { path: 'x.yml', bytes: encoder.encode('id: x\n? {a: 1}\n: b\n? [c]\n: d\n') },
      ]);
      expect(result.diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });

  it('finds duplicate keys in one pass (one key over the values cap; its time is in npm run bench)', () => {
    const count = MAX_VALUES + 1;
    const keys = Array.from({ length: count }, (_, i) => `k${i}: 1`).join('\n');
    const unique = parseYamlText('x.yml', `${keys}\n`);
    const duplicated = parseYamlText('x.yml', `${keys}\nk5: 2\n`);
    expect(unique.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(duplicated.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['yaml-duplicate-key', count + 1],
    ]);
  });
});

describe('ajv', () => {
  const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
  const generated = readFileSync(join(ROOT, 'src/validate/schemas.gen.js'), 'utf8');

  it('is built with verbose off and $data never enabled', () => {
    expect(build).toMatch(/verbose: false/);
    expect(build).not.toMatch(/\$data/);
    expect(generated).not.toMatch(/\$data/);
    // With verbose on, every error would carry the data and the schema.
    expect(generated).not.toMatch(/parentSchema|data:\s*data\b/);
    for (const bundle of ['action/dist/index.js']) {
      const text = readFileSync(join(ROOT, bundle), 'utf8');
      expect(text, bundle).not.toMatch(/\$data/);
    }
  });

  it('reports errors without copying the data into them', () => {
    const secret = 'DATA-zq'.repeat(10);
    for (const [name, validate] of Object.entries(schemas)) {
      expect(validate({ id: secret, title: [secret], zzz: secret }), name).toBe(false);
      for (const error of validate.errors ?? []) {
        expect(Object.keys(error).sort(), name).toEqual(
          expect.not.arrayContaining(['data', 'schema', 'parentSchema']),
        );
        expect(JSON.stringify(error)).not.toContain(secret);
      }
    }
  });

  it('runs with allErrors only behind size caps: every caller caps its input first', () => {
    expect(build).toMatch(/allErrors: true/);
    const callers = [
      'src/validate/file-check.ts',
      'src/config/config.ts',
      'src/packet/front-matter.ts',
    ];
    for (const file of callers)
      expect(readFileSync(join(ROOT, file), 'utf8'), file).toMatch(/schemas\.gen\.js/);
    // Ladder files: bytes, then values.
    const huge = `id: x\ntitle: x\nlevels:\n${'  - 1\n'.repeat(MAX_VALUES + 1)}`;
    const { diagnostics } = validateLadders([{ path: 'x.yml', bytes: encoder.encode(huge) }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(loadYaml('x.yml', new Uint8Array(5 * 1024 * 1024)).diagnostics[0]?.code).toBe(
      'file-too-large',
    );
    // Just under the cap, every value wrong: all errors, still quick, and at most 50 reported.
    const under = `id: x\ntitle: x\nlevels:\n${'  - 1\n'.repeat(MAX_VALUES - 10)}`;
    const all = validateLadders([{ path: 'x.yml', bytes: encoder.encode(under) }]).diagnostics;
    expect(all.length).toBeLessThanOrEqual(50);
    // The config file and a packet's front matter.
    expect(parseConfig('ladder.config.yml', new Uint8Array(300 * 1024)).diagnostics[0]?.code).toBe(
      'file-too-large',
    );
    const front = parsePacketText('p.md', `---\ncandidate: ${'x'.repeat(20_000)}\n---\n`);
    expect(front.findings.map((f) => f.code)).toEqual(['front-matter-invalid']);
  });

  it('checks every schema pattern against hostile strings without backtracking for minutes (each is also bounded by a maxLength)', () => {
    // test/model/schema.test.ts checks the maxLength beside every pattern; this checks that a
    // pattern on a long hostile string does not backtrack (allErrors runs it after maxLength).
    const patterns: string[] = [];
    for (const name of ['ladder', 'packet', 'config']) {
      const schema = readFileSync(join(ROOT, `schema/${name}.schema.json`), 'utf8');
      for (const m of schema.matchAll(/"pattern":\s*("(?:[^"\\]|\\.)*")/g))
        patterns.push(JSON.parse(m[1] ?? '""') as string);
    }
    expect(patterns.length).toBeGreaterThan(3);
    const hostile = [
      'a'.repeat(100_000),
      `${'a'.repeat(100_000)}!`,
      '../'.repeat(30_000),
      `${'a/'.repeat(50_000)}..`,
      '-'.repeat(100_000),
      `${'1.'.repeat(50_000)}x`,
      `${'@a/'.repeat(30_000)}`,
    ];
    for (const pattern of patterns) {
      const re = new RegExp(pattern, 'u');
      for (const s of hostile) re.test(s);
    }
  });
});

describe('Markdown', () => {
  const model = fixtureModel();
  const FRONT = '---\ncandidate: dana\nladder: ops\nfrom: L2\nto: L3\n---\n\n## Mastery\n\n';
  const review = (body: string) =>
    reviewPackets(model, [{ path: 'p.md', bytes: encoder.encode(`${FRONT}${body}`) }], OPTIONS)
      .packets[0];

  it('caps a packet by size before anything parses it', () => {
    const big = review('- x\n'.repeat(100_000));
    expect(big?.findings.map((f) => f.code)).toEqual(['packet-too-large']);
  });

  it.each([
    ['[', '['],
    ['*', '*'],
    ['![', '!['],
    ['_', '_'],
    ['`', '`'],
    ['[a](', '[a]('],
  ])('thousands of unclosed `%s` are refused or parsed, never hang', (_, piece) => {
    for (const body of [
      // One paragraph: refused by the complexity scan, before the parser.
      piece.repeat(5_000),
      // Just under the per-paragraph limit, in several paragraphs: parsed. (How long 40 such
      // paragraphs take is in `npm run bench`.)
      `${piece.repeat(Math.floor(999 / piece.replace(/[^[*_`]/g, '').length))}\n\n`.repeat(4),
    ]) {
      const result = review(body);
      expect(['missing', 'thin', 'invalid']).toContain(result?.verdict);
    }
  });
});
