// `ladder validate` builds no model (`diagnoseLadders`, which keeps only outlines of the files);
// it reports exactly what validating with the model reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../src/validate/file-check';
import { diagnoseLadders, validateLadders } from '../../src/validate/index';
import { FIXTURES, ROOT } from '../helpers/paths';

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
