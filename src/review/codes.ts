/**
 * Codes the review reports outside the checks: while reading the packet, and when a dimension's
 * status becomes a diagnostic (`ladder check`, annotations). The checks' codes are in CHECKS.
 */
import type { PacketCode } from '../diagnostics/codes';
import type { Severity } from '../diagnostics/diagnostic';

/** A code with its default severity and one line for the docs. */
export interface CodeDoc {
  readonly code: PacketCode;
  readonly severity: Severity;
  readonly description: string;
}

/** Codes of the packet reader and the status diagnostics. */
export const STAGE_CODES: readonly CodeDoc[] = [
  {
    code: 'packet-too-large',
    severity: 'error',
    description: 'The packet is over `limits.maxPacketBytes` (256 KiB by default); it is not read.',
  },
  { code: 'invalid-utf8', severity: 'error', description: 'The packet is not valid UTF-8.' },
  { code: 'binary-file', severity: 'error', description: 'The packet contains NUL bytes.' },
  {
    code: 'cr-line-endings',
    severity: 'error',
    description:
      'The packet ends a line with a carriage return alone (CR, classic Mac OS), which its front matter, git and GitHub do not take for a line break; it is not read. Save it with LF line endings.',
  },
  {
    code: 'packet-too-complex',
    severity: 'error',
    description:
      'A paragraph has more than 1,000 `*`/`_`/`~` or `[` characters, or a line nests more than 32 quotes or lists; the Markdown is not parsed.',
  },
  {
    code: 'front-matter-missing',
    severity: 'error',
    description:
      'The packet does not start with `---` front matter on line 1 (after a blank line, `---` is Markdown).',
  },
  {
    code: 'front-matter-unclosed',
    severity: 'error',
    description: 'The front matter opened on line 1 has no closing `---` line.',
  },
  {
    code: 'front-matter-invalid',
    severity: 'error',
    description: 'The front matter is empty, too long, or not `key: value` lines.',
  },
  {
    code: 'more-findings',
    severity: 'info',
    description:
      'A check reported more than 20 findings in one packet; the rest are counted, not listed.',
  },
  {
    code: 'dimension-missing',
    severity: 'error',
    description:
      'A required dimension has no section or an empty one (`ladder check` and annotations; a warning when `review.failOn` is `never`).',
  },
  {
    code: 'dimension-thin',
    severity: 'warning',
    description:
      'A required dimension has too few items, no link, or placeholders (an error when `review.failOn` is `thin`).',
  },
];
