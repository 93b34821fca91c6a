/** Values that hold no part of the text they were read from (see `detachStrings`). */
import { Buffer } from 'node:buffer';

/**
 * Replaces in place each string of 13 characters or more in `data` (V8 copies shorter ones) by a
 * copy of its own. V8 keeps a slice of a string as a pointer into the whole, and `yaml` gives
 * most values as slices of the file's text: the model, which outlives the texts, held every
 * ladder file's whole text (as UTF-16 when the file has one character outside Latin-1) through
 * its titles and statements. Only for data that is kept: `ladder validate` drops each file's.
 */
export function detachStrings(data: unknown): void {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') {
        if (item.length >= 13) record[key] = ownCopy(item);
      } else stack.push(item);
    }
  }
}

/**
 * A flat copy of a string, through its UTF-16 code units: every unit kept (a lone surrogate
 * too), and text that fits in Latin-1 stored at a byte a character, where a slice of a file with
 * one character outside Latin-1 takes two.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
