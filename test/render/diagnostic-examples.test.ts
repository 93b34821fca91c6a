// docs/diagnostics.md shows, for every code of the rendered pages, one change and the message
// `ladder check` gives it: each in a scratch copy of test/fixtures/render/branching (its ladders
// and its rendered pages), with one thing changed.
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { RENDER_CODES } from '../../src/render/index';
import { PATH_COLLISION } from '../../src/render/path-collisions';
import { runCli } from '../helpers/cli';
import { checkSection, type Example, stablePaths } from '../helpers/doc-examples';
import { PAGES, RENDER_FIXTURES } from './helpers';

/** One change to the repository, as the author makes it, and how the test makes it. */
interface Change {
  readonly input: string;
  readonly lang?: string;
  readonly make: (dir: string) => void;
}

const edit = (dir: string, path: string, from: string, to: string) =>
  writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace(from, to));

const CHANGES: Readonly<Record<string, Change>> = {
  'page-stale': {
    input: `$ sed -i 's/Mentors/Coaches/' ${PAGES}/eng/E3.md   # a page edited by hand\n$ npx ladder check`,
    make: (dir) => edit(dir, `${PAGES}/eng/E3.md`, 'Mentors', 'Coaches'),
  },
  'page-missing': {
    input: `$ rm ${PAGES}/eng.csv\n$ npx ladder check`,
    make: (dir) => rmSync(join(dir, PAGES, 'eng.csv')),
  },
  'page-orphaned': {
    input: `$ cp ${PAGES}/eng/E3.md ${PAGES}/eng/E9.md   # no level E9\n$ npx ladder check`,
    make: (dir) => copyFileSync(join(dir, PAGES, 'eng/E3.md'), join(dir, PAGES, 'eng/E9.md')),
  },
  'page-not-generated': {
    input: `$ echo '# My notes about E3' > ${PAGES}/eng/E3.md   # a file of yours where a page goes\n$ npx ladder check`,
    make: (dir) => writeFileSync(join(dir, PAGES, 'eng/E3.md'), '# My notes about E3\n'),
  },
  'page-path-collision': {
    input:
      '# ladders/mgmt.yml: level M2 renamed\n  - id: readme\n    title: Senior Engineering Manager',
    make: (dir) => edit(dir, 'ladders/mgmt.yml', 'id: M2', 'id: readme'),
  },
};

async function example(code: string, change: Change): Promise<Example> {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-examples-'));
  const fixture = join(RENDER_FIXTURES, 'branching');
  cpSync(join(fixture, 'ladders'), join(dir, 'ladders'), { recursive: true });
  cpSync(join(fixture, PAGES), join(dir, PAGES), { recursive: true });
  change.make(dir);
  const run = await runCli(['check', '--format', 'json'], { cwd: dir });
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  expect(diagnostics.map((d) => d.code)).toContain(code);
  const diagnostic = diagnostics.find((d) => d.code === code) as Diagnostic;
  rmSync(dir, { recursive: true, force: true });
  return {
    input: change.input,
    ...(change.lang === undefined ? {} : { lang: change.lang }),
    diagnostic: {
      ...diagnostic,
      message: stablePaths(diagnostic.message, [realpathSync(tmpdir())]),
    },
  };
}

describe('docs/diagnostics.md examples of rendered pages', () => {
  it('shows one change for every page code, with the message `ladder check` gives it', async () => {
    const examples = new Map<string, Example>();
    // The order of the table: a page's own problems, then the ladders'.
    const order = [...RENDER_CODES].sort(
      (a, b) => (a === PATH_COLLISION ? 1 : 0) - (b === PATH_COLLISION ? 1 : 0),
    );
    for (const code of order) {
      const change = CHANGES[code];
      if (change) examples.set(code, await example(code, change));
    }
    checkSection('pages', 'test/render/diagnostic-examples.test.ts', examples, RENDER_CODES);
  });
});
