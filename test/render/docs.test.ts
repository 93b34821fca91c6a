// The docs that describe rendering stay in step with it: every code is in docs/diagnostics.md.
// (docs/pages.md's links to the shipped pages are checked with the shipped content, in
// test/ladders/seeds.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDER_CODES } from '../../src/render/index';
import { ROOT } from '../helpers/paths';

const diagnostics = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
const pagesDoc = readFileSync(join(ROOT, 'docs/pages.md'), 'utf8');

describe('render docs', () => {
  it.each(RENDER_CODES)('docs/diagnostics.md documents `%s`', (code) => {
    expect(diagnostics).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });

  it('docs/pages.md shows the command that checks the pages', () => {
    expect(pagesDoc).toContain('npx ladder render --check');
  });
});
