/**
 * Safe YAML loading with source positions. Every failure becomes a Diagnostic; nothing throws.
 * The parser options are pinned so that a `%YAML 1.1` directive cannot turn on merge keys or
 * read `no` as false, so that no tag but the core schema's resolves (not even YAML 1.1's
 * `!!set` or `!!binary`), so that keys are text, and so that no source text is copied into
 * messages (`prettyErrors` off) or written to the console (`logLevel`).
 */
import {
  Composer,
  type Document,
  type ErrorCode,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  Parser,
  Scalar,
  YAMLParseError,
} from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';

/** Limits that keep hostile input bounded. */
export interface LoadLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Alias expansions allowed when building the data (defends against alias bombs). */
  readonly maxAliases: number;
  /**
   * Values (list items, keys and scalars) allowed in the data (default MAX_VALUES). The schema
   * check reports every error (ajv's `allErrors`), and its cost grows with the square of the
   * number of errors, so the data is capped before it gets there.
   */
  readonly maxValues?: number;
}

/** Generous for hand-written ladders (the shipped ones are ~30 KB), small enough to stay fast. */
export const DEFAULT_LIMITS: LoadLimits = { maxBytes: 4 * 1024 * 1024, maxAliases: 100 };

/**
 * The default cap on values in one file: 30 times the shipped Ops ladder (about 700 values in
 * 24 KB). At the cap, a file that is wrong everywhere is schema-checked in under a second.
 */
export const MAX_VALUES = 20_000;

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
}

/** Start and end of a node, 1-based. */
export interface SourceRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The result of loading one file: a YAML file, or why it could not be read. */
export type LoadResult =
  | { readonly ok: true; readonly file: YamlFile; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const MAX_DIAGNOSTICS_PER_FILE = 20;

/**
 * Our code and message for every error and warning the YAML library can report (the type makes
 * the table exhaustive). The library's own messages are not shown: some quote the source.
 */
const YAML_CODES: Readonly<Record<ErrorCode, { code: string; message: string }>> = {
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
    message: 'Custom YAML tags are not allowed; remove the `!tag`.',
  },
  UNEXPECTED_TOKEN: {
    code: 'yaml-syntax',
    message: 'Unexpected characters here; check the YAML syntax around them.',
  },
};

/** Decodes bytes as UTF-8 (BOM stripped), reporting the first invalid byte's position. */
export function decodeUtf8(
  path: string,
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      ok: false,
      diagnostic: {
        code: 'invalid-utf8',
        severity: 'error',
        message: `The file is not valid UTF-8 (byte ${at.offset}); save it as UTF-8.`,
        file: path,
        line: at.line,
        column: at.column,
      },
    };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const at = lineColumn(text, nul);
    return {
      ok: false,
      diagnostic: {
        code: 'binary-file',
        severity: 'error',
        message: 'The file contains NUL bytes, so it is not a text file; remove them or the file.',
        file: path,
        ...at,
      },
    };
  }
  return { ok: true, text };
}

/** The diagnostic for a file over the size limit (also used before reading a file at all). */
export function fileTooLarge(path: string, size: number, limit: number): Diagnostic {
  return {
    code: 'file-too-large',
    severity: 'error',
    message: `The file is ${size} bytes, over the limit of ${limit}; split it or raise the limit in ladder.config.yml (\`limits\`).`,
    file: path,
    line: 1,
    column: 1,
  };
}

/** Parses one YAML file into data with positions. Never throws. */
export function loadYaml(
  path: string,
  bytes: Uint8Array,
  limits: LoadLimits = DEFAULT_LIMITS,
): LoadResult {
  if (bytes.byteLength > limits.maxBytes)
    return fail(fileTooLarge(path, bytes.byteLength, limits.maxBytes));
  const decoded = decodeUtf8(path, bytes);
  if (!decoded.ok) return fail(decoded.diagnostic);
  return parseYamlText(path, decoded.text, limits);
}

/**
 * Nesting deeper than this is reported before the document is built (ladder files nest a few
 * levels). `yaml` builds the document recursively and catches running out of stack, but V8 can
 * abort the whole process instead when the stack runs out while a regular expression runs.
 */
export const MAX_DEPTH = 100;

/** Thrown by `DepthParser` at the first token nested deeper than MAX_DEPTH. */
class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

