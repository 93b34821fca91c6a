// docs/diagnostics.md shows, for the code of `ladder diff`, one ladder change and the message it
// gets: the pair under test/fixtures/diff/version-not-bumped, compared as `ladder diff` does.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { VERSION_NOT_BUMPED } from '../../src/diagnostics/codes';
import { compareLadderFiles } from '../../src/diff/compare';
import { checkSection, type Example } from '../helpers/doc-examples';
import { FIXTURES } from '../helpers/paths';

const PAIR = join(FIXTURES, 'diff', VERSION_NOT_BUMPED);

function side(name: 'base' | 'head') {
  const folder = join(PAIR, name, 'ladders');
  return readdirSync(folder)
    .sort()
    .map((file) => ({ path: `ladders/${file}`, bytes: readFileSync(join(folder, file)) }));
}

/** The change as a unified diff, one line of context. */
function patch(path: string, before: Uint8Array, after: Uint8Array): string {
  const decoder = new TextDecoder();
  const { hunks } = structuredPatch(
    path,
    path,
    decoder.decode(before),
    decoder.decode(after),
    '',
    '',
    {
      context: 1,
    },
  );
  return [
    `--- a/${path}`,
    `+++ b/${path}`,
    ...hunks.flatMap((h) => [
      `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`,
      ...h.lines,
    ]),
  ].join('\n');
}

describe('docs/diagnostics.md examples of ladder changes', () => {
  it('shows one ladder change for the code of `ladder diff`, with the message it gets today', () => {
    const [base, head] = [side('base'), side('head')];
    const comparison = compareLadderFiles(base, head, []);
    expect(comparison.ok).toBe(true);
    const diagnostic = comparison.ok ? comparison.diagnostics[0] : undefined;
    expect(diagnostic?.code).toBe(VERSION_NOT_BUMPED);
    if (!diagnostic || !base[0] || !head[0]) return;
    const example: Example = {
      input: patch(diagnostic.file, base[0].bytes, head[0].bytes),
      lang: 'diff',
      diagnostic,
    };
    checkSection(
      'changes',
      'test/diff/diagnostic-examples.test.ts',
      new Map([[VERSION_NOT_BUMPED, example]]),
      [VERSION_NOT_BUMPED],
    );
  });
});
