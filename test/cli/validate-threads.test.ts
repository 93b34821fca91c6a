// Checking ladder files on worker threads gives exactly what checking them here gives: the same
// diagnostics, data, item lines and positions, in input order, also when a worker cannot start.
// The worker is the bundled dist/validate-worker.js (built before the tests).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles, cut, outlineFiles } from '../../src/cli/validate-threads';
import {
  checkLadderFile,
  type FileCheck,
  type InputFile,
  outlineLadderFile,
} from '../../src/validate/file-check';
import { diagnoseLadders, validateLadders } from '../../src/validate/index';
import { FIXTURES, ROOT } from '../helpers/paths';

const LIMITS = { maxBytes: 4 * 1024 * 1024, maxAliases: 100 };
const WORKER = pathToFileURL(join(ROOT, 'dist/validate-worker.js'));
const MISSING = pathToFileURL(join(ROOT, 'dist/no-such-worker.js'));

/** Every validate fixture (broken ones too) and the shipped ladders, as one set of files. */
function allFiles(): InputFile[] {
  const files: InputFile[] = [];
  const fixtures = join(FIXTURES, 'validate');
  for (const name of readdirSync(fixtures).sort())
    for (const file of readdirSync(join(fixtures, name)).sort())
      files.push({
        path: `ladders/${name}/${file}`,
        bytes: readFileSync(join(fixtures, name, file)),
      });
  for (const file of readdirSync(join(ROOT, 'ladders')).sort())
    files.push({ path: `ladders/${file}`, bytes: readFileSync(join(ROOT, 'ladders', file)) });
  return files;
}

/** What a check says, with positions asked of its file (which a worker's file parses again). */
function summary(check: FileCheck) {
  const { source } = check;
  return {
    diagnostics: check.diagnostics,
    ladder: source?.ladder,
    lines: source?.lines,
    positions: source && [
      source.file.locate(['id']),
      source.file.locate(['levels', 0, 'title'], 'key'),
      source.file.locate(['levels', source.ladder.levels.length - 1]),
    ],
  };
}

describe('checking ladder files on worker threads', () => {
  const files = allFiles();
  const here = files.map((file) => checkLadderFile(file, LIMITS));

  it('covers broken and clean files', () => {
    expect(here.filter((c) => c.source === undefined).length).toBeGreaterThan(3);
    expect(here.filter((c) => c.source !== undefined).length).toBeGreaterThan(10);
  });

  it.each([1, 2, 3])('gives what checking here gives, with %i workers', async (workers) => {
    const failed: unknown[] = [];
    const parallel = await checkFiles(files, LIMITS, {
      script: WORKER,
      workers,
      onFallback: (reason) => failed.push(reason),
    });
    expect(failed).toEqual([]);
    expect(parallel.map(summary)).toEqual(here.map(summary));
  });

  it('checks every file here without threads', async () => {
    expect((await checkFiles(files, LIMITS, undefined)).map(summary)).toEqual(here.map(summary));
  });

  it('checks a share here when its worker cannot start', async () => {
    const failed: unknown[] = [];
    const parallel = await checkFiles(files, LIMITS, {
      script: MISSING,
      workers: 2,
      onFallback: (reason) => failed.push(reason),
    });
    expect(failed).toHaveLength(2);
    expect(parallel.map(summary)).toEqual(here.map(summary));
  });

  it('gives the same outlines and positions as outlining here', async () => {
    const outlines = files.map((file) => outlineLadderFile(file, LIMITS));
    for (const script of [WORKER, MISSING]) {
      const failed: unknown[] = [];
      const parallel = await outlineFiles(files, LIMITS, {
        script,
        workers: 2,
        onFallback: (reason) => failed.push(reason),
      });
      expect(failed).toHaveLength(script === WORKER ? 0 : 2);
      const view = (c: (typeof outlines)[number]) => [
        c.diagnostics,
        c.source?.ladder,
        c.source?.file.path,
        c.source?.file.locate(['levels', 0, 'id']),
      ];
      expect(parallel.map(view)).toEqual(outlines.map(view));
    }
  });
});

describe('diagnosing without the model', () => {
  it('reports exactly what validating reports, on every fixture at once', () => {
    const files = allFiles();
    const severities = { 'duplicate-statement': 'error', 'unknown-group': 'off' } as const;
    expect(diagnoseLadders(files, { severities })).toEqual(
      validateLadders(files, { severities }).diagnostics,
    );
    // Across files too: the fixtures reuse ladder ids, so duplicate-id spans folders.
    const codes = new Set(diagnoseLadders(files).map((d) => d.code));
    for (const code of ['duplicate-id', 'unknown-edge-target', 'yaml-syntax', 'empty-string'])
      expect(codes).toContain(code);
  });
});

describe('cut', () => {
  const sized = (sizes: number[]): InputFile[] =>
    sizes.map((n, i) => ({ path: `f${i}.yml`, bytes: new Uint8Array(n) }));

  it('keeps the order and every file, in runs of about equal size', () => {
    const files = sized([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const shares = cut(files, 3);
    expect(shares.flat()).toEqual(files);
    expect(shares.map((s) => s.length)).toEqual([4, 3, 3]);
  });

  it('gives a large file a run of its own, and leaves runs empty when files are few', () => {
    expect(cut(sized([100, 1, 1]), 2).map((s) => s.length)).toEqual([1, 2]);
    expect(cut(sized([5]), 3).map((s) => s.length)).toEqual([1, 0, 0]);
    expect(cut([], 2)).toEqual([[], []]);
  });
});
