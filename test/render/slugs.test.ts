// Page anchors: exactly github-slugger's, remembered slugs or not.
import fc from 'fast-check';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { PageSlugs } from '../../src/render/slugs';
import { SEED } from '../property/settings';

describe('PageSlugs', () => {
  it('numbers repeated anchors as GitHub does', () => {
    const page = new PageSlugs();
    expect(['Skill', 'Skill', 'Skill 1', 'skill', 'Déjà vu!'].map((t) => page.next(t))).toEqual([
      'skill',
      'skill-1',
      'skill-1-1',
      'skill-2',
      'déjà-vu',
    ]);
  });

  it('gives what GithubSlugger gives for any headings, page after page', () => {
    const text = fc.oneof(
      fc.constantFrom('a', 'A', 'a-1', 'a 1', 'a-1-1', 'b', '__proto__', 'constructor', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 12 }), { maxLength: 4 }), (pages) => {
        for (const headings of pages) {
          const ours = new PageSlugs();
          const theirs = new GithubSlugger();
          expect(headings.map((h) => ours.next(h))).toEqual(headings.map((h) => theirs.slug(h)));
        }
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});
