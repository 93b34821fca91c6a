/**
 * Every diagnostic code, by the stage that reports it: what `rules:` in ladder.config.yml may
 * name, and what docs/diagnostics.md explains (a test keeps the two in step). A rule or a check
 * declares its code with the type of its list here, so a code cannot be added in one place only;
 * test/diagnostics/codes.test.ts checks that no code here is left without a rule or check.
 */
export const FILE_CODES = [
  'file-too-large',
  'invalid-utf8',
  'binary-file',
  'cr-line-endings',
  'unreadable-file',
  'outside-repository',
  'no-ladders',
  'empty-file',
  'root-not-mapping',
  'yaml-syntax',
  'yaml-duplicate-key',
  'yaml-multiple-documents',
  'yaml-tag',
  'yaml-alias',
  'yaml-too-deep',
  'yaml-comment-in-text',
] as const;

/** Codes of JSON Schema problems, mapped to the offending key or value. */
export const SCHEMA_CODES = [
  'missing-key',
  'unknown-key',
  'wrong-type',
  'invalid-id',
  'invalid-value',
  'empty-string',
  'empty-list',
  'too-long',
] as const;

/** Codes of the ladder rules (src/validate/rules/) that are not schema codes. */
export const RULE_CODES = [
  'file-name-mismatch',
  'duplicate-id',
  'unknown-group',
  'unknown-dimension',
  'unknown-level',
  'unknown-source',
  'unknown-track',
  'unknown-band',
  'unknown-rating',
  'missing-grade',
  'milestone-points-order',
  'invalid-point-range',
  'required-without-expectations',
  'duplicate-statement',
  'split-statement',
  'unknown-edge-target',
  'unknown-ability',
  'unknown-milestone',
  'points-unreachable',
] as const;

/** Codes of the rendered pages: `render --check` and a path two pages would share. */
export const PAGE_CODES = [
  'page-stale',
  'page-missing',
  'page-orphaned',
  'page-path-collision',
  'page-not-generated',
] as const;

/** The code of `ladder diff`'s version check: a version that was not bumped as required. */
export const VERSION_NOT_BUMPED = 'version-not-bumped';

/** Codes of the health report. */
export const HEALTH_CODES = ['stale-content', 'never-evidenced', 'missing-expectations'] as const;

/**
 * Codes of the packet review: reading the packet (src/review/codes.ts), its checks
 * (src/review/checks/) and the dimension statuses. Front matter problems have the schema codes.
 */
export const PACKET_CODES = [
  'packet-too-large',
  'invalid-utf8',
  'binary-file',
  'cr-line-endings',
  'packet-too-complex',
  'front-matter-missing',
  'front-matter-unclosed',
  'front-matter-invalid',
  'more-findings',
  'dimension-missing',
  'dimension-thin',
  'unknown-ladder',
  'unknown-target-level',
  'unknown-current-level',
  'not-a-promotion',
  'career-move',
  'skipped-level',
  'no-advancement-edge',
  'unknown-role',
  'unknown-ability-claim',
  'milestone-out-of-range',
  'milestone-shortfall',
  'milestone-points',
  'points-shortfall',
  'points-above-role',
  'prose-only-level',
  'unknown-heading',
  'combined-heading',
  'disguised-heading',
  'duplicate-section',
  'dimension-not-required',
  'evidence-outside-section',
  'placeholder-evidence',
  'unchecked-task',
  'table-not-read',
  'unknown-expectation',
  'reused-link',
] as const;

export type SchemaCode = (typeof SCHEMA_CODES)[number];
export type RuleCode = (typeof RULE_CODES)[number];
export type PageCode = (typeof PAGE_CODES)[number];
export type HealthCode = (typeof HEALTH_CODES)[number];
export type PacketCode = (typeof PACKET_CODES)[number];

/**
 * The codes whose severity `rules:` sets: the validator's, `ladder diff`'s version check and the
 * health report's. The rendered pages' and the packet review's keep their own.
 */
export const TUNABLE_CODES: readonly string[] = [
  ...new Set<string>([
    ...FILE_CODES,
    ...SCHEMA_CODES,
    ...RULE_CODES,
    VERSION_NOT_BUMPED,
    ...HEALTH_CODES,
  ]),
];

/** Every code, each once: the names `rules:` in ladder.config.yml accepts. */
export const DIAGNOSTIC_CODES: readonly string[] = [
  ...new Set<string>([
    ...FILE_CODES,
    ...SCHEMA_CODES,
    ...RULE_CODES,
    ...PAGE_CODES,
    VERSION_NOT_BUMPED,
    ...HEALTH_CODES,
    ...PACKET_CODES,
  ]),
];
