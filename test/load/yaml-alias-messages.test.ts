// An alias that names no anchor before it is a typo or an anchor set below it, not "too much
// data": the message says so, suggests the anchor it most likely means, and says what to do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../src/load/yaml-document';
import { FIXTURES } from '../helpers/paths';

const load = (text: string) => loadYaml('demo.yml', new TextEncoder().encode(text));

describe('an alias that names no anchor', () => {
  it('suggests the anchor it most likely means', () => {
    const bytes = readFileSync(join(FIXTURES, 'validate/yaml-alias/unresolved.yml'));
    const [d] = loadYaml('unresolved.yml', bytes).diagnostics;
    expect(d).toMatchObject({ code: 'yaml-alias', line: 17, column: 16 });
    expect(d?.message).toBe(
      'This alias names no anchor set before it (an anchor must come before its aliases). Did you mean `*basics`? Otherwise set the anchor (`&name`) on the value it repeats, above the alias, or write the value out.',
    );
  });

  it('says an anchor set below its alias is not set yet', () => {
    const [d] = load('a: *later\nb: &later x\n').diagnostics;
    expect(d).toMatchObject({ code: 'yaml-alias', line: 1, column: 4 });
    expect(d?.message).toContain('names no anchor set before it (an anchor must come before');
  });

  it('keeps the message of an alias bomb', () => {
    const bytes = readFileSync(join(FIXTURES, 'validate/yaml-alias/demo.yml'));
    const [d] = loadYaml('demo.yml', bytes).diagnostics;
    expect(d?.message).toContain('Aliases expand to too much data');
  });
});
