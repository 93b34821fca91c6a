// docs/diagnostics.md documents the codes of `ladder diff` and `ladder health`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEALTH_CODES, VERSION_NOT_BUMPED } from '../../src/diagnostics/codes';
import { ROOT } from '../helpers/paths';

const docs = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');

describe('docs/diagnostics.md', () => {
  it.each([VERSION_NOT_BUMPED, ...HEALTH_CODES])('documents `%s`', (code) => {
    expect(docs).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });
});
