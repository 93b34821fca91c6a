// The hostile packet shapes of issue 14 in the benchmark: the generated packets of
// test/fixtures/hostile/packets/generated.json whose shape once made micromark quadratic (setext
// headings, list items between paragraphs), each reviewed alone by `ladder review` in a repository
// with the corpus's ladder. A figure, not a timed test: the target is that none takes more than
// about two seconds, whatever its shape, within the size limit.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The generated packets measured: refused by the pre-scan, and parsed just under its limit. */
export const HOSTILE_SHAPES = [
  'setext-30000.md',
  'list-paragraph-10000.md',
  'setext-4900.md',
  'list-paragraph-2400.md',
];

/** Writes a repository with the corpus's ladder and the shapes; returns it and the packet paths. */
export function hostileRepository(root) {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-bench-hostile-'));
  const recipes = JSON.parse(
    readFileSync(join(root, 'test/fixtures/hostile/packets/generated.json'), 'utf8'),
  ).files;
  mkdirSync(join(dir, 'ladders'));
  mkdirSync(join(dir, 'promotions'));
  writeFileSync(
    join(dir, 'ladders/demo.yml'),
    readFileSync(join(root, 'test/fixtures/action/base/ladders/demo.yml')),
  );
  for (const name of HOSTILE_SHAPES) {
    const r = recipes[name];
    const body = Array.from({ length: r.count }, (_, i) => r.repeat.replaceAll('{i}', String(i)));
    writeFileSync(join(dir, 'promotions', name), r.head + body.join('') + r.tail);
  }
  return { dir, packets: HOSTILE_SHAPES.map((n) => `promotions/${n}`) };
}

/** Removes the repository. */
export function removeRepository(dir) {
  rmSync(dir, { recursive: true, force: true });
}
