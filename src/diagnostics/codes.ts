/**
 * The diagnostic codes of reading and schema-checking files (semantic rules carry their own, in
 * src/validate/rules/). docs/diagnostics.md explains each; a test keeps the two in step.
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
