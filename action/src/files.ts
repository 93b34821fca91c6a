/**
 * The checkout the action runs in, as far as the action needs to know it beyond the files
 * themselves (which it reads through src/load/working-tree.ts, as the CLI does): whether there is
 * one, and which commit it holds. No git process is run.
 */

import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether the workspace holds a checkout (of some commit of this repository). */
export function hasCheckout(root: string, folders: readonly string[]): boolean {
  const probe = (p: string) => {
    try {
      lstatSync(join(root, ...p.split('/')));
      return true;
    } catch {
      return false;
    }
  };
  return probe('.git') || folders.some((f) => f !== '.' && probe(f));
}

/** The commit the workspace has checked out, from `.git/HEAD` (no git process is run). */
export function checkedOutCommit(root: string): string | undefined {
  try {
    const head = readFileSync(join(root, '.git', 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/i.test(head)) return head.toLowerCase();
    const ref = /^ref: (refs\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.split('/').includes('..')) return undefined;
    try {
      return readFileSync(join(root, '.git', ...ref.split('/')), 'utf8')
        .trim()
        .toLowerCase();
    } catch {
      const packed = readFileSync(join(root, '.git', 'packed-refs'), 'utf8');
      return packed
        .split('\n')
        .find((l) => l.endsWith(` ${ref}`))
        ?.slice(0, 40)
        .toLowerCase();
    }
  } catch {
    return undefined;
  }
}
