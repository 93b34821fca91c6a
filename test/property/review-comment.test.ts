// Property tests of the review and the comment: whatever Markdown a packet holds, and whatever a
// file name or a ladder message says, the review returns a verdict (never throws), and the
// comment body keeps its promises: no mention or issue reference that pings, no raw HTML but
// ours, the hidden marker only once and only from us, and never over 65,536 characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { COMMENT_LIMIT, COMMENT_MARKER, composeComment } from '../../src/report/pr-comment';
import { type PacketReview, reviewPackets } from '../../src/review/index';
import { assertSafe, fixtureModel, OPTIONS } from '../review/helpers';
import { params } from './settings';

const model = fixtureModel();
const encoder = new TextEncoder();
const BLOB = 'https://github.com/acme/career/blob/0123456789abcdef0123456789abcdef01234567/';

/** Pieces of Markdown, HTML and GitHub syntax that could act if they reached the comment. */
const MARKDOWN_TOKENS = [
  '\n',
  '\n\n',
  ' ',
  '   ',
  '\t',
  '# ',
  '## ',
  '### ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '```',
  '~~~',
  '`',
  '*',
  '**',
  '_',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '![',
  '[x]',
  '[x](https://github.com/acme/infra/pull/1)',
  '[x][r]',
  '[r]: https://tracker.acme.dev/OPS-1',
  '![pixel](https://track.er/p.gif)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<details><summary>x</summary>',
  '</details>',
  '<a href="javascript:alert(1)">x</a>',
  '<',
  '>',
  '<!--',
  '-->',
  COMMENT_MARKER,
  '<!-- ladder-as-code:pr-comment-->',
  '@octocat',
  '@acme/sre-managers',
  'a@b.c',
  '#12',
  'acme/infra#34',
  'GH-56',
  'OPS-78',
  'http://evil.example/x',
  'https://github.com/acme/infra/pull/9',
  'www.evil.dev',
  '|',
  '| a | b |\n|---|---|\n',
  '---',
  '***',
  '\\',
  '&amp;',
  '&#64;octocat',
  '[^1]',
  '[^1]: note',
  '$$',
  '$',
  '$\\huge\\color{green}\\textsf{✅ complete}$',
  '$`x`$',
  '\\$',
  '\u001b[31m',
  ':smile:',
  'Mastery',
  'Judgment',
  'Tech & Tooling',
  'Skill: Scope',
  'Evidence',
  'TBD',
  'lorem ipsum',
  '(addresses: 1, 2)',
  '"Competent in 1-2 areas"',
  'Shipped the thing',
  '\u202e',
  '\u2066',
  '\u200b',
  'שלום',
  'e\u0301',
  '👩‍💻',
  '\r\n',
];

const markdown = fc
  .array(fc.constantFrom(...MARKDOWN_TOKENS), { maxLength: 250 })
  .map((t) => t.join(''));
const anyMarkdown = fc.oneof(
  { weight: 4, arbitrary: markdown },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
);

/** Front matter that is valid, or nearly so, for the fixture ladders. */
const frontMatter = fc.oneof(
  fc.constant('---\ncandidate: dana\nladder: ops\nfrom: L2\nto: L3\n---\n'),
  fc.constant('---\ncandidate: sam\nladder: web-operations\nto: senior\n---\n'),
  fc.constant('---\ncandidate: "dana @octocat"\nladder: ops\nto: L3\nsponsor: "<b>x</b>"\n---\n'),
  fc.constant('---\ncandidate: x\nladder: "@acme/team"\nto: "#12"\n---\n'),
  fc.constant(
    '---\ncandidate: "mallory $\\\\color{green}{\\\\textsf{complete}}$"\nladder: ops\nto: L3\n---\n',
  ),
  markdown.map((m) => `---\n${m}\n---\n`),
);

/** A file name under promotions/ that tries to act as Markdown. */
const hostilePath = fc
  .array(
    fc.constantFrom('a', '@octocat', '<img src=x>', '#1', '*', '_', '`', '[x]', '|', ' ', '-->'),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => `promotions/${parts.join('')}.md`);

