// The hostile ladder corpus (test/fixtures/hostile/ladders, with its generated files and
// symbolic links) in one repository, next to a valid ladder and packet, through the CLI in
// process: `ladder validate --format json` on all of it, then the text report, `render` and
// `review` on all but the files of parser work (corpus.ts). Each file gets its diagnostic,
// nothing hangs or prints a stack trace, and the valid files are still checked, reviewed and
// rendered.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic';
import { FIXTURES } from '../helpers/paths';
import { parse, texts } from '../render/markdown-tree';
import {
  type CorpusFile,
  ladderCorpus,
  materialise,
  PARSER_WORK,
  type Scratch,
  scratch,
} from './corpus';
import { expectClean, runCliAsync, type TimedRun } from './run';

const corpus = ladderCorpus();
/** Codes that come from other files in the same run, not from the file itself. */
const CROSS_FILE = new Set(['file-name-mismatch', 'duplicate-id']);
const VALID = ['rtl-combining.yml', 'long-comment-2mb.yml'];

let area: Scratch;
let validRepo: string;
let runs: Record<'json' | 'text' | 'render' | 'review' | 'renderValid', TimedRun>;

/** The action's demo ladder and a packet for it; without its abilities, which bom.yml shares. */
function addDemo(repo: string): void {
  mkdirSync(join(repo, 'ladders'), { recursive: true });
  const demo = readFileSync(join(FIXTURES, 'action/base/ladders/demo.yml'), 'utf8');
  writeFileSync(join(repo, 'ladders/demo.yml'), demo.slice(0, demo.indexOf('\nabilities:') + 1));
  cpSync(join(FIXTURES, 'action/pr-packet/promotions'), join(repo, 'promotions'), {
    recursive: true,
  });
}

beforeAll(async () => {
  area = scratch();
  materialise(area, 'ladders', join(area.repo, 'ladders'), corpus);
  addDemo(area.repo);
  validRepo = join(area.root, 'valid');
  const valid = corpus.filter((f) => VALID.includes(f.name));
  materialise({ ...area, repo: validRepo }, 'ladders', join(validRepo, 'ladders'), valid);
  addDemo(validRepo);
  const json = await runCliAsync(['validate', '--format', 'json'], area.repo);
  // The other channels without the files of parser work (their diagnostics are in the JSON).
  for (const name of PARSER_WORK) rmSync(join(area.repo, 'ladders', name), { force: true });
  const text = await runCliAsync(['validate'], area.repo);
  const render = await runCliAsync(['render'], area.repo);
  const review = await runCliAsync(['review'], area.repo);
  const renderValid = await runCliAsync(['render'], validRepo);
  runs = { json, text, render, review, renderValid } as typeof runs;
}, 240_000);

afterAll(() => {
  if (area) rmSync(area.root, { recursive: true, force: true });
});

describe('ladder validate on the hostile corpus', () => {
  it('finishes without a stack trace, on every channel', () => {
    for (const run of Object.values(runs)) expectClean(run);
    expect(runs.json.status).toBe(1);
    expect(runs.text.status).toBe(1);
  });

  it.each(corpus.map((f): [string, CorpusFile<readonly string[]>] => [f.name, f]))(
    '%s gets its diagnostics',
    (name, file) => {
      const { diagnostics } = JSON.parse(runs.json.stdout) as { diagnostics: Diagnostic[] };
      const own = diagnostics.filter((d) => d.file === `ladders/${name}`);
      const codes = [...new Set(own.map((d) => d.code))].filter((c) => !CROSS_FILE.has(c));
      expect(codes.sort()).toEqual([...new Set(file.expect)].sort());
      for (const d of own) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.message.length).toBeLessThan(500);
      }
    },
  );

  it('keeps the text output bounded (a 2 MB line is clipped in its code frame)', () => {
    expect(runs.text.stdout.length).toBeLessThan(200_000);
    expect(runs.text.stdout).toContain('ladders/long-line-2mb.yml:2:8  error  too-long');
    // The raw escape next to a problem is shown as a symbol, not sent to the terminal.
    expect(runs.text.stdout).toContain('␛[2J');
  });

  it('still checks the valid ladder among them', () => {
    const { diagnostics } = JSON.parse(runs.json.stdout) as { diagnostics: Diagnostic[] };
    expect(diagnostics.filter((d) => d.file === 'ladders/demo.yml')).toEqual([]);
  });
});

describe('ladder render and review on the hostile corpus', () => {
  it('render refuses to write pages while ladders are broken, and says why', () => {
    expect(runs.render.status).toBe(1);
    expect(runs.render.stderr).toContain('No page was written');
    expect(runs.render.stdout).toContain('ladders/alias-bomb.yml');
    expect(existsSync(join(area.repo, 'docs/ladders'))).toBe(false);
  });

  it('review still reviews the packet of the valid ladder', () => {
    expect(runs.review.status).toBe(0);
    expect(runs.review.stderr).toMatch(/errors in .*packets for a broken ladder/);
    expect(runs.review.stdout).toContain('promotions/rivera-dana-L2.md');
    expect(runs.review.stdout).toMatch(/complete/);
  });

  it('renders right-to-left and combining text literally', () => {
    expect(runs.renderValid.status).toBe(0);
    const page = readFileSync(join(validRepo, 'docs/ladders/rtl-combining/L1.md'), 'utf8');
    const tree = parse(page);
    expect(texts(tree, 'heading')[0]).toBe('L1: מהנדס זוטר');
    expect(texts(tree, 'listItem')).toContain('לומד את היסודות *בזהירות* [עם] `כלים`');
    expect(texts(tree, 'listItem')).toContain('يطلب المساعدة عند الحاجة | <b>x</b>');
    const readme = readFileSync(join(validRepo, 'docs/ladders/rtl-combining/README.md'), 'utf8');
    expect(texts(parse(readme), 'heading')[0]).toBe('סולם הנדסה — سُلَّم الهندسة');
  });
});
