/**
 * Safe YAML loading with source positions: bytes (decode.ts) to text, text to a document with
 * the pinned parser (yaml-parse.ts), its problems to diagnostics in our words (yaml-codes.ts)
 * at the place the author must change (yaml-slips.ts), and the document to data whose
 * positions can be asked for later (yaml-locate.ts). Every failure becomes a Diagnostic; nothing
 * throws.
 */
import { type Document, isMap, LineCounter } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { closest } from '../util/suggest';
import { quote } from '../util/text';
import { decodeUtf8, fileTooLarge, loneCarriageReturn } from './decode';
import { anchorsBefore, excessiveAlias, recursiveAlias } from './yaml-aliases';
import { YAML_CODES } from './yaml-codes';
import {
  itemLinesByLocating,
  locatedDocument,
  locateIn,
  remember,
  writtenIn,
  type YamlFile,
} from './yaml-locate';

export type { YamlFile } from './yaml-locate';

import { type DuplicateKey, duplicateKeys } from './yaml-duplicate-keys';
import { parsePinned, TooDeep } from './yaml-parse';
import { commentsInText, foldedItems, pinpoint, type YamlError } from './yaml-slips';

const MAX_DIAGNOSTICS_PER_FILE = 20;

/** Limits that keep hostile input bounded. */
export interface LoadLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Alias expansions allowed when building the data (defends against alias bombs). */
  readonly maxAliases: number;
  /**
   * Values (list items, keys and scalars) allowed in the data (default MAX_VALUES). The schema
   * check reports every error (ajv's `allErrors`), so its time and memory grow with the number
   * of errors; the data is capped before it gets there.
   */
  readonly maxValues?: number;
}

/** How the messages of a file may speak of what it holds. */
export interface YamlMessageOptions {
  /**
   * Whether a message may repeat a key the author wrote (default true). A packet's front matter
   * is false: its messages reach the workflow log, where packet text must never go.
   */
  readonly quote?: boolean;
  /**
   * The line number of the text's first line less one, for line numbers inside messages (the
   * text of a packet's front matter starts after `---`). Positions stay the text's own.
   */
  readonly firstLine?: number;
  /**
   * Keys a message names even when `quote` is false: the schema's own (`to`, `cycle`), which
   * are our words, not the author's.
   */
  readonly knownKeys?: readonly string[];
  /**
   * Whether a file whose only problems are keys written twice is still read (default false),
   * with the later value of each: a ladder file is, so that one run reports its other problems.
   */
  readonly readPastDuplicates?: boolean;
}

/** Generous for hand-written ladders (the shipped ones are ~30 KB), small enough to stay fast. */
export const DEFAULT_LIMITS: LoadLimits = { maxBytes: 4 * 1024 * 1024, maxAliases: 100 };

/**
 * The default cap on values in one file: 30 times the shipped Ops ladder (about 700 values in
 * 24 KB). At the cap, a file that is wrong everywhere is schema-checked in under a second.
 */
export const MAX_VALUES = 20_000;

