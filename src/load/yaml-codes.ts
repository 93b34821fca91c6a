/**
 * Our code and words for each error the YAML library reports. The library's own messages are
 * never shown: some quote the source, which may be packet text.
 */
import type { ErrorCode } from 'yaml';

/**
 * Our code and message for every error and warning the YAML library can report (the type makes
 * the table exhaustive). The library's own messages are not shown: some quote the source.
 */
export const YAML_CODES: Readonly<Record<ErrorCode, { code: string; message: string }>> = {
  ALIAS_PROPS: { code: 'yaml-syntax', message: 'An alias cannot have a tag or anchor.' },
  BAD_ALIAS: {
    code: 'yaml-syntax',
    message: 'An anchor (`&name`) or alias (`*name`) is malformed; give it a name.',
  },
  BAD_COLLECTION_TYPE: {
    code: 'yaml-tag',
    message: 'YAML tags are not allowed; remove the `!!tag`.',
  },
  BAD_DIRECTIVE: {
    code: 'yaml-syntax',
    message: 'Unknown or unsupported `%` directive; a ladder file needs none, so remove the line.',
  },
  BAD_DQ_ESCAPE: {
    code: 'yaml-syntax',
    message: 'Invalid escape sequence in double-quoted text; write `\\\\` for a backslash.',
  },
  BAD_INDENT: {
    code: 'yaml-syntax',
    message:
      'Bad indentation; line up the keys of one mapping, and the items of one list, at the same column.',
  },
  BAD_PROP_ORDER: {
    code: 'yaml-syntax',
    message: 'Anchors and tags must come after the `-`, `?` or `:` indicator.',
  },
  BAD_SCALAR_START: {
    code: 'yaml-syntax',
    message: 'A value cannot start with this character (such as `@` or a backtick); quote it.',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    code: 'yaml-syntax',
    message:
      'A nested mapping or list cannot share a line with its key (`a: b: c`); put it on its own lines.',
  },
  BLOCK_IN_FLOW: {
    code: 'yaml-syntax',
    message:
      'Block syntax (`- item`, or `key:` on its own line) cannot appear inside `[...]` or `{...}`.',
  },
  DUPLICATE_KEY: {
    code: 'yaml-duplicate-key',
    message: 'This key appears twice in the same mapping; remove or rename one of them.',
  },
  IMPOSSIBLE: {
    code: 'yaml-syntax',
    message: 'The YAML parser could not read this part of the file; check its syntax.',
  },
  KEY_OVER_1024_CHARS: {
    code: 'yaml-syntax',
    message: 'A key is longer than 1024 characters, or its `:` is too far from its start.',
  },
  MISSING_CHAR: {
    code: 'yaml-syntax',
    message:
      'A character is missing here: a closing quote or bracket, a `,`, or a space after `:`.',
  },
  MULTILINE_IMPLICIT_KEY: {
    code: 'yaml-syntax',
    message: 'A key cannot run over several lines; check for a missing `:` or indentation.',
  },
  MULTIPLE_ANCHORS: { code: 'yaml-syntax', message: 'A value can have only one anchor.' },
  MULTIPLE_DOCS: {
    code: 'yaml-multiple-documents',
    message:
      'A ladder file holds exactly one YAML document; remove the `---` separator or split the file.',
  },
  MULTIPLE_TAGS: { code: 'yaml-tag', message: 'YAML tags are not allowed; remove the `!tag`.' },
  NON_STRING_KEY: {
    code: 'yaml-syntax',
    message: 'A key must be plain text; a list, mapping, alias or tagged value cannot be a key.',
  },
  RESOURCE_EXHAUSTION: {
    code: 'yaml-too-deep',
    message: 'The document is nested too deeply to parse; flatten it.',
  },
  TAB_AS_INDENT: {
    code: 'yaml-syntax',
    message: 'Tabs are not allowed as indentation in YAML; indent with spaces.',
  },
  TAG_RESOLVE_FAILED: {
    code: 'yaml-tag',
    message:
      'Custom YAML tags are not allowed; remove the `!tag`, or put the text in quotes if the `!` belongs to it.',
  },
  UNEXPECTED_TOKEN: {
    code: 'yaml-syntax',
    message: 'Unexpected characters here; check the YAML syntax around them.',
  },
};
