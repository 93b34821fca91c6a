// docs/diagnostics.md shows, for every code of promotion packets, one bad input and the message
// it gets: the fixture packets under test/fixtures/review/packets (the one named after the code,
// else the first that expects it), reviewed against the fixture ladders.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { CHECKS } from '../../src/review/checks/index';
import { STAGE_CODES } from '../../src/review/codes';
import { reviewDiagnostics, reviewPacket } from '../../src/review/index';
import { checkSection, type Example, linesAt } from '../helpers/doc-examples';
import { fixtureModel, OPTIONS, REVIEW } from './helpers';

const PACKETS = join(REVIEW, 'packets');
const model = fixtureModel();
const codes = [...STAGE_CODES, ...CHECKS].map((c) => c.code);

/** The packet that shows `code`: the one named after it, else the first expecting it. */
function fixtureFor(code: string): string | undefined {
  const names = readdirSync(PACKETS).sort();
  const expects = (name: string) =>
    readFileSync(join(PACKETS, name), 'latin1').includes(`<!-- expect: ${code}@`);
  return names.includes(`${code}.md`) && expects(`${code}.md`) ? `${code}.md` : names.find(expects);
}

/** Reviewed as a packet under promotions/, with the status diagnostics the action adds. */
function review(path: string, bytes: Uint8Array): Diagnostic[] {
  return reviewDiagnostics(reviewPacket(model, { path, bytes }, OPTIONS), 'missing');
}

/** The packet up to its first blank line: the front matter, as the author wrote it. */
const top = (text: string) => text.slice(0, text.indexOf('\n\n'));

/** Shown instead of the lines a finding is on, when they alone say nothing (line 1). */
const SHOWN: Readonly<Record<string, (text: string, line: number) => string>> = {
  'front-matter-unclosed': top,
  'front-matter-invalid': top,
  // Reported on line 1 for the whole packet: the headings that make the findings.
  'more-findings': (text) => {
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    return [...headings.slice(0, 3), '…', ...headings.slice(-1)].join('\n');
  },
  // The section, up to the next heading.
  'dimension-thin': (text, line) => {
    const lines = text.split('\n').slice(line - 1);
    const next = lines.findIndex((l, i) => i > 0 && l.startsWith('#'));
    return lines.slice(0, next).join('\n').trim();
  },
  'dimension-missing': (text) =>
    [top(text), '', ...text.split('\n').filter((l) => l.startsWith('## '))].join('\n'),
};

function fromFixture(code: string): Example | undefined {
  const statuses = code === 'dimension-missing' || code === 'dimension-thin';
  const name = statuses ? 'missing-and-thin.md' : fixtureFor(code);
  if (name === undefined) return undefined;
  const bytes = readFileSync(join(PACKETS, name));
  const diagnostic = review(`promotions/${name}`, bytes).find((d) => d.code === code);
  if (!diagnostic) return undefined;
  const text = new TextDecoder().decode(bytes);
  const input = SHOWN[code]?.(text, diagnostic.line) ?? linesAt(text, diagnostic.line, 130);
  // Security: a message never quotes what the author wrote in the front matter.
  for (const value of authored(text)) {
    const word = new RegExp(
      `(^|[^\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`,
    );
    expect(diagnostic.message, `${code} quotes ${value}`).not.toMatch(word);
  }
  return { input, lang: 'markdown', diagnostic };
}

function tooLarge(): Example {
  const bytes = new Uint8Array(OPTIONS.maxPacketBytes + 1000).fill(0x61);
  const diagnostic = review('promotions/jordan-lee.md', bytes)[0] as Diagnostic;
  return {
    input: `<!-- promotions/jordan-lee.md: ${bytes.byteLength.toLocaleString('en')} bytes -->`,
    lang: 'markdown',
    diagnostic,
  };
}

/** The ids the ladders define: a message may name them, whoever wrote them in a packet. */
const known = new Set([
  ...model.ladders.flatMap((l) => [l.id, ...l.levels.flatMap((v) => [v.id, `${l.id}/${v.id}`])]),
  ...model.roles.map((r) => r.id),
  ...model.abilities.map((a) => a.id),
]);

/** The values (and nested keys) of the packet's front matter that name nothing the ladders define. */
function authored(text: string): string[] {
  return top(text)
    .split('\n')
    .flatMap((l) => [
      ...(/^\s*[\w-]+:\s*['"]?([^'"]+?)['"]?\s*$/.exec(l)?.slice(1) ?? []),
      // The keys of a nested mapping (`milestones:`) are the author's too.
      ...(/^\s+([\w-]+):/.exec(l)?.slice(1) ?? []),
    ])
    .filter((v) => !/^\d+$/.test(v) && !known.has(v));
}

describe('docs/diagnostics.md examples of packets', () => {
  it('shows one bad packet for every packet code, with the message it gets today', () => {
    const examples = new Map<string, Example>();
    for (const code of codes) {
      const example = code === 'packet-too-large' ? tooLarge() : fromFixture(code);
      if (example) examples.set(code, example);
    }
    checkSection('packets', 'test/review/diagnostic-examples.test.ts', examples, codes);
    expect(examples.size).toBe(codes.length);
  });
});
