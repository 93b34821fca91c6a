// The PR comment: golden bodies (read by a person; UPDATE=1 rewrites them) and the safety rules,
// checked on the body parsed back with micromark + GFM the way GitHub reads it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { COMMENT_TARGET, composeComment } from '../../src/report/pr-comment';
import { reviewPackets } from '../../src/review/index';
import { assertSafe, fixtureModel, OPTIONS, packet, parse, REVIEW } from './helpers';

const model = fixtureModel();
const BLOB = 'https://github.com/acme/career/blob/0123456789abcdef0123456789abcdef01234567/';

function review(...inputs: { path: string; bytes: Uint8Array }[]) {
  return reviewPackets(model, inputs, OPTIONS);
}

function golden(name: string, body: string): void {
  const dir = join(REVIEW, 'comments');
  const file = join(dir, `${name}.md`);
  if (process.env.UPDATE || !existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, body);
  }
  expect(body).toBe(readFileSync(file, 'utf8'));
}

describe('composeComment goldens', () => {
  it('complete packet', () => {
    const body = composeComment({ review: review(packet('complete.md')), blobBase: BLOB });
    assertSafe(body, BLOB);
    golden('complete', body);
  });

  it('missing and thin evidence', () => {
    const body = composeComment({ review: review(packet('missing-and-thin.md')), blobBase: BLOB });
    assertSafe(body, BLOB);
    golden('missing-and-thin', body);
  });

  it('counts the items that count, and names the placeholders and plans it lists beside them', () => {
    const body = composeComment({ review: review(packet('unchecked-task.md')), blobBase: BLOB });
    const counts = [...body.matchAll(/\*\*Evidence found \((.*)\)\*\*/g)].map((m) => m[1]);
    expect(counts).toEqual(['2 items, 1 unchecked task', '0 items, 1 unchecked task']);
  });

  it('a level without dimensions', () => {
    const body = composeComment({ review: review(packet('prose-only-level.md')), blobBase: BLOB });
    assertSafe(body, BLOB);
    golden('prose-only-level', body);
  });

  it('several packets and ladder problems', () => {
    const ladderDiagnostics: Diagnostic[] = [
      {
        code: 'unknown-dimension',
        severity: 'error',
        message:
          'Unknown dimension `judgement` in the expectations of level L3 (Senior SRE). Did you mean `judgment`?',
        file: 'ladders/ops.yml',
        line: 120,
        column: 7,
      },
    ];
    const body = composeComment({
      review: review(packet('complete.md'), packet('thin.md'), packet('schema-errors.md')),
      ladderDiagnostics,
      blobBase: BLOB,
    });
    const tree = assertSafe(body, BLOB);
    golden('several', body);
    const headings = tree.children
      .filter((n) => n.type === 'heading' && n.depth === 3)
      .map((n) => mdastToString(n));
    expect(headings).toEqual([
      '✅ packets/complete.md',
      '🟡 packets/thin.md',
      '⛔ packets/schema-errors.md',
      'Ladder problems (1 error, 0 other)',
    ]);
  });

  it('hostile packet text', () => {
    const body = composeComment({
      review: review(packet('injection.md', 'hostile')),
      blobBase: BLOB,
    });
    assertSafe(body, BLOB);
    golden('injection', body);
    // assertSafe found no HTML but ours; the tags survive only as escaped text or in code.
    expect(body).toContain('\\<script>');
    expect(body).not.toContain('@octocat');
  });

  it('nothing to report', () => {
    const body = composeComment({});
    assertSafe(body);
    golden('nothing', body);
    expect(body).toContain('No promotion packets or ladder changes in this pull request any more.');
    expect(composeComment({ review: { packets: [] }, ladderDiagnostics: [] })).toBe(body);
  });
});

