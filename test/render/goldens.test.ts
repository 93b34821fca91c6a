// Golden files. The committed pages under docs/ladders/ are the goldens of the shipped ladders
// (regenerate them with `npx ladder render`); each folder under test/fixtures/render/ is a small
// repository whose docs/ladders/ holds its goldens (regenerate with `UPDATE=1 npx vitest run
// test/render`). A person has read them: a change here is a change people will see on GitHub.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGenerated } from '../../src/render/marker';
import { ROOT } from '../helpers/paths';
import { fixtureCases, PAGES, RENDER_FIXTURES, readTree, renderRepo } from './helpers';

const update = process.env.UPDATE === '1';

function generatedFiles(dir: string): Map<string, string> {
  return new Map([...readTree(dir)].filter(([, content]) => isGenerated(content)));
}

describe('golden pages', () => {
  it('docs/ladders is exactly what the shipped ladders render to (else run `npx ladder render`)', () => {
    const rendered = renderRepo(ROOT);
    const committed = generatedFiles(join(ROOT, PAGES));
    expect([...committed.keys()].sort()).toEqual(rendered.map((f) => f.path));
    for (const file of rendered) expect(committed.get(file.path), file.path).toBe(file.content);
  });

  it.each(fixtureCases())('test/fixtures/render/%s/docs/ladders matches', (name) => {
    const root = join(RENDER_FIXTURES, name);
    const rendered = renderRepo(root);
    const dir = join(root, PAGES);
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      for (const file of rendered) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.content);
      }
    }
    const committed = readTree(dir);
    expect([...committed.keys()].sort()).toEqual(rendered.map((f) => f.path));
    for (const file of rendered) expect(committed.get(file.path), file.path).toBe(file.content);
  });
});