/** `yaml`'s parser, which keeps its open nodes on a stack (no recursion), stopped at MAX_DEPTH. */
class DepthParser extends Parser {
  override *next(source: string) {
    const offset = this.offset;
    yield* super.next(source);
    if (this.stack.length > MAX_DEPTH) throw new TooDeep(offset);
  }
}

/**
 * Parses with the pinned options (see the top of this file), as `yaml`'s `parseDocument` does
 * but through `DepthParser`. May throw (`TooDeep`, or the library's own errors).
 */
function parsePinned(text: string, lineCounter: LineCounter): Document.Parsed {
  const composer = new Composer({
    version: '1.2',
    schema: 'core',
    merge: false,
    // YAML 1.1's `!!set`, `!!omap`, `!!pairs`, `!!binary` and `!!timestamp` would otherwise
    // become a Set, a Map, bytes or a Date; they are tags like any other (`yaml-tag`).
    resolveKnownTags: false,
    // The library's own duplicate-key check compares each key with every earlier one, which
    // takes minutes on a mapping of 100,000 keys; `duplicateKeys` below does it in one pass.
    uniqueKeys: false,
    strict: true,
    prettyErrors: false,
    keepSourceTokens: false,
    // Keys are text: a list, mapping, alias or tag as a key is an error (NON_STRING_KEY), not
    // a key silently stringified with a process warning that copies source text to stderr.
    stringKeys: true,
    // The library never writes to the console; every problem is a diagnostic.
    logLevel: 'error',
  });
  const tokens = new DepthParser(lineCounter.addNewLine).parse(text);
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, text.length)) {
    if (first === undefined) first = doc;
    else {
      first.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', ''));
      break;
    }
  }
  // `compose(…, true)` always ends with a document, if only an empty one.
  return first as Document.Parsed;
}

/**
 * Parsed documents are large (a node, its position and its source for every value). Only the
 * few most recently parsed are kept; `locate` on an older file parses its text again, which is
 * rare (diagnostics, or callers that ask right after loading). Keeping every document made
 * validating 1,000 ladders spend a fifth of its time collecting garbage (issue 7).
 */
const RECENT_DOCUMENTS = 1;
interface Located {
  readonly root: Node;
  readonly lineCounter: LineCounter;
}
const recentDocuments = new Map<object, Located>();

function remember(key: object, located: Located): Located {
  recentDocuments.delete(key);
  recentDocuments.set(key, located);
  if (recentDocuments.size > RECENT_DOCUMENTS) {
    const oldest = recentDocuments.keys().next();
    if (!oldest.done) recentDocuments.delete(oldest.value);
  }
  return located;
}

/**
 * The document of a text parsed before without problems, for `key`; `text` gives the text when
 * it has to be parsed again (a reopened file decodes its bytes only then).
 */
function locatedDocument(key: object, text: () => string): Located {
  const known = recentDocuments.get(key);
  if (known) return remember(key, known);
  const lineCounter = new LineCounter();
  const root = parsePinned(text(), lineCounter).contents;
  // Parsing the same text gives the same document; a null root cannot happen after the first
  // parse succeeded, but `locate` must never throw.
  return remember(key, { root: root ?? new Scalar(null), lineCounter });
}

