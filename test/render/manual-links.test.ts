// Every relative link and #anchor in README.md and the manual (docs/*.md) resolves: a page of
// the manual exists and has the heading; any other file of the repository exists. Links into
// the shipped ladders, packets and pages are checked with the shipped content. Every page of
// the manual is reachable from the README, and the README fits on a screen.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, manual } from '../helpers/links';
import { ROOT } from '../helpers/paths';

const MANUAL = /^(README\.md|docs\/[^/]+\.md)$/;
/** The shipped content: its links are checked with it (test/ladders/seeds.test.ts). */
const SHIPPED = /^(ladders|promotions|docs\/ladders)(\/|$)/;

describe('README.md and the manual', () => {
  const checked = checkLinks(
    manual(),
    (target) => SHIPPED.test(target) || existsSync(join(ROOT, target)),
    (target) => MANUAL.test(target),
  );

  it('every relative link and anchor resolves', () => {
    expect(checked.problems).toEqual([]);
    expect(checked.links).toBeGreaterThan(50);
  });

  it('every page of the manual is reachable from the README', () => {
    expect(checked.files.filter((f) => !checked.reachable.has(f))).toEqual([]);
  });

  it('the README is at most 12 KB', () => {
    expect(Buffer.byteLength(readFileSync(join(ROOT, 'README.md')))).toBeLessThanOrEqual(12 * 1024);
  });

  it('a broken anchor or file is found (the check can fail)', () => {
    const broken = checkLinks(
      new Map([
        ['README.md', '# R\n\n[a](docs/a.md#nope) [b](docs/b.md) [c](schema/none.json)\n'],
        ['docs/a.md', '# A\n'],
      ]),
      (target) => existsSync(join(ROOT, target)),
      (target) => MANUAL.test(target),
    );
    expect(broken.problems).toEqual([
      'README.md: no heading #nope in docs/a.md',
      'README.md: no file for docs/b.md',
      'README.md: missing schema/none.json',
    ]);
  });
});
