// The docs that describe rendering stay in step with it: every code is in docs/diagnostics.md,
// and docs/pages.md's links to the committed pages resolve.
import { existsSync, readFileSync } from 'node:fs';
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

  it('docs/pages.md links to the index, a ladder page and a level page that exist', () => {
    const section = pagesDoc;
    const links = [...section.matchAll(/\]\((ladders\/[^)#]+)\)/g)].map(
      (m) => `docs/${m[1] ?? ''}`,
    );
    expect(links).toEqual(
      expect.arrayContaining([
        'docs/ladders/README.md',
        'docs/ladders/ops/README.md',
        'docs/ladders/ops/L3.md',
      ]),
    );
    for (const link of links) expect(existsSync(join(ROOT, link)), link).toBe(true);
    expect(section).toContain('npx ladder render --check');
  });
});
