// `rules:` in ladder.config.yml: severities by diagnostic code, and a name that is no code.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/config';

const parse = (text: string) => parseConfig('ladder.config.yml', new TextEncoder().encode(text));

describe('rules', () => {
  it('takes the code of any stage: ladder files, diff, health, pages, packets', () => {
    const { config, diagnostics } = parse(
      'rules:\n  duplicate-statement: error\n  version-not-bumped: warning\n  stale-content: off\n  page-stale: warning\n  reused-link: off\n  yaml-duplicate-key: warning\n',
    );
    expect(diagnostics).toEqual([]);
    expect(config.severities).toEqual({
      'duplicate-statement': 'error',
      'version-not-bumped': 'warning',
      'stale-content': 'off',
      'page-stale': 'warning',
      'reused-link': 'off',
      'yaml-duplicate-key': 'warning',
    });
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
