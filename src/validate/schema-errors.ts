/**
 * Turns ajv errors (which point into the data) into diagnostics that point into the YAML source:
 * the offending key for unknown or misnamed keys, the value for wrong values, the mapping for
 * missing keys. Messages are written for people, with suggestions taken from the schema.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { YamlFile } from '../load/yaml-document';
import { didYouMean } from '../util/suggest';

/** What the schema diagnostics read of a file: its path, its data and where things are. */
type SchemaCheckedFile = Pick<YamlFile, 'path' | 'data' | 'locate'>;

type JsonObject = { readonly [key: string]: unknown };

const MAX_SCHEMA_DIAGNOSTICS = 50;

/** Splits a JSON Pointer into path segments (numbers for array indexes). */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** The schema node a `schemaPath` such as `#/$defs/level/additionalProperties` names. */
function schemaAt(schema: JsonObject, schemaPath: string): JsonObject | undefined {
  let node: unknown = schema;
  for (const segment of pointerSegments(schemaPath.replace(/^#/, ''))) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return typeof node === 'object' && node !== null ? (node as JsonObject) : undefined;
}

/** Follows `$ref`s within the same document (`#/$defs/...`). */
function deref(schema: JsonObject, node: JsonObject | undefined): JsonObject | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops += 1) {
    current = schemaAt(schema, current.$ref);
  }
  return current;
}

/**
 * The schema that applies at an instance path. Walked from the data side because ajv's
 * `schemaPath` is relative to whichever referenced schema reported the error.
 */
function schemaForInstance(
  schema: JsonObject,
  segments: readonly (string | number)[],
): JsonObject | undefined {
  let node = deref(schema, schema);
  for (const segment of segments) {
    if (!node) return undefined;
    // Of `oneOf` branches (text or object), the one a path can go into.
    if (Array.isArray(node.oneOf) && !node.properties && !node.items)
      node = (node.oneOf as JsonObject[])
        .map((branch) => deref(schema, branch))
        .find((b) => b?.type === (typeof segment === 'number' ? 'array' : 'object'));
    if (!node) return undefined;
    const properties = node.properties as Record<string, JsonObject> | undefined;
    if (typeof segment === 'number' && node.items) node = deref(schema, node.items as JsonObject);
    else if (properties && Object.hasOwn(properties, segment))
      node = deref(schema, properties[segment]);
    else if (typeof node.additionalProperties === 'object')
      node = deref(schema, node.additionalProperties as JsonObject);
    else return undefined;
  }
  return node;
}

function valueAt(data: unknown, segments: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment))
      return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return `a ${typeof value}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  object: 'a mapping (`key: value` lines)',
  array: 'a list (`- item` lines)',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
};

/** A short, safe rendering of a value for a message: one line, control characters as `\u001B`. */
export function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const oneLine = text
    .replace(/\s+/g, ' ')
    // A terminal or a log viewer would act on an escape sequence; show it instead.
    .replace(
      /\p{Cc}/gu,
      (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
    );
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** How a message may speak of what the file holds. */
export interface SchemaMessageOptions {
  /**
   * Whether values and keys below the top level are quoted (default true). A packet's front
   * matter is not: its messages reach the workflow log, where packet text must never go, so
   * they describe what is wrong without repeating what was written.
   */
  readonly quote?: boolean;
}

function whereIn(segments: readonly (string | number)[], quote: boolean): string {
  if (segments.length === 0) return 'the top level';
  if (!quote && segments.length > 1) return `\`${segments[0]}\` (one of its entries)`;
  return `\`${segments.join('.')}\``;
}

/** `` `value` ``, or `fallback` when values are not quoted. */
function quoted(value: unknown, quote: boolean, fallback: string): string {
  return quote ? `\`${shortValue(value)}\`` : fallback;
}

