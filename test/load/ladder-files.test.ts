// One rule for which files are ladder files, for the CLI and the action.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config';
import { isLadderFileName } from '../../src/load/ladder-files';
import { isLadderFile } from '../../src/workspace/index';

describe('ladder files', () => {
  it('end in .yml or .yaml, in any letter case', () => {
    for (const name of ['ops.yml', 'ops.yaml', 'ops.YML', 'Ops.Yaml', 'a/b/c.yml'])
      expect(isLadderFileName(name), name).toBe(true);
    for (const name of ['ops.yml.bak', 'ops.json', 'ops.md', 'yml', 'ops.ym'])
      expect(isLadderFileName(name), name).toBe(false);
  });

  it('are the same to the action, under the ladders folder only', () => {
    expect(isLadderFile('ladders/ops.YML', DEFAULT_CONFIG)).toBe(true);
    expect(isLadderFile('ladders/team/ops.yaml', DEFAULT_CONFIG)).toBe(true);
    expect(isLadderFile('promotions/ops.yml', DEFAULT_CONFIG)).toBe(false);
    expect(isLadderFile('ladders/ops.txt', DEFAULT_CONFIG)).toBe(false);
  });
});