/** Ladder diagnostics whose messages quote what a ladder file says. */
const ladderDiagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  code: fc.constantFrom('unknown-key', 'unknown-dimension', 'yaml-syntax'),
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  message: markdown.map((m) => `Unknown key \`${m.slice(0, 60)}\` in ${m.slice(60, 120)}`),
  file: hostilePath.map((p) => p.replace('promotions/', 'ladders/').replace(/\.md$/, '.yml')),
  line: fc.integer({ min: 1, max: 500 }),
  column: fc.integer({ min: 1, max: 80 }),
});

function review(path: string, text: string): PacketReview {
  const report = reviewPackets(model, [{ path, bytes: encoder.encode(text) }], OPTIONS);
  const [packet] = report.packets;
  if (!packet) throw new Error('no review');
  expect(packet.path).toBe(path);
  expect(['complete', 'thin', 'missing', 'invalid']).toContain(packet.verdict);
  return packet;
}

describe('review and comment, on arbitrary packets', () => {
  it('review: arbitrary Markdown', () => {
    fc.assert(
      fc.property(anyMarkdown, hostilePath, (text, path) => {
        const packet = review(path, text);
        assertSafe(composeComment({ review: { packets: [packet] }, blobBase: BLOB }), BLOB);
      }),
      params('review: arbitrary Markdown'),
    );
  });

  it('review: arbitrary Markdown after valid front matter', () => {
    fc.assert(
      fc.property(frontMatter, anyMarkdown, (front, text) => {
        const packet = review('promotions/p.md', `${front}${text}`);
        for (const f of packet.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.message).not.toContain('\n');
        }
        assertSafe(composeComment({ review: { packets: [packet] }, blobBase: BLOB }), BLOB);
      }),
      params('review: arbitrary Markdown after valid front matter'),
    );
  });

  it('comment: user text cannot ping, inject HTML or forge the marker', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hostilePath, frontMatter, markdown), { minLength: 1, maxLength: 4 }),
        fc.array(ladderDiagnostic, { maxLength: 5 }),
        (packets, ladderDiagnostics) => {
          const reviews = packets.map(([path, front, text]) => review(path, `${front}${text}`));
          const body = composeComment({
            review: { packets: reviews },
            ladderDiagnostics,
            blobBase: BLOB,
          });
          assertSafe(body, BLOB);
          expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
        },
      ),
      params('comment: user text cannot ping, inject HTML or forge the marker'),
    );
  });

  it('comment: many long packets stay under the limit', () => {
    // Long evidence items under every dimension of ops L3, reviewed once and shown under many
    // file names: the comment has to shed detail to fit.
    const item = fc
      .array(fc.constantFrom(...MARKDOWN_TOKENS.filter((t) => !t.includes('\n'))), {
        minLength: 20,
        maxLength: 120,
      })
      .map((t) => `- ${t.join(' ')} ([PR](https://github.com/acme/infra/pull/1))`);
    const dimensions = ['Mastery', 'Judgment', 'Scope', 'Trust', 'Feedback', 'Unknown thing'];
    const packet = fc
      .array(fc.tuple(fc.constantFrom(...dimensions), fc.array(item, { maxLength: 30 })), {
        maxLength: 6,
      })
      .map(
        (sections) =>
          `---\ncandidate: dana\nladder: ops\nfrom: L2\nto: L3\n---\n${sections
            .map(([title, items]) => `## ${title}\n\n${items.join('\n')}\n`)
            .join('\n')}`,
      );
    fc.assert(
      fc.property(
        fc.array(packet, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(ladderDiagnostic, { maxLength: 60 }),
        (texts, copies, ladderDiagnostics) => {
          const reviews = texts.map((t, i) => review(`promotions/p${i}.md`, t));
          const many = Array.from({ length: copies }, (_, i) => {
            const r = reviews[i % reviews.length] as PacketReview;
            return { ...r, path: `promotions/@octocat-<b>${i}</b>.md` };
          });
          const body = composeComment({
            review: { packets: many },
            ladderDiagnostics,
            blobBase: BLOB,
          });
          expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
          assertSafe(body, BLOB);
        },
      ),
      params('comment: many long packets stay under the limit'),
    );
  });
});