/** Maps ajv errors for one file to diagnostics at the right lines. */
export function schemaDiagnostics(
  file: SchemaCheckedFile,
  errors: readonly ErrorObject[],
  schema: JsonObject,
  options: SchemaMessageOptions = {},
): Diagnostic[] {
  // `oneOf` reports every branch's failure too. A branch whose type fits the value (the object
  // form of a statement, say) reports the real problem: keep its errors, and drop the summary
  // and the other branches' type mismatches. When no branch fits, keep only the summary.
  const dropped = new Set<ErrorObject>();
  const oneOfAt = new Map<string, ErrorObject>();
  for (const e of errors) if (e.keyword === 'oneOf') oneOfAt.set(e.instancePath, e);
  if (oneOfAt.size > 0) {
    // Each error under a `oneOf`, grouped by the nearest one: one walk up its path, no pairs.
    const inside = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (e.keyword === 'oneOf') continue;
      for (let p = e.instancePath; ; p = p.slice(0, p.lastIndexOf('/'))) {
        if (oneOfAt.has(p)) {
          const list = inside.get(p) ?? [];
          list.push(e);
          inside.set(p, list);
          break;
        }
        if (p === '') break;
      }
    }
    for (const [path, one] of oneOfAt) {
      const mine = inside.get(path) ?? [];
      const mismatch = (e: ErrorObject) => e.keyword === 'type' && e.instancePath === path;
      const fits = mine.some((e) => !mismatch(e));
      for (const e of fits ? [one, ...mine.filter(mismatch)] : mine) dropped.add(e);
    }
  }
  const relevant = errors.filter(
    (e) =>
      !dropped.has(e) &&
      !(
        e.keyword === 'propertyNames' &&
        errors.some((o) => o !== e && o.propertyName === e.params.propertyName)
      ),
  );
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    const diagnostic = toDiagnostic(file, error, schema, options.quote ?? true);
    const key = `${diagnostic.code}:${diagnostic.line}:${diagnostic.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
    if (out.length >= MAX_SCHEMA_DIAGNOSTICS) break;
  }
  return out;
}

function toDiagnostic(
  file: SchemaCheckedFile,
  error: ErrorObject,
  schema: JsonObject,
  quote: boolean,
): Diagnostic {
  const segments = pointerSegments(error.instancePath);
  const where = (path: readonly (string | number)[]) => whereIn(path, quote);
  const make = (
    code: string,
    message: string,
    path: readonly (string | number)[],
    at: 'key' | 'value' = 'value',
  ): Diagnostic => {
    const range = file.locate(path, at);
    return { code, severity: 'error', message, file: file.path, ...range };
  };
  const here = schemaForInstance(schema, segments);
  const hint = typeof here?.description === 'string' ? ` ${here.description}` : '';
  const params = error.params as Record<string, unknown>;

  if (error.propertyName !== undefined) {
    return make(
      'invalid-id',
      `${quoted(error.propertyName, quote, 'A key here')} is not a valid id: use letters, digits, \`-\` and \`_\`, starting with a letter or digit.`,
      [...segments, error.propertyName],
      'key',
    );
  }
  switch (error.keyword) {
    case 'required':
      return make(
        'missing-key',
        `Add the required key \`${String(params.missingProperty)}\` to ${where(segments)}.`,
        segments,
      );
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const properties = schemaAt(
        schema,
        error.schemaPath.replace(/\/additionalProperties$/, '/properties'),
      );
      const allowed = properties ? Object.keys(properties) : [];
      const suggestion = didYouMean(key, allowed);
      return make(
        'unknown-key',
        `Unknown key${quote ? ` ${quoted(key, quote, '')}` : ''} in ${where(segments)}${suggestion || `; allowed keys: ${allowed.join(', ')}`}${suggestion ? '' : '.'}`,
        [...segments, key],
        'key',
      );
    }
    case 'type': {
      const expected = String(params.type);
      const actual = valueAt(file.data, segments);
      // The classic YAML slip: `- Text: more text` is a mapping, not a line of text.
      const hint =
        expected === 'string' &&
        typeof actual === 'object' &&
        actual !== null &&
        !Array.isArray(actual)
          ? ' A `: ` inside unquoted text starts a mapping; put the text in quotes.'
          : '';
      return make(
        'wrong-type',
        `${where(segments)} must be ${TYPE_NAMES[expected] ?? expected}, not ${describe(actual)}.${hint}`,
        segments,
      );
    }
    case 'minLength':
      return make(
        'empty-string',
        `${where(segments)} is empty; write the text or remove the key.`,
        segments,
      );
    case 'minItems':
      return make(
        'empty-list',
        `${where(segments)} needs at least ${String(params.limit)} item(s).`,
        segments,
      );
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties':
      return make(
        'too-long',
        `${where(segments)} is over the limit of ${String(params.limit)}; shorten it or split it up.`,
        segments,
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
      return make('invalid-value', `${where(segments)} must be one of ${allowed}.`, segments);
    }
    case 'pattern': {
      const value = quoted(valueAt(file.data, segments), quote, 'This value');
      const defs = schema.$defs as Record<string, JsonObject> | undefined;
      const isLevelId = here?.description === defs?.levelId?.description;
      const isId = isLevelId || here?.description === defs?.id?.description;
      return isId
        ? make(
            'invalid-id',
            `${value} is not a valid id: use letters, digits, \`-\` and \`_\`${isLevelId ? ' (and `.` inside a level id)' : ''}, starting with a letter or digit.`,
            segments,
          )
        : make('invalid-value', `${value} is not valid for ${where(segments)}.${hint}`, segments);
    }
    case 'minimum':
    case 'maximum':
      return make(
        'invalid-value',
        `${where(segments)} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`,
        segments,
      );
    default:
      return make('invalid-value', `${where(segments)} is not valid here.${hint}`, segments);
  }
}
