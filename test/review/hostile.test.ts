// Hostile packets: huge, deeply nested, pathological for the Markdown parser, broken front
// matter, random input. Each must give a bounded, safe comment and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT, composeComment } from '../../src/report/pr-comment';
import { reviewPackets } from '../../src/review/index';
import { runs, SEED } from '../property/settings';
import { assertSafe, fixtureModel, OPTIONS } from './helpers';

const model = fixtureModel();
const FRONT = '---\ncandidate: dana\nladder: ops\nfrom: L2\nto: L3\n---\n\n## Mastery\n\n';
const BLOB = 'https://github.com/acme/career/blob/abc/';

function reviewText(text: string) {
  const report = reviewPackets(
    model,
    [{ path: 'promotions/hostile.md', bytes: new TextEncoder().encode(text) }],
    OPTIONS,
  );
  const body = composeComment({ review: report, blobBase: BLOB });
  assertSafe(body, BLOB);
  return { review: report.packets[0], body };
}

// Emphasis and brackets just under the per-paragraph limit, in many paragraphs, are in
// test/hostile/parser-hazards.test.ts (what they do) and bench/hostile.mjs (how long they take).
const BIG: Record<string, string> = {
  emphasis: '*a'.repeat(100_000),
  brackets: '[a]('.repeat(50_000),
  quotes: '> '.repeat(100_000),
  lists: '- '.repeat(100_000),
  'nested lists': Array.from({ length: 400 }, (_, i) => `${' '.repeat(i % 200)}- x`)
    .join('\n')
    .padEnd(200_000, 'x'),
  footnotes: '[^a]: x\n'.repeat(25_000),
  'real-looking evidence':
    '- Shipped [the change](https://github.com/acme/infra/pull/1) @someone #12 <b>x</b>\n'.repeat(
      2_500,
    ),
  html: '<div>'.repeat(40_000),
  'unclosed comments': '<!--'.repeat(50_000),
  backticks: '`a``'.repeat(50_000),
  'one long line': 'a'.repeat(200_000),
};

describe('hostile packets', () => {
  it.each(Object.keys(BIG))('a 200,000-character packet: %s', (name) => {
    const text = `${FRONT}${BIG[name] ?? ''}`;
    expect(text.length).toBeGreaterThanOrEqual(200_000);
    const { review, body } = reviewText(text);
    expect(review?.path).toBe('promotions/hostile.md');
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  });

  it('1,000 headings: findings are capped and counted', () => {
    const text = `${FRONT}${Array.from({ length: 1000 }, (_, i) => `## Heading ${i}\n\n- item ${i}\n`).join('\n')}`;
    const { review, body } = reviewText(text);
    const headings = review?.findings.filter((f) => f.code === 'unknown-heading') ?? [];
    expect(headings.length).toBe(20);
    expect(review?.findings.find((f) => f.code === 'more-findings')?.message).toContain('980 more');
    expect(body.length).toBeLessThan(60_000);
  });

  it.each([
    ['only an opening fence', '---\n', 'front-matter-unclosed'],
    ['an empty block', '---\n---\n', 'front-matter-invalid'],
    ['a scalar', '---\njust text\n---\n', 'front-matter-invalid'],
    ['a tab indent', '---\ncandidate: x\n\tladder: ops\n---\n', 'yaml-syntax'],
    [
      'a prototype key',
      '---\n__proto__: {a: 1}\ncandidate: x\nladder: ops\nto: L3\n---\n',
      'unknown-key',
    ],
    [
      'a prototype milestone',
      '---\ncandidate: x\nladder: ops\nto: L3\nmilestones:\n  __proto__: 2\n---\n',
      'invalid-id',
    ],
    ['a custom tag', '---\ncandidate: !!js/function x\nladder: ops\nto: L3\n---\n', 'yaml-tag'],
    [
      'an alias bomb',
      `---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n---\n`,
      'yaml-alias',
    ],
    ['huge front matter', `---\ncandidate: ${'x'.repeat(20_000)}\n---\n`, 'front-matter-invalid'],
    ['a wrong type', '---\ncandidate: [a, b]\nladder: ops\nto: L3\n---\n', 'wrong-type'],
  ])('broken front matter: %s', (_, text, code) => {
    const { review, body } = reviewText(`${text}\n## Mastery\n\n- x\n`);
    expect(review?.verdict).toBe('invalid');
    expect(review?.findings.map((f) => f.code)).toContain(code);
    expect(body).toContain('⛔');
  });

  it('random input never throws and always gives a safe comment', () => {
    const markdownish = fc.stringMatching(/^[-*_`#>[\]()!<@:/ \n\ta-zA-Z0-9|~\\.]{0,400}$/);
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 300 })), (tail) => {
        for (const head of ['', FRONT]) {
          const { review } = reviewText(`${head}${tail}`);
          expect(['complete', 'thin', 'missing', 'invalid']).toContain(review?.verdict);
        }
      }),
      { numRuns: runs(75), seed: SEED },
    );
  });

  it('random bytes never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const report = reviewPackets(model, [{ path: 'p.md', bytes }], OPTIONS);
        assertSafe(composeComment({ review: report }));
      }),
      { numRuns: runs(50), seed: SEED },
    );
  });
});
