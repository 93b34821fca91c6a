// The hostile packet shapes of issue 14 in the benchmark: the generated packets of
// test/fixtures/hostile/packets/generated.json whose shape once made micromark quadratic (setext
// headings, list items between paragraphs), and emphasis and brackets just under the
// per-paragraph limits, each reviewed alone by `ladder review` in a repository with the corpus's
// ladder. A figure, not a timed test: the target is that none takes more than
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

const FRONT = '---\ncandidate: bench\nladder: demo\nfrom: L1\nto: L2\n---\n\n## Mastery\n\n';

/**
 * Shapes just under the per-paragraph limits (999 emphasis marks or brackets in a paragraph), in
 * as many paragraphs as the packet's budget for them allows (20; src/packet/complexity.ts):
 * what micromark does per paragraph grows with the square of its marks. The tests check what
 * the review says of them at a few paragraphs (test/hostile/parser-hazards.test.ts), and that
 * one more paragraph is refused; here is how long the most allowed takes.
 */
export const PARAGRAPH_SHAPES = {
  'emphasis-paragraphs.md': { head: FRONT, repeat: `${'*a'.repeat(999)}\n\n`, count: 20 },
  'brackets-paragraphs.md': { head: FRONT, repeat: `${'[a]'.repeat(999)}\n\n`, count: 20 },
  'links-paragraphs.md': { head: FRONT, repeat: `${'[a]('.repeat(999)}\n\n`, count: 20 },
};

/** A packet's text from its recipe: `head`, then `repeat` `count` times (`{i}` numbered), then `tail`. */
function build(r) {
  const body = Array.from({ length: r.count }, (_, i) => r.repeat.replaceAll('{i}', String(i)));
  return r.head + body.join('') + (r.tail ?? '');
}

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
  const shapes = {
    ...Object.fromEntries(HOSTILE_SHAPES.map((name) => [name, recipes[name]])),
    ...PARAGRAPH_SHAPES,
  };
  for (const [name, recipe] of Object.entries(shapes))
    writeFileSync(join(dir, 'promotions', name), build(recipe));
  return { dir, packets: Object.keys(shapes).map((n) => `promotions/${n}`) };
}

/** Removes the repository. */
export function removeRepository(dir) {
  rmSync(dir, { recursive: true, force: true });
}
