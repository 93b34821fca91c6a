// Text that YAML reads as something else (a mapping, a number, `true`, nothing) is one problem
// at the value, whose message shows what the author wrote and the quotes that keep it text,
// not the schema's "must be text, or a mapping" about a value the author never saw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLadders } from '../../src/validate/index';
import { FIXTURES } from '../helpers/paths';

const bytes = readFileSync(join(FIXTURES, 'validate/text-read-as-other/demo.yml'));

function messageAt(line: number): string {
  const { diagnostics } = validateLadders([{ path: 'demo.yml', bytes }]);
  const found = diagnostics.filter((d) => d.line === line);
  expect(found.map((d) => d.code)).toEqual(['wrong-type']);
  return found[0]?.message ?? '';
}

describe('text that YAML reads as something else', () => {
  it('says a `: ` made a mapping, and quotes the whole line', () => {
    expect(messageAt(14)).toContain('read as a mapping (`Owns: the roadmap`)');
    expect(messageAt(14)).toContain("`'Owns: the roadmap'`");
    expect(messageAt(24)).toContain('`"Note: a section\'s item"`');
  });

  it('shows the number, `true` or `null` as written, and how to quote it', () => {
    expect(messageAt(11)).toContain('is `1.10`, which YAML reads as the number 1.1, not as text');
    expect(messageAt(16)).toContain("`'3.10'`");
    expect(messageAt(17)).toContain('is `null`, which YAML reads as an empty value');
    expect(messageAt(18)).toContain("`'~'`");
    expect(messageAt(19)).toContain("`'true'`");
  });

  it('keeps a mapping written as one, `{ ... }`, a mapping with an unknown key', () => {
    const text =
      'id: demo\ntitle: Demo\nversion: 1.0.0\nlevels:\n  - id: L1\n    title: A\n    expectations:\n      m:\n        - { Owns: it }\n';
    const { diagnostics } = validateLadders([{ path: 'demo.yml', bytes: Buffer.from(text) }]);
    expect(diagnostics.map((d) => d.code).sort()).toContain('unknown-key');
  });
});
