// docs/diagnostics.md shows, for every code of ladder files, one bad input and the message it
// gets. The section is made by running the examples: the fixtures under test/fixtures/validate
// (one folder per kind of mistake), and the CLI in a scratch repository for the codes about
// paths. UPDATE=1 rewrites the section; otherwise it must be what the examples give today.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { FILE_CODES, SCHEMA_CODES } from '../../src/diagnostics/codes';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { fileTooLarge } from '../../src/load/decode';
import { validateLadders } from '../../src/validate/index';
import { RULES } from '../../src/validate/rules/index';
import { runCli } from '../helpers/cli';
import { checkSection, type Example, linesAt, stablePaths } from '../helpers/doc-examples';
import { FIXTURES } from '../helpers/paths';

const FIXTURE_DIR = join(FIXTURES, 'validate');

const codes = [...new Set([...FILE_CODES, ...SCHEMA_CODES, ...RULES.map((r) => r.code)])];

/** The fixture folder that shows `code`: the one named after it, else the first expecting it. */
function fixtureFor(code: string): string | undefined {
  const folders = readdirSync(FIXTURE_DIR).sort();
  const expects = (folder: string) =>
    readdirSync(join(FIXTURE_DIR, folder)).some((f) =>
      readFileSync(join(FIXTURE_DIR, folder, f), 'latin1').includes(`# expect: ${code}@`),
    );
  return folders.includes(code) && expects(code) ? code : folders.find(expects);
}

function fromFixture(code: string): Example | undefined {
  const folder = fixtureFor(code);
  if (folder === undefined) return undefined;
  const files = readdirSync(join(FIXTURE_DIR, folder))
    .sort()
    .map((name) => ({ path: name, bytes: readFileSync(join(FIXTURE_DIR, folder, name)) }));
  const diagnostic = validateLadders(files).diagnostics.find((d) => d.code === code);
  if (!diagnostic) return undefined;
  const file = files.find((f) => f.path === diagnostic.file);
  const shown = linesAt(new TextDecoder().decode(file?.bytes), diagnostic.line);
  return {
    input: shown,
    diagnostic: { ...diagnostic, file: `ladders/${diagnostic.file}` },
  };
}

/** The codes about paths, shown by running the CLI where they happen. */
async function fromPaths(): Promise<Map<string, Example>> {
  const repo = mkdtempSync(join(tmpdir(), 'ladder-examples-'));
  writeFileSync(join(repo, 'package.json'), '{}');
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'ladders'));
  const run = async (args: string[]) => {
    const out = JSON.parse(
      (await runCli(['validate', ...args, '--format', 'json'], { cwd: repo })).stdout,
    ) as { diagnostics: Diagnostic[] };
    const diagnostic = out.diagnostics[0] as Diagnostic;
    // The scratch repository's path changes from run to run; the docs show a stable one.
    const message = stablePaths(diagnostic.message, [realpathSync(repo), repo]);
    return { ...diagnostic, message };
  };
  return new Map([
    [
      'no-ladders',
      { input: '$ npx ladder validate   # ladders/ is empty', diagnostic: await run([]) },
    ],
    [
      'unreadable-file',
      {
        input: '$ npx ladder validate ladders/gone.yml',
        diagnostic: await run(['ladders/gone.yml']),
      },
    ],
    [
      'outside-repository',
      { input: '$ npx ladder validate ../other.yml', diagnostic: await run(['../other.yml']) },
    ],
    [
      'file-too-large',
      {
        input: '# a 5,000,000-byte ladders/ops.yml',
        diagnostic: fileTooLarge('ladders/ops.yml', 5_000_000, 4 * 1024 * 1024),
      },
    ],
  ]);
}

describe('docs/diagnostics.md examples', () => {
  it('shows one bad input for every code of ladder files, with the message it gets today', async () => {
    const paths = await fromPaths();
    const examples = new Map<string, Example>();
    for (const code of codes) {
      const example = fromFixture(code) ?? paths.get(code);
      if (example) examples.set(code, example);
    }
    checkSection('ladder files', 'test/validate/diagnostic-examples.test.ts', examples, codes);
  });
});