describe('composeComment structure', () => {
  it('opens with the verdict, then the table, the details and what to add', () => {
    const report = review(packet('missing-and-thin.md'));
    const tree = assertSafe(composeComment({ review: report, blobBase: BLOB }), BLOB);
    const kinds = tree.children.map((n) => n.type);
    const verdict = tree.children.find(
      (n) => n.type === 'paragraph' && mdastToString(n).startsWith('1 of 10'),
    );
    expect(verdict && mdastToString(verdict)).toBe(
      '1 of 10 dimensions evidenced; missing: Communication, Flexibility, Trust, Feedback; thin: Mastery, Tech and Tooling, Scope, Judgment, Planning',
    );
    const table = tree.children.find((n) => n.type === 'table');
    expect(table?.type === 'table' && table.children.length).toBe(11);
    expect(
      table?.type === 'table' && table.children[0]?.children.map((c) => mdastToString(c)),
    ).toEqual(['Dimension', 'Status', 'Evidence', 'What L3 expects']);
    const details = tree.children.filter(
      (n) => n.type === 'html' && n.value.startsWith('<details>'),
    );
    expect(kinds.indexOf('table')).toBeLessThan(
      details[0] ? tree.children.indexOf(details[0]) : -1,
    );
    expect(details.length).toBe(10 + 0); // one per dimension; no info notes in this packet
    const toAdd = tree.children.findIndex(
      (n) => n.type === 'heading' && mdastToString(n) === 'What to add',
    );
    expect(toAdd).toBeGreaterThan(kinds.lastIndexOf('html') - 3);
  });

  it('links evidence to the packet lines at the head commit', () => {
    const tree = parse(composeComment({ review: review(packet('complete.md')), blobBase: BLOB }));
    const urls: string[] = [];
    visit(tree, 'link', (node) => {
      urls.push(node.url);
    });
    expect(urls).toContain(`${BLOB}packets/complete.md#L26-L29`);
    expect(urls.every((u) => /#L\d+(-L\d+)?$/.test(u))).toBe(true);
  });

  it('quotes at most a short excerpt of each evidence item', () => {
    const body = composeComment({ review: review(packet('complete.md')), blobBase: BLOB });
    for (const m of body.matchAll(/“([^”]*)”/g))
      expect((m[1] ?? '').replaceAll('\u2060', '').length).toBeLessThanOrEqual(80);
    expect(body).not.toContain('including the\n  two high-risk primaries');
  });

  it('stays under the limit with many packets, and says it was shortened', () => {
    const one = packet('missing-and-thin.md');
    const inputs = Array.from({ length: 400 }, (_, i) => ({
      path: `promotions/p${i}.md`,
      bytes: one.bytes,
    }));
    const body = composeComment({ review: review(...inputs), blobBase: BLOB });
    assertSafe(body, BLOB);
    expect(body.length).toBeLessThanOrEqual(COMMENT_TARGET);
    expect(body).toContain('This comment was shortened');
    expect(body).toMatch(/and \d+ more packets not shown/);
  });

  it('sheds detail step by step before dropping packets', () => {
    const one = packet('missing-and-thin.md');
    const inputs = Array.from({ length: 12 }, (_, i) => ({
      path: `promotions/p${i}.md`,
      bytes: one.bytes,
    }));
    const body = composeComment({ review: review(...inputs), blobBase: BLOB });
    assertSafe(body, BLOB);
    expect(body.length).toBeLessThanOrEqual(COMMENT_TARGET);
    expect(body).toContain('This comment was shortened');
    for (let i = 0; i < 12; i += 1) expect(body).toContain(`promotions/p${i}.md`);
  });

  it('caps ladder problems and oversized extra sections', () => {
    const many: Diagnostic[] = Array.from({ length: 5000 }, (_, i) => ({
      code: 'unknown-dimension',
      severity: 'error',
      message: `Unknown dimension @team number ${i} <!-- x -->`,
      file: `ladders/l${i % 7}.yml`,
      line: i + 1,
      column: 3,
    }));
    const body = composeComment({
      ladderDiagnostics: many,
      extraSections: ['x'.repeat(50_000)],
      blobBase: BLOB,
    });
    assertSafe(body, BLOB);
    expect(body).toContain('…and 4950 more');
    expect(body).toContain('left out');
    const small = composeComment({
      ladderDiagnostics: many.slice(0, 1),
      extraSections: ['### Ladder changes\n\nL3 › Judgment: one expectation reworded.'],
    });
    expect(small).toContain('### Ladder changes');
  });
});
