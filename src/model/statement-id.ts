/**
 * An id for a statement that the ladder does not name: derived from the statement's own text
 * (the first 10 hex digits of its SHA-256), so it stays the same when statements are
 * reordered or others are added, and changes when the statement is reworded. Two statements
 * with the same text in one list (a `duplicate-statement` warning) share an id.
 */
import { createHash } from 'node:crypto';

/** The derived id of a statement: `s-` and 10 hex digits of the SHA-256 of its text. */
export function statementId(text: string): string {
  return `s-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10)}`;
}
