/**
 * The generated example sections of docs/diagnostics.md: one bad input per code and the message
 * the tool gives it. Each section sits between its own markers; UPDATE=1 rewrites it, otherwise
 * the test fails when it is not what the examples give today.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { ROOT } from './paths';

/** The doc the examples are in. */
export const DIAGNOSTICS_DOC = join(ROOT, 'docs/diagnostics.md');

/** One bad input and what it gets. */
export interface Example {
  /** What the author wrote (a few lines), or the command they ran (starting `$`). */
  readonly input: string;
  /** The fence's language for the input (`yaml` unless told; `sh` for a command). */
  readonly lang?: string;
  readonly diagnostic: Pick<Diagnostic, 'file' | 'line' | 'column' | 'message'>;
  /** The code shown as the heading, when the example's key is not the code itself. */
  readonly code?: string;
}

/**
 * The lines shown for a finding: the line to change, and the one above it unless that is blank
 * or a comment (`#` in YAML); long lines cut at `width`, NUL bytes, tabs and carriage returns
 * without a line feed written out.
 */
export function linesAt(text: string, line: number, width = 100): string {
  const lines = text.split(/\r?\n/);
  const above = lines[line - 2];
  const from =
    above === undefined || above.trim() === '' || above.startsWith('#') ? line - 1 : line - 2;
  return lines
    .slice(Math.max(0, from), line)
    .map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l))
    .map((l) => l.replaceAll('\0', '\\0').replaceAll('\t', '→').replaceAll('\r', '\\r'))
    .join('\n');
}

/** The text of a message with the scratch folders it names shown as one stable path. */
export function stablePaths(text: string, folders: readonly string[]): string {
  return folders.reduce((t, folder) => t.replaceAll(folder, '/path/to/repository'), text);
}

/** The Markdown of one code's example. */
function exampleBlock(code: string, example: Example): string {
  const { file, line, column, message } = example.diagnostic;
  const heading = example.code ?? code;
  const lang = example.lang ?? (example.input.startsWith('$') ? 'sh' : 'yaml');
  return `#### \`${heading}\`\n\n\`\`\`${lang}\n${example.input}\n\`\`\`\n\n> ${file}:${line}:${column} ${message}\n`;
}

/** Markers of the generated section `name`, made by `test` (a path from the root). */
export function markers(name: string, test: string): { begin: string; end: string } {
  return {
    begin: `<!-- examples (${name}): made by ${test} (UPDATE=1) -->`,
    end: `<!-- examples (${name}): end -->`,
  };
}

/**
 * Checks (or with UPDATE=1 writes) the section between the markers: one block per example, and
 * an example for each of `codes`.
 */
export function checkSection(
  name: string,
  test: string,
  examples: ReadonlyMap<string, Example>,
  codes: readonly string[],
): void {
  for (const code of codes) expect(examples.has(code), `an example of ${code}`).toBe(true);
  const { begin, end } = markers(name, test);
  const blocks = [...examples].map(([code, example]) => exampleBlock(code, example));
  const actual = `${begin}\n\n${blocks.join('\n')}\n${end}`;
  const docs = readFileSync(DIAGNOSTICS_DOC, 'utf8');
  const start = docs.indexOf(begin);
  const stop = docs.indexOf(end);
  expect(start, `the markers of ${name}`).toBeGreaterThan(0);
  expect(stop, `the end marker of ${name}`).toBeGreaterThan(start);
  if (process.env.UPDATE === '1')
    writeFileSync(
      DIAGNOSTICS_DOC,
      `${docs.slice(0, start)}${actual}${docs.slice(stop + end.length)}`,
    );
  else expect(docs.slice(start, stop + end.length)).toBe(actual);
}
