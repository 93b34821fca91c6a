// docs/diagnostics.md documents every code the validator can report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_CODES, SCHEMA_CODES } from '../../src/diagnostics/codes';
import { RULES } from '../../src/validate/rules/index';
import { ROOT } from '../helpers/paths';

const docs = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');

describe('docs/diagnostics.md', () => {
  const codes = [...FILE_CODES, ...SCHEMA_CODES, ...RULES.map((r) => r.code)];
  it.each(codes)('documents `%s`', (code) => {
    expect(docs).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });
});
