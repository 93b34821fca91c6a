// The settings of evidence verification in ladder.config.yml: defaults, cycles, and their checks.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/config';

const parse = (text: string) => parseConfig('ladder.config.yml', new TextEncoder().encode(text));

describe('verification settings', () => {
  it('default to `report`, no cycles and 300 links a run', () => {
    expect(DEFAULT_CONFIG).toMatchObject({ verify: 'report', cycles: {}, maxVerifiedLinks: 300 });
  });

  it('read `review.verify`, `cycles` and `limits.maxVerifiedLinks`', () => {
    const { config, diagnostics } = parse(
      'review:\n  verify: require\ncycles:\n  2026-H2: { from: 2026-07-01, to: 2026-12-31 }\nlimits:\n  maxVerifiedLinks: 50\n',
    );
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      verify: 'require',
      cycles: { '2026-H2': { from: '2026-07-01', to: '2026-12-31' } },
      maxVerifiedLinks: 50,
    });
  });

  it.each([
    ['review:\n  verify: maybe\n', 'invalid-value', 2],
    ['cycles:\n  2026-H2: { from: 2026-13-01, to: 2026-12-31 }\n', 'invalid-value', 2],
    ['cycles:\n  2026-H2: { from: 2026-07-01 }\n', 'missing-key', 2],
    ['cycles:\n  2026-H2:\n    from: 2026-07-01\n    to: 2026-01-31\n', 'invalid-value', 4],
  ])('reports a wrong value with its line: %j', (text, code, line) => {
    const { diagnostics } = parse(text);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([[code, line]]);
  });
});