/** Parses decoded YAML text with `yaml`, which reports every problem with its position. Never throws. */
export function parseYamlText(
  path: string,
  text: string,
  limits: LoadLimits = DEFAULT_LIMITS,
): LoadResult {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parsePinned(text, lineCounter);
  } catch (error) {
    if (error instanceof TooDeep) {
      const start = lineCounter.linePos(error.offset);
      const { code, message } = YAML_CODES.RESOURCE_EXHAUSTION;
      return fail(at(path, start.line, start.col, code, message));
    }
    return fail(
      at(path, 1, 1, 'yaml-syntax', 'The YAML parser could not read this file; check its syntax.'),
    );
  }
  const position = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // Too deep: the parser ran out of stack, and whatever else it reported around that point
  // (where depends on the stack, so it varies from run to run) is its echo.
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) {
    const start = position(exhausted.pos[0]);
    const { code, message } = YAML_CODES.RESOURCE_EXHAUSTION;
    return fail(at(path, start.line, start.column, code, message));
  }
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of [...doc.errors, ...doc.warnings, ...duplicateKeys(doc)]) {
    const { code, message } = YAML_CODES[e.code];
    const start = position(e.pos[0]);
    const key = `${code}@${start.line}:${start.column}`;
    // After the first syntax error the parser's later complaints are mostly its echo.
    if (seen.has(key) || ((code === 'yaml-too-deep' || code === 'yaml-syntax') && seen.has(code)))
      continue;
    seen.add(key);
    seen.add(code);
    const end = position(e.pos[1]);
    problems.push({
      code,
      severity: 'error',
      message,
      file: path,
      ...start,
      endLine: end.line,
      endColumn: end.column,
    });
    if (problems.length >= MAX_DIAGNOSTICS_PER_FILE) break;
  }
  if (problems.length > 0) return { ok: false, diagnostics: problems };

  if (doc.contents === null) {
    return fail(
      at(
        path,
        1,
        1,
        'empty-file',
        'The file is empty; write a ladder (see the README) or delete the file.',
      ),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    const start = position(doc.contents.range[0]);
    const excessive = error instanceof Error && /alias/i.test(error.message);
    return fail(
      at(
        path,
        start.line,
        start.column,
        'yaml-alias',
        excessive
          ? `Aliases expand to too much data (more than ${limits.maxAliases} expansions, or an unresolved alias); write the values out instead.`
          : 'The YAML could not be turned into data; check anchors and aliases.',
      ),
    );
  }
  const maxValues = limits.maxValues ?? MAX_VALUES;
  if (exceedsValues(data, maxValues)) return fail(tooManyValues(path, maxValues));
  if (!isMap(doc.contents)) {
    const start = position(doc.contents.range[0]);
    return fail(
      at(
        path,
        start.line,
        start.column,
        'root-not-mapping',
        'The top level of a ladder file must be a mapping of keys (`id:`, `title:`, `levels:` ...).',
      ),
    );
  }
  const key = {};
  remember(key, { root: doc.contents, lineCounter });
  const locate: YamlFile['locate'] = (segments, where = 'value') =>
    locateIn(
      locatedDocument(key, () => text),
      segments,
      where,
    );
  const file: YamlFile = {
    path,
    data,
    locate,
    itemLines: (list) => itemLinesByLocating(data, list, locate),
  };
  return { ok: true, file, diagnostics: [] };
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
  return { path, data, locate, itemLines: (list) => itemLinesByLocating(data, list, locate) };
}

function itemLinesByLocating(
  data: unknown,
  list: string,
  locate: YamlFile['locate'],
): readonly number[] {
  const record = data as Record<string, unknown>;
  const items = Object.hasOwn(record, list) ? record[list] : undefined;
  return Array.isArray(items) ? items.map((_, i) => locate([list, i]).line) : [];
}

/** The range of the node at `segments` (the nearest ancestor when a step is missing). */
function locateIn(
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

function tooManyValues(path: string, maxValues: number): Diagnostic {
  return at(
    path,
    1,
    1,
    'file-too-large',
    `The file holds more than ${maxValues} values (list items, keys and texts), far more than a ladder needs; split it.`,
  );
}

/** A key that repeats an earlier key of its mapping, as the library would report it. */
interface DuplicateKey {
  readonly code: 'DUPLICATE_KEY';
  readonly message: string;
  readonly pos: readonly [number, number];
}

/** Every key that repeats an earlier key of the same mapping, in one pass over the document. */
function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          if (keys.has(key.value)) {
            const start = key.range?.[0] ?? 0;
            found.push({
              code: 'DUPLICATE_KEY',
              message: 'Map keys must be unique',
              pos: [start, start + 1],
            });
          }
          keys.add(key.value);
        } else stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isPair(node)) stack.push(node.key, node.value);
  }
  return found.sort((a, b) => a.pos[0] - b.pos[0]);
}

/** Whether `data` holds more than `limit` values, counted without recursion, stopping early. */
function exceedsValues(data: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    count += 1;
    if (count > limit) return true;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) for (const item of value) stack.push(item);
    else
      for (const item of Object.values(value)) {
        count += 1;
        stack.push(item);
      }
  }
  return false;
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
      const pair = node.items.find(
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

function at(file: string, line: number, column: number, code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, file, line, column };
}

function fail(diagnostic: Diagnostic): LoadResult {
  return { ok: false, diagnostics: [diagnostic] };
}

/** 1-based line and column of a string offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const width =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (width === 0 || i + width > bytes.length) return { offset: i, line, column };
    for (let k = 1; k < width; k += 1) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return { offset: i, line, column };
    }
    if (b === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += width;
  }
  return { offset: i, line, column };
}
