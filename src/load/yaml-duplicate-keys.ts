/**
 * Keys that repeat an earlier key of their mapping. The parser is run with `uniqueKeys: false`
 * (a duplicate would otherwise be an error without the line of the first), so they are found
 * here, each with where the key came first.
 */
import { type Document, isMap, isPair, isScalar, isSeq } from 'yaml';

/** A key that repeats an earlier key of its mapping: where, which key, and where it came first. */
export interface DuplicateKey {
  readonly code: 'DUPLICATE_KEY';
  readonly message: string;
  readonly pos: readonly [number, number];
  readonly key: string;
  readonly first: number;
}

/** Every key that repeats an earlier key of the same mapping, in one pass over the document. */
export function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Map<unknown, number>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const start = key.range?.[0] ?? 0;
          const first = keys.get(key.value);
          if (first !== undefined) {
            found.push({
              code: 'DUPLICATE_KEY',
              message: 'Map keys must be unique',
              pos: [start, start + 1],
              key: String(key.value),
              first,
            });
          } else keys.set(key.value, start);
        } else stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isPair(node)) stack.push(node.key, node.value);
  }
  return found.sort((a, b) => a.pos[0] - b.pos[0]);
}
