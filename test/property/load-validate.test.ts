// Property tests of the load and validate stages: whatever text, bytes or YAML-shaped data a
// ladder file holds, they return diagnostics (never throw), every diagnostic points at a real
// place in the file, and messages stay short and never copy free text from the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { loadYaml } from '../../src/load/yaml-document';
import { validateLadders } from '../../src/validate/index';
import { params } from './settings';
import { YAML_TOKENS } from './yaml-tokens';

const encoder = new TextEncoder();

const yamlish = fc
  .array(fc.constantFrom(...YAML_TOKENS), { maxLength: 200 })
  .map((t) => t.join(''));
const anyText = fc.oneof(
  yamlish,
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
);

/** The invariants every diagnostic keeps, whatever the input. */
function checkDiagnostics(diagnostics: readonly Diagnostic[], text: string, file: string): void {
  const lines = text.split('\n').length;
  for (const d of diagnostics) {
    expect(d.file).toBe(file);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    // Short, one line: a message never carries a code frame or a copy of the input.
    expect(d.message.length).toBeLessThan(500);
    expect(d.message).not.toContain('\n');
  }
}

describe('load and validate, on arbitrary input', () => {
  it('loader: arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = loadYaml('ladders/x.yml', encoder.encode(text));
        checkDiagnostics(result.diagnostics, text, 'ladders/x.yml');
        if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0);
        const validated = validateLadders([{ path: 'ladders/x.yml', bytes: encoder.encode(text) }]);
        checkDiagnostics(validated.diagnostics, text, 'ladders/x.yml');
      }),
      params('loader: arbitrary text'),
    );
  });

  it('loader: arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        const { diagnostics } = validateLadders([{ path: 'x.yml', bytes }]);
        checkDiagnostics(diagnostics, new TextDecoder().decode(bytes), 'x.yml');
      }),
      params('loader: arbitrary bytes'),
    );
  });

  it('validator: arbitrary YAML-shaped data', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = stringify(value);
        const { diagnostics, model } = validateLadders([
          { path: 'x.yml', bytes: encoder.encode(text) },
        ]);
        checkDiagnostics(diagnostics, text, 'x.yml');
        // Data that is not a ladder never becomes one.
        if (diagnostics.some((d) => d.severity === 'error')) expect(model.ladders).toEqual([]);
      }),
      params('validator: arbitrary YAML-shaped data'),
    );
  });

  it('validator: ladder-shaped data with arbitrary values', () => {
    // Ids from a small pool, so that references resolve, clash and dangle; free text with a
    // canary that no message may copy. A message may quote a wrong value, clipped to 60
    // characters, so the canary sits after 64 characters of filler.
    const CANARY = 'Qz8canary';
    const FILLER = 'f'.repeat(64);
    /** Mostly `good`, now and then anything at all. */
    const rarely = <T>(good: fc.Arbitrary<T>) =>
      fc.oneof(
        { weight: 40, arbitrary: good },
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      );
    const id = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('a', 'b', 'L1', 'L2', 'L3', 'skill', 'craft') },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'x y', '') },
    );
    const free = fc.string({ maxLength: 60 }).map((s) => `${FILLER}${s}${CANARY}`);
    const text = rarely(free);
    const ids = rarely(fc.array(id, { maxLength: 3 }));
    const level = fc.record(
      {
        id,
        title: text,
        summary: text,
        expectations: rarely(
          fc.dictionary(id, rarely(fc.array(text, { minLength: 1, maxLength: 3 })), { maxKeys: 3 }),
        ),
        requires: ids,
        next: rarely(fc.oneof(fc.array(id, { maxLength: 2 }), id)),
      },
      { requiredKeys: ['id', 'title'] },
    );
    const ladder = fc.record(
      {
        id,
        title: text,
        description: text,
        version: rarely(fc.constantFrom('1.0.0', '2.1.3')),
        groups: rarely(fc.array(fc.record({ id, title: text }), { maxLength: 2 })),
        dimensions: rarely(
          fc.array(fc.record({ id, title: text, group: id }, { requiredKeys: ['id', 'title'] }), {
            maxLength: 3,
          }),
        ),
        levels: rarely(fc.array(level, { minLength: 1, maxLength: 3 })),
        threads: rarely(
          fc.array(fc.record({ id, title: text, steps: fc.dictionary(id, text, { maxKeys: 2 }) }), {
            maxLength: 1,
          }),
        ),
      },
      { requiredKeys: ['id', 'title', 'levels'] },
    );
    fc.assert(
      fc.property(fc.array(ladder, { minLength: 1, maxLength: 3 }), (ladders) => {
        const files = ladders.map((l, i) => ({
          path: `ladders/l${i}.yml`,
          bytes: encoder.encode(stringify(l)),
        }));
        const { diagnostics } = validateLadders(files);
        for (const f of files)
          checkDiagnostics(
            diagnostics.filter((d) => d.file === f.path),
            new TextDecoder().decode(f.bytes),
            f.path,
          );
        for (const d of diagnostics) expect(d.message).not.toContain(CANARY);
      }),
      params('validator: ladder-shaped data with arbitrary values'),
    );
  });
});
