/**
 * Turns ajv errors (which point into the data) into diagnostics that point into the YAML source:
 * the offending key for unknown or misnamed keys, the value for wrong values, the mapping for
 * missing keys. Messages are written for people: the place in the file's own terms (a level, a
 * dimension, a milestone), the keys allowed there, and an example of a value with a format.
 * A packet's front matter is described, never quoted (`quote: false`): its messages reach the
 * workflow log, where packet text must never go.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { YamlFile } from '../load/yaml-document';
import { plural } from '../markdown/plural';
import { closest, didYouMean } from '../util/suggest';
import { quote } from '../util/text';
import { capitalised, keyPlace } from './place';
import {
  keyHint,
  type MappingMeantAsText,
  mappingMeantAsTextMessage,
  mappingsMeantAsText,
  takesText,
  textReadAsOtherMessage,
  typeHint,
} from './schema-slips';
import {
  allowedKeys,
  branchFor,
  deref,
  type JsonObject,
  pointerOf,
  pointerSegments,
  type Segments,
  schemaForValue,
  valueAt,
} from './schema-walk';

/**
 * What the schema diagnostics read of a file: its path, its data, where things are and, when
 * messages may quote it, how a value was written.
 */
type SchemaCheckedFile = Pick<YamlFile, 'path' | 'data' | 'locate'> &
  Partial<Pick<YamlFile, 'written'>>;

/** Names the place at a path of a file's data for a message (see place.ts). */
export type PlaceNamer = (data: unknown, segments: Segments) => string;

const MAX_SCHEMA_DIAGNOSTICS = 50;

/** The `$defs` of the schemas whose values are ids, for the `invalid-id` code. */
const ID_DEFS = ['id', 'levelId', 'levelRef', 'abilityRef'];

/** A short, safe rendering of a value for a message: one line, control characters as `\u001B`. */
export function shortValue(value: unknown): string {
  return quote(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return `\`${String(value)}\``;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  object: 'a mapping (`key: value` lines)',
  array: 'a list (`- item` lines)',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
};

/** `\`a\`, \`b\` or \`c\``. */
function alternatives(values: readonly unknown[], last = 'or'): string {
  const quoted = values.map((v) => `\`${shortValue(v)}\``);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted.at(-1)}`;
}

/**
 * What a value with a format looks like, from its schema's `examples` and `title`:
 * `` `1.0.0` or `2.3.1` (MAJOR.MINOR.PATCH, quoted or not) ``; undefined when it has none.
 */
function looksLike(node: JsonObject | undefined): string | undefined {
  if (!node || !Array.isArray(node.examples) || node.examples.length === 0) return undefined;
  const format = typeof node.title === 'string' ? ` (${node.title})` : '';
  return `${alternatives(node.examples)}${format}`;
}

/**
 * What each branch of a `oneOf` takes, in words (`text like \`2026-H2\` (a review cycle)`, `a
 * whole number (a year)`), leaving out `except`.
 */
function branchKinds(
  schema: JsonObject,
  node: JsonObject | undefined,
  except?: JsonObject,
): string[] {
  const branches = (Array.isArray(node?.oneOf) ? node.oneOf : []).map((b) => deref(schema, b));
  return branches
    .filter((b) => b !== except)
    .map((b) => {
      const type = TYPE_NAMES[String(b?.type)];
      if (b?.type === 'string' && looksLike(b)) return `text like ${looksLike(b)}`;
      return type !== undefined && typeof b?.title === 'string' ? `${type} (${b.title})` : type;
    })
    .filter((kind): kind is string => kind !== undefined);
}

/** How a message may speak of what the file holds. */
export interface SchemaMessageOptions {
  /** Names the place of a problem (default: its key path, `the top level` for the top). */
  readonly place?: PlaceNamer;
  /**
   * Whether values and keys the file's author wrote are quoted (default true). A packet's front
   * matter is not: its messages reach the workflow log, where packet text must never go, so
   * they describe what is wrong without repeating what was written. Give a `place` that
   * quotes nothing written either (`describedPlace`).
   */
  readonly quote?: boolean;
}

