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

describe('a list or a key written by hand', () => {
  const slips = readFileSync(join(FIXTURES, 'validate/list-item-slips/demo.yml'));
  const messages = validateLadders([{ path: 'demo.yml', bytes: slips }]).diagnostics.map(
    (d) => `${d.line} ${d.message}`,
  );

  it('says a `-` needs a space after it, and how one value is written as a list', () => {
    expect(messages).toEqual([
      expect.stringMatching(
        /^12 .*Write it as a list, `\[L2\]`, or as a `- ` line below the key\.$/,
      ),
      expect.stringMatching(
        /^15 .*A list item's `-` needs a space after it: `- Learns the basics\.`\.$/,
      ),
      // Text with a `,` would be two items in brackets: only the `- ` line is suggested.
      expect.stringMatching(/^19 .*not text\. Write it as a `- ` line below the key\.$/),
    ]);
  });

  it('says a `:` needs a space after it, rather than that the line has none', () => {
    const glued = readFileSync(join(FIXTURES, 'validate/yaml-slips/colon-without-space.yml'));
    const [d] = validateLadders([{ path: 'demo.yml', bytes: glued }]).diagnostics;
    expect(d?.message).toBe(
      'This `:` has no space after it, so YAML reads the line as text, not as the key `summary`; put a space after the `:` (`summary: Learns.`).',
    );
  });
});

describe('a value that goes on after its quotes or brackets', () => {
  it('is reported at the value, with the whole text quoted', () => {
    const messages = ['text-after-quote', 'text-after-bracket'].map((name) => {
      const bytes = readFileSync(join(FIXTURES, `validate/yaml-slips/${name}.yml`));
      return validateLadders([{ path: `${name}.yml`, bytes }]).diagnostics[0]?.message;
    });
    expect(messages).toEqual([
      'A value that starts with `"` is quoted text, which ends at the closing quote, so YAML cannot read the text after it; put the whole text in quotes (`\'"Learns" the basics.\'`).',
      "A value that starts with `[` is a list, which ends at its `]`, so YAML cannot read the text after it; put the whole text in quotes (`'[Draft] Asks for help.'`).",
    ]);
  });
});

describe('a merge key', () => {
  it('is an unknown key that says merge keys are not supported', () => {
    const text =
      'id: demo\ntitle: Demo\nversion: 1.0.0\nlevels:\n  - &base\n    id: L1\n    title: A\n  - <<: *base\n    id: L2\n    title: B\n';
    const { diagnostics } = validateLadders([{ path: 'demo.yml', bytes: Buffer.from(text) }]);
    expect(diagnostics).toMatchObject([{ code: 'unknown-key', line: 8, column: 5 }]);
    expect(diagnostics[0]?.message).toContain(
      'Merge keys (`<<: *name`) are not supported; write the keys out.',
    );
  });
});

describe('a line that starts with `:`', () => {
  it('is a key of no name, told to write the key or quote the text', () => {
    const text =
      'id: demo\n: Demo\ntitle: Demo\nversion: 1.0.0\nlevels:\n  - id: L1\n    title: A\n';
    const { diagnostics } = validateLadders([{ path: 'demo.yml', bytes: Buffer.from(text) }]);
    expect(diagnostics).toMatchObject([{ code: 'unknown-key', line: 2, column: 1 }]);
    expect(diagnostics[0]?.message).toMatch(
      /^A key of no name in the ladder\. A line that starts with `:` has no key: write the key before the `:`, or put the text in quotes\. The keys allowed here are /,
    );
  });
});
