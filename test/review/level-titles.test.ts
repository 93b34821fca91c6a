// A level named by its title in `to` or `from` (`to: Senior Engineer`): the finding says which id
// to write instead of giving the example of an id.
import { describe, expect, it } from 'vitest';
import { reviewPacket } from '../../src/review/index';
import { fixtureModel, OPTIONS } from './helpers';

const model = fixtureModel();

function invalidIds(from: string, to: string): string[] {
  const text = `---\ncandidate: ana-ruiz\nladder: web-operations\nfrom: ${from}\nto: ${to}\n---\n\n## Skill\n\n- Ran the on-call rota for a quarter ([PR](https://github.com/acme/ops/pull/3)).\n`;
  const review = reviewPacket(
    model,
    { path: 'promotions/ana-ruiz.md', bytes: Buffer.from(text) },
    OPTIONS,
  );
  return review.findings
    .filter((f) => f.code === 'invalid-id')
    .map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('a level named by its title in the front matter', () => {
  it('is told the id to write, in `to` and in `from`', () => {
    expect(invalidIds('junior', 'Senior Engineer')).toEqual([
      "5:5 `to` names a level by its title; write the level's id: `to: senior` (Senior Engineer, in `web-operations`).",
    ]);
    expect(invalidIds('junior engineer', 'senior')).toEqual([
      "4:7 `from` names a level by its title; write the level's id: `from: junior` (Junior Engineer, in `web-operations`).",
    ]);
  });

  it('keeps the example of an id when no level has that title', () => {
    expect(invalidIds('junior', 'Staff Wizard')).toEqual([
      "5:5 `to` is not written right; write it like `L3` or `ops/L3` (a level id, or `ladder/level` for a level of another ladder; quote one like `'1.1'`).",
    ]);
  });
});
