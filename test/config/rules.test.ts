// `rules:` in ladder.config.yml: severities by diagnostic code, and a name that is no code.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/config';

const parse = (text: string) => parseConfig('ladder.config.yml', new TextEncoder().encode(text));

describe('rules', () => {
  it('takes the codes it tunes: ladder files, the version check, health', () => {
    const { config, diagnostics } = parse(
      'rules:\n  duplicate-statement: error\n  version-not-bumped: warning\n  stale-content: off\n  yaml-duplicate-key: warning\n',
    );
    expect(diagnostics).toEqual([]);
    expect(config.severities).toEqual({
      'duplicate-statement': 'error',
      'version-not-bumped': 'warning',
      'stale-content': 'off',
      'yaml-duplicate-key': 'warning',
    });
  });

  it("warns at a page's or a packet finding's code, whose severity it does not change", () => {
    const { config, diagnostics } = parse(
      'packets: drafts\nrules:\n  page-stale: warning\n  duplicate-statement: error\n  reused-link: off\n',
    );
    expect(diagnostics).toMatchObject([
      {
        code: 'invalid-value',
        severity: 'warning',
        line: 3,
        column: 3,
        dataPath: '/rules/page-stale',
      },
      {
        code: 'invalid-value',
        severity: 'warning',
        line: 5,
        column: 3,
        dataPath: '/rules/reused-link',
      },
    ]);
    expect(diagnostics[0]?.message).toContain('this line has no effect');
    // Only a warning: the rest of the config is used.
    expect(config.packets).toBe('drafts');
    expect(config.severities['duplicate-statement']).toBe('error');
  });

  it('reports a misspelt code at its key, with the code it is closest to', () => {
    const { config, diagnostics } = parse(
      'packets: drafts\nrules:\n  duplicate-statement: error\n  duplicate-statment: warning\n',
    );
    expect(diagnostics).toMatchObject([
      {
        code: 'unknown-key',
        severity: 'error',
        line: 4,
        column: 3,
        endLine: 4,
        endColumn: 21,
        dataPath: '/rules/duplicate-statment',
      },
    ]);
    expect(diagnostics[0]?.message).toContain('Did you mean `duplicate-statement`?');
    expect(diagnostics[0]?.message).toContain('docs/diagnostics.md');
    // A config with an error is not used, as for any other problem in it.
    expect(config).toBe(DEFAULT_CONFIG);
  });

  it('reports every name that is no code, and suggests nothing when none is close', () => {
    const { diagnostics } = parse('rules:\n  everything: off\n  unknown-dimenson: off\n');
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([
      [2, 3],
      [3, 3],
    ]);
    expect(diagnostics[0]?.message).not.toContain('Did you mean');
    expect(diagnostics[1]?.message).toContain('Did you mean `unknown-dimension`?');
  });
});

describe('every problem of the config at once', () => {
  it('reports a name that is no code beside a bad severity and a misspelt key', () => {
    const { config, diagnostics } = parse(
      'ladder: ladders\nrules:\n  duplicate-statement: eror\n  unknown-dimensio: warning\ncycles:\n  2026-H1: { from: 2026-06-30, to: 2026-01-01 }\n',
    );
    expect(diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual([
      'unknown-key@1:1',
      'invalid-value@3:24',
      'unknown-key@4:3',
      'invalid-value@6:36',
    ]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });
});

describe('a config with nothing in it', () => {
  it('is the defaults, whether empty or every line commented out', () => {
    for (const text of ['', '\n', '# rules:\n#   duplicate-statement: error\n']) {
      const { config, diagnostics } = parse(text);
      expect(diagnostics).toEqual([]);
      expect(config).toEqual(DEFAULT_CONFIG);
    }
  });
});