/** Maps ajv errors for one file to diagnostics at the right lines. */
export function schemaDiagnostics(
  file: SchemaCheckedFile,
  errors: readonly ErrorObject[],
  schema: JsonObject,
  options: SchemaMessageOptions = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const place = options.place ?? keyPlace('the top level');
  const quoting = options.quote ?? true;
  // `- Owns: the roadmap`: one problem, that it is not text, instead of the mapping's two.
  const meantAsText = mappingsMeantAsText(file, errors, schema);
  const slipOf = (path: string) =>
    [...meantAsText].find(([p]) => path === p || path.startsWith(`${p}/`));
  for (const error of relevantErrors(file.data, errors, schema)) {
    const slip = slipOf(error.instancePath);
    const diagnostic =
      slip === undefined
        ? toDiagnostic(file, error, schema, place, quoting)
        : meantAsTextDiagnostic(file, slip, place, quoting);
    // Each missing key is its own problem, though all of one mapping's are at the mapping.
    const missing =
      error.keyword === 'required' && !slip ? `:${String(error.params.missingProperty)}` : '';
    const key = `${diagnostic.code}:${diagnostic.line}:${diagnostic.column}${missing}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
    if (out.length >= MAX_SCHEMA_DIAGNOSTICS) break;
  }
  return out;
}

/**
 * The errors worth a message. A `oneOf` reports the failure of every branch; keep those of the
 * branch the value was meant for (a mapping for `{ planned: ... }`, text for a level id), or
 * the summary when the value fits no branch. A key that is not a valid id is reported once, and
 * a required key that is there but misspelled once, as unknown (unless `misspelled` is false:
 * then it counts as missing too).
 */
export function relevantErrors(
  data: unknown,
  errors: readonly ErrorObject[],
  schema: JsonObject,
  misspelled = true,
): ErrorObject[] {
  // Errors by the value they are about: a `oneOf` is weighed against its own value's errors only,
  // so the work grows with the number of errors, never with its square (no pairs of errors).
  const atPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = atPath.get(e.instancePath);
    if (list) list.push(e);
    else atPath.set(e.instancePath, [e]);
  }
  const drop = new Set<ErrorObject>();
  for (const summary of errors) {
    if (summary.keyword !== 'oneOf') continue;
    const node = schemaForValue(schema, data, pointerSegments(summary.instancePath), false);
    const value = valueAt(data, pointerSegments(summary.instancePath));
    const branches = Array.isArray(node?.oneOf) ? node.oneOf : [];
    const chosen =
      node && branchFor(schema, node, value) !== node
        ? branches.findIndex((b) => deref(schema, b) === branchFor(schema, node, value))
        : -1;
    const inBranch = `${summary.schemaPath}/`;
    // Where each branch's errors point: into the branch, or (for a `$ref` branch) its target.
    const prefixes = branches.map((b, i) => [`${inBranch}${i}/`, ...refsOf(schema, b)]);
    const branchOf = (e: ErrorObject) =>
      prefixes.findIndex((list) => list.some((prefix) => e.schemaPath.startsWith(prefix)));
    for (const e of atPath.get(summary.instancePath) ?? []) {
      if (e === summary) {
        if (chosen >= 0) drop.add(e);
      } else {
        const branch = branchOf(e);
        if (branch >= 0 && (chosen < 0 || branch !== chosen)) drop.add(e);
      }
    }
  }
  // A misspelled required key is one mistake: its unknown-key message suggests the right key.
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (!misspelled || e.keyword !== 'additionalProperties' || drop.has(e)) continue;
    const allowed = allowedKeys(schemaForValue(schema, data, pointerSegments(e.instancePath)));
    const near = closest(String(e.params.additionalProperty), allowed);
    if (near !== undefined) misspelt.add(`${e.instancePath} ${near}`);
  }
  // A key that is not a valid id is reported once, by the error about the key itself.
  const aboutKey = new Set<unknown>();
  for (const e of errors)
    if (e.keyword !== 'propertyNames' && e.propertyName !== undefined) aboutKey.add(e.propertyName);
  return errors.filter(
    (e) =>
      !drop.has(e) &&
      !(
        e.keyword === 'required' && misspelt.has(`${e.instancePath} ${e.params.missingProperty}`)
      ) &&
      !(e.keyword === 'propertyNames' && aboutKey.has(e.params.propertyName)),
  );
}

/** The `$ref`s a schema node goes through (`#/$defs/statement/`), as error schema paths start. */
function refsOf(schema: JsonObject, node: unknown): string[] {
  const refs: string[] = [];
  let current = node as JsonObject | undefined;
  while (current && typeof current.$ref === 'string' && refs.length < 10) {
    refs.push(`${current.$ref}/`);
    current = deref(schema, { $ref: current.$ref });
  }
  return refs;
}

/** The one diagnostic of a mapping at `pointer` that was meant as a line of text. */
function meantAsTextDiagnostic(
  file: SchemaCheckedFile,
  [pointer, slip]: readonly [string, MappingMeantAsText],
  place: PlaceNamer,
  quoting: boolean,
): Diagnostic {
  const segments = pointerSegments(pointer);
  const Where = capitalised(place(file.data, segments));
  return {
    code: 'wrong-type',
    severity: 'error',
    message: mappingMeantAsTextMessage(Where, slip, quoting),
    file: file.path,
    ...file.locate(segments, 'value'),
    dataPath: pointer,
  };
}

function toDiagnostic(
  file: SchemaCheckedFile,
  error: ErrorObject,
  schema: JsonObject,
  place: PlaceNamer,
  quoting: boolean,
): Diagnostic {
  const segments = pointerSegments(error.instancePath);
  const make = (
    code: string,
    message: string,
    path: Segments = segments,
    at: 'key' | 'value' = 'value',
  ): Diagnostic => {
    const range = file.locate(path, at);
    return {
      code,
      severity: 'error',
      message,
      file: file.path,
      ...range,
      dataPath: pointerOf(path),
    };
  };
  const where = place(file.data, segments);
  const Where = capitalised(where);
  const here = schemaForValue(schema, file.data, segments);
  const value = valueAt(file.data, segments);
  const params = error.params as Record<string, unknown>;
  const defs = schema.$defs as JsonObject | undefined;
  // Ids and references to them: a level id (`'1.1'`), `ladder/level`, `ladder/ability`.
  const isId = (node: JsonObject | undefined) =>
    node !== undefined &&
    ID_DEFS.some((name) => defs?.[name] !== undefined && node === deref(schema, defs[name]));
  /** `` `value` `` as written, or `fallback` when what was written is not quoted. */
  const written = (v: unknown, fallback: string) => (quoting ? `\`${shortValue(v)}\`` : fallback);

  if (error.propertyName !== undefined) {
    const names = deref(schema, here?.propertyNames);
    return make(
      isId(names) || names?.pattern !== undefined ? 'invalid-id' : 'invalid-value',
      `${quoting ? `The key ${written(error.propertyName, '')}` : 'A key'} in ${where} is not valid; write it like ${looksLike(names) ?? 'an id'}.`,
      [...segments, error.propertyName],
      'key',
    );
  }
  // `- 3.10`, `title: null`: text, as the author sees it, that YAML read as something else.
  const plainText =
    ['type', 'oneOf'].includes(error.keyword) && takesText(schema, here) && !looksLike(here);
  const source = quoting && plainText ? file.written?.(segments) : undefined;
  const readAsOther = source && textReadAsOtherMessage(Where, value, source);
  if (readAsOther !== undefined) return make('wrong-type', readAsOther);
  switch (error.keyword) {
    case 'required':
      return make(
        'missing-key',
        `Add the required key \`${String(params.missingProperty)}\` to ${where}.`,
      );
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(here);
      const slip = keyHint(key);
      return make(
        'unknown-key',
        `${key === '' ? 'A key of no name' : `Unknown key${quoting ? ` ${written(key, '')}` : ''}`} in ${where}.${slip || didYouMean(key, allowed)} The keys allowed here are ${alternatives(allowed, 'and')}.`,
        [...segments, key],
        'key',
      );
    }
    case 'type': {
      const expected = String(params.type);
      const format = expected === 'string' ? looksLike(here) : undefined;
      if (format !== undefined)
        return make(
          'wrong-type',
          `${Where} must look like ${format}, not ${typeof value === 'number' ? 'a number' : describe(value)}.`,
        );
      return make(
        'wrong-type',
        `${Where} must be ${TYPE_NAMES[expected] ?? expected}, not ${describe(value)}.${typeHint(expected, value, quoting)}`,
      );
    }
    case 'oneOf':
      return make(
        'wrong-type',
        `${Where} must be ${branchKinds(schema, here).join(', or ')}; not ${describe(value)}.`,
      );
    case 'minLength':
      return make('empty-string', `${Where} is empty; write the text or remove the key.`);
    case 'minItems':
      return make(
        'empty-list',
        `${Where} needs at least ${plural(Number(params.limit), 'item')}; add ${Number(params.limit) === 1 ? 'one' : 'them'} or remove the key.`,
      );
    case 'maxLength':
    case 'maxItems':
    case 'maxProperties': {
      const unit = { maxLength: 'character', maxItems: 'item', maxProperties: 'key' }[
        error.keyword
      ];
      // A list's place may be plural (`the expectations for ...`): counted in words that fit both.
      return make(
        'too-long',
        error.keyword === 'maxLength'
          ? `${Where} is over the limit of ${plural(Number(params.limit), unit)}; shorten it or split it up.`
          : `There are more ${unit}s in ${where} than the limit of ${Number(params.limit)}; remove some or split it up.`,
      );
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const near = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
      return make(
        'invalid-value',
        `${Where} must be ${alternatives(allowed)}${quoting ? `, not ${written(value, '')}` : ''}.${near === undefined ? '' : ` Did you mean \`${near}\`?`}`,
      );
    }
    case 'pattern': {
      const example = looksLike(here);
      return make(
        isId(here) ? 'invalid-id' : 'invalid-value',
        example === undefined
          ? `${written(value, 'This value')} is not valid for ${where}.`
          : `${Where} is ${written(value, 'not written right')}; write it like ${example}.`,
      );
    }
    case 'minimum':
    case 'maximum': {
      // A number out of range in one branch of a `oneOf` (a year, or a cycle's name): say what
      // else the value may be, so the one message says all that is accepted.
      const either = schemaForValue(schema, file.data, segments, false);
      const others = either === here ? [] : branchKinds(schema, either, here);
      const title = typeof here?.title === 'string' ? ` (${here.title})` : '';
      return make(
        'invalid-value',
        `${Where} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}${title}${quoting ? `, not ${shortValue(value)}` : ''}${others.length > 0 ? `, or ${others.join(', or ')}` : ''}.`,
      );
    }
    default:
      return make('invalid-value', `${Where} is not valid here.`);
  }
}
