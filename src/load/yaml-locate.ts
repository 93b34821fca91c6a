/**
 * Where things are in a loaded YAML file: the node at a data path, its line and column, and a
 * small cache of parsed documents (a file's text is parsed again when an older one is asked).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, Scalar } from 'yaml';
import { Recent } from '../util/recent';
import { parsePinned } from './yaml-parse';

/** A parsed YAML file that keeps what is needed to point back into the source. */
export interface YamlFile {
  readonly path: string;
  readonly data: unknown;
  /** 1-based line and column of the node at `path` (a key's position when `at` is `key`). */
  locate(path: readonly (string | number)[], at?: 'key' | 'value'): SourceRange;
  /**
   * The start line of each item of the top-level list `key` (`locate([key, i]).line`), known
   * from loading: `locate` may have to parse the file again.
   */
  itemLines(key: string): readonly number[];
  /**
   * The text of the unquoted value at `path` as written (`3.10`, `~`), when it is one: what a
   * message quotes when YAML read it as a number, `true` or empty rather than as text.
   */
  written(path: readonly (string | number)[]): string | undefined;
}

/** Start and end of a node, 1-based. */
export interface SourceRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Parsed documents are large (a node, its position and its source for every value). Only the
 * few most recently parsed are kept; `locate` on an older file parses its text again, which is
 * rare (diagnostics, or callers that ask right after loading). Keeping every document made
 * validating 1,000 ladders spend a fifth of its time collecting garbage (issue 7).
 */
const RECENT_DOCUMENTS = 1;
export interface Located {
  readonly root: Node;
  readonly lineCounter: LineCounter;
}
const recentDocuments = new Recent<object, Located>(RECENT_DOCUMENTS);

export function remember(key: object, located: Located): Located {
  recentDocuments.set(key, located);
  return located;
}

/**
 * The document of a text parsed before without problems, for `key`; `text` gives the text when
 * it has to be parsed again (a reopened file decodes its bytes only then).
 */
export function locatedDocument(key: object, text: () => string): Located {
  return recentDocuments.get(key, () => {
    const lineCounter = new LineCounter();
    const root = parsePinned(text(), lineCounter).contents;
    // Parsing the same text gives the same document; a null root cannot happen after the first
    // parse succeeded, but `locate` must never throw.
    return { root: root ?? new Scalar(null), lineCounter };
  });
}

/**
 * A file loaded and checked before, from its bytes and its data: `locate` parses the bytes again
 * when asked (only diagnostics of the rules across files need it).
 */
export function reopenedYamlFile(path: string, bytes: Uint8Array, data: unknown): YamlFile {
  const key = {};
  const locate: YamlFile['locate'] = (segments, where = 'value') =>
    locateIn(
      locatedDocument(key, () => new TextDecoder().decode(bytes)),
      segments,
      where,
    );
  const written: YamlFile['written'] = (segments) =>
    writtenIn(
      locatedDocument(key, () => new TextDecoder().decode(bytes)),
      segments,
    );
  return {
    path,
    data,
    locate,
    itemLines: (list) => itemLinesByLocating(data, list, locate),
    written,
  };
}

export function itemLinesByLocating(
  data: unknown,
  list: string,
  locate: YamlFile['locate'],
): readonly number[] {
  const record = data as Record<string, unknown>;
  const items = Object.hasOwn(record, list) ? record[list] : undefined;
  return Array.isArray(items) ? items.map((_, i) => locate([list, i]).line) : [];
}

/** The range of the node at `segments` (the nearest ancestor when a step is missing). */
export function locateIn(
  { root, lineCounter }: Located,
  segments: readonly (string | number)[],
  where: 'key' | 'value',
): SourceRange {
  const node = findNode(root, segments, where);
  const range = node?.range ?? root.range ?? [0, 0];
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(Math.max(range[0], range[1]));
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/**
 * The source of the unquoted value at `segments` that YAML read as something other than text
 * (a number, `true`, empty), if that is what is there.
 */
export function writtenIn(
  { root }: Located,
  segments: readonly (string | number)[],
): string | undefined {
  const node = findNode(root, segments, 'value');
  // findNode may stop at an ancestor or at a key, which is text: only a value read as no text.
  if (!isScalar(node) || node.type !== Scalar.PLAIN || typeof node.value === 'string')
    return undefined;
  const source = (node as { source?: unknown }).source;
  return typeof source === 'string' && source !== '' ? source : undefined;
}

/** Walks the document to the node at `segments`; the nearest ancestor when a step is missing. */
function findNode(
  root: Node,
  segments: readonly (string | number)[],
  where: 'key' | 'value',
): Node | undefined {
  let node: Node = root;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      // The last of a key written twice: its value is the one in the data.
      const pair = node.items.findLast(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return node;
      if (last && where === 'key' && isScalar(pair.key)) return pair.key;
      if (pair.value === null || !isNodeLike(pair.value))
        return isScalar(pair.key) ? pair.key : node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNodeLike(item)) return node;
      node = item;
    } else {
      return node;
    }
    if (isAlias(node)) return node;
  }
  return node;
}

function isNodeLike(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    'range' in value &&
    Array.isArray((value as Node).range)
  );
}