/** The result of loading one file: a YAML file, or why it could not be read. */
export type LoadResult =
  | { readonly ok: true; readonly file: YamlFile; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parses one YAML file into data with positions. Never throws. */
export function loadYaml(
  path: string,
  bytes: Uint8Array,
  limits: LoadLimits = DEFAULT_LIMITS,
  options: YamlMessageOptions = {},
): LoadResult {
  if (bytes.byteLength > limits.maxBytes)
    return fail(fileTooLarge(path, bytes.byteLength, limits.maxBytes));
  const decoded = decodeUtf8(path, bytes);
  if (!decoded.ok) return fail(decoded.diagnostic);
  const lineEnd = loneCarriageReturn(path, decoded.text);
  if (lineEnd) return fail(lineEnd);
  return parseYamlText(path, decoded.text, limits, options);
}

/** Parses decoded YAML text with `yaml`, which reports every problem with its position. Never throws. */
export function parseYamlText(
  path: string,
  text: string,
  limits: LoadLimits = DEFAULT_LIMITS,
  options: YamlMessageOptions = {},
): LoadResult {
  const wording = {
    quote: options.quote ?? true,
    firstLine: options.firstLine ?? 0,
    knownKeys: options.knownKeys ?? [],
  };
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
  const parsed: YamlError[] = [...doc.errors, ...doc.warnings];
  // After a syntax error the parser may hang later keys on the wrong mapping (a tab-indented
  // `title:` joins the ladder's own keys): a duplicate it makes there is its echo too.
  let broken = Number.POSITIVE_INFINITY;
  for (const e of parsed)
    if (YAML_CODES[e.code].code === 'yaml-syntax') broken = Math.min(broken, e.pos[0]);
  const errors: (YamlError | DuplicateKey)[] = [
    ...parsed,
    ...duplicateKeys(doc).filter((d) => d.pos[0] < broken),
  ];
  for (const e of errors) {
    const { code, message } = YAML_CODES[e.code];
    const start = position(e.pos[0]);
    const key = `${code}@${start.line}:${start.column}`;
    // After the first syntax error the parser's later complaints are mostly its echo.
    if (seen.has(key) || ((code === 'yaml-too-deep' || code === 'yaml-syntax') && seen.has(code)))
      continue;
    seen.add(key);
    seen.add(code);
    const end = position(e.pos[1]);
    // Where the author must change something, which may not be where the parser gave up.
    const slip = code === 'yaml-syntax' ? pinpoint(text, doc, lineCounter, e, wording) : undefined;
    const duplicate =
      'first' in e && e.code === 'DUPLICATE_KEY'
        ? `${wording.quote || wording.knownKeys.includes(e.key) ? `The key \`${quote(e.key, 60)}\`` : 'This key'} appears twice in this mapping (first on line ${position(e.first).line + wording.firstLine}); remove or rename one of them.`
        : undefined;
    problems.push({
      code,
      severity: 'error',
      message: slip?.message ?? duplicate ?? message,
      file: path,
      ...(slip ? { line: slip.line, column: slip.column } : start),
      ...(slip ? {} : { endLine: end.line, endColumn: end.column }),
    });
    if (problems.length >= MAX_DIAGNOSTICS_PER_FILE) break;
  }
  // A key written twice leaves the rest of the file readable (the later value is kept): a
  // ladder file is still checked, so that one run reports its other problems too.
  const duplicates =
    options.readPastDuplicates === true && problems.every((d) => d.code === 'yaml-duplicate-key')
      ? problems
      : [];
  if (problems.length > duplicates.length) return { ok: false, diagnostics: problems };

  if (doc.contents === null) {
    return fail(
      at(
        path,
        1,
        1,
        'empty-file',
        `${text.trim() === '' ? 'The file is empty' : 'The file holds only comments'}; write a ladder (see the README) or delete the file.`,
      ),
    );
  }
  /** `yaml-alias` from the offset `from` (to `to`, when known). */
  const aliasProblem = (from: number, to: number | undefined, message: string): LoadResult => {
    const start = position(from);
    const end = to === undefined ? undefined : position(to);
    return fail({
      ...at(path, start.line, start.column, 'yaml-alias', message),
      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
    });
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    const excessive = error instanceof Error && /alias/i.test(error.message);
    // At the alias the library stopped at, not at the top of the data.
    const alias = excessive ? excessiveAlias(doc, limits.maxAliases) : undefined;
    // `*name` with no `&name` before it: a typo or an anchor set below, not too much data.
    const anchors = alias?.range ? anchorsBefore(doc, alias.range[0]) : [];
    const unresolved = alias !== undefined && !anchors.includes(alias.source);
    return aliasProblem(
      alias?.range?.[0] ?? doc.contents.range[0],
      alias?.range?.[1],
      unresolved
        ? unresolvedAlias(alias.source, anchors, wording.quote)
        : excessive
          ? `Aliases expand to too much data (more than ${limits.maxAliases} expansions, or an unresolved alias); write the values out instead.`
          : 'The YAML could not be turned into data; check anchors and aliases.',
    );
  }
  const maxValues = limits.maxValues ?? MAX_VALUES;
  if (exceedsValues(data, maxValues)) {
    // An alias inside the node it names (`a: &x [*x]`) repeats forever: say so, not "split it".
    const alias = recursiveAlias(doc);
    if (!alias?.range) return fail(tooManyValues(path, maxValues));
    const named = wording.quote ? `The alias \`*${quote(alias.source, 60)}\` is` : 'This alias is';
    return aliasProblem(
      alias.range[0],
      alias.range[1],
      `${named} inside the node its anchor names, so its data would repeat forever; write the values out instead.`,
    );
  }
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
    written: (segments) =>
      writtenIn(
        locatedDocument(key, () => text),
        segments,
      ),
  };
  // Valid YAML, but list items read as text: reported, and the file is still checked.
  const folded = foldedItems(doc, text, lineCounter, wording).map(
    (slip): Diagnostic => ({
      severity: 'error',
      code: 'yaml-syntax',
      file: path,
      ...slip,
      message: slip.message ?? '',
    }),
  );
  // Valid YAML too, but text cut short by a `#`: it may be a comment, so a warning.
  const cut = commentsInText(doc, text, lineCounter, wording).map(
    (slip): Diagnostic => ({
      severity: 'warning',
      code: 'yaml-comment-in-text',
      file: path,
      ...slip,
      message: slip.message ?? '',
    }),
  );
  return { ok: true, file, diagnostics: [...duplicates, ...folded, ...cut] };
}

/**
 * The message for an alias that no anchor before it sets. The alias is not named (the caret
 * shows it): the parser's messages never repeat source text, and ours about its slips neither.
 */
function unresolvedAlias(name: string, anchors: readonly string[], quoting: boolean): string {
  const near = quoting ? closest(name, anchors) : undefined;
  const set =
    'set the anchor (`&name`) on the value it repeats, above the alias, or write the value out.';
  return `This alias names no anchor set before it (an anchor must come before its aliases).${near === undefined ? ` ${set[0]?.toUpperCase()}${set.slice(1)}` : ` Did you mean \`*${quote(near, 60)}\`? Otherwise ${set}`}`;
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

function at(file: string, line: number, column: number, code: string, message: string): Diagnostic {
  return { code, severity: 'error', message, file, line, column };
}

function fail(diagnostic: Diagnostic): LoadResult {
  return { ok: false, diagnostics: [diagnostic] };
}
