/**
 * Reading our JSON Schemas from the data side. ajv's `schemaPath` is relative to whichever
 * referenced definition (`#/$defs/level`) reported an error, so the schema that applies to a
 * value is found by walking the schema along the value's path in the data instead.
 */

/** A JSON object, as the schemas are read. */
export type JsonObject = { readonly [key: string]: unknown };

/** A path into a file's data, e.g. `['levels', 2, 'next', 0]`. */
export type Segments = readonly (string | number)[];

/** Splits a JSON Pointer into path segments (numbers for array indexes). */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** The JSON Pointer of path segments (`/levels/0/next/3`), the inverse of `pointerSegments`. */
export function pointerOf(segments: Segments): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The schema node a local reference such as `#/$defs/level` names. */
function schemaAt(schema: JsonObject, ref: string): JsonObject | undefined {
  let node: unknown = schema;
  for (const segment of pointerSegments(ref.replace(/^#/, ''))) {
    const object = asObject(node);
    if (!object) return undefined;
    node = object[segment];
  }
  return asObject(node);
}

/** Follows `$ref`s within the same document (`#/$defs/...`). */
export function deref(schema: JsonObject, node: unknown): JsonObject | undefined {
  let current = asObject(node);
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops += 1) {
    current = schemaAt(schema, current.$ref);
  }
  return current;
}

/** The JSON type a value has, as a schema's `type` names it. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * The branch of a `oneOf` that a value was meant for: the one whose `type` is the value's (a
 * whole number is a number too). The node itself when it has no `oneOf`.
 */
export function branchFor(schema: JsonObject, node: JsonObject, value: unknown): JsonObject {
  if (!Array.isArray(node.oneOf)) return node;
  const type = jsonType(value);
  for (const candidate of node.oneOf) {
    const branch = deref(schema, candidate);
    if (branch?.type === type || (type === 'integer' && branch?.type === 'number')) return branch;
  }
  return node;
}

/** The schema of the value that `segment` leads to inside a value of schema `node`. */
function childSchema(
  schema: JsonObject,
  node: JsonObject,
  segment: string | number,
): JsonObject | undefined {
  if (typeof segment === 'number') return deref(schema, node.items);
  const properties = asObject(node.properties);
  if (properties && Object.hasOwn(properties, segment)) return deref(schema, properties[segment]);
  return deref(schema, node.additionalProperties);
}

/** The value at `segment` of `value`, if it has one of its own. */
export function childValue(value: unknown, segment: string | number): unknown {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment))
    return undefined;
  return (value as Record<string | number, unknown>)[segment];
}

/** The value at `segments` of `data`, if there is one. */
export function valueAt(data: unknown, segments: Segments): unknown {
  let node = data;
  for (const segment of segments) node = childValue(node, segment);
  return node;
}

/**
 * The schema that applies to the value at `segments` of `data`: a `oneOf` on the way is
 * resolved by the type of the value, and so is one at the end unless `branch` is false.
 */
export function schemaForValue(
  schema: JsonObject,
  data: unknown,
  segments: Segments,
  branch = true,
): JsonObject | undefined {
  let value = data;
  let node = deref(schema, schema);
  for (const segment of segments) {
    if (!node) return undefined;
    node = childSchema(schema, branchFor(schema, node, value), segment);
    value = childValue(value, segment);
  }
  return node && branch ? branchFor(schema, node, value) : node;
}

/** The keys an object schema allows, in the schema's order (none when any key is allowed). */
export function allowedKeys(node: JsonObject | undefined): string[] {
  const properties = asObject(node?.properties);
  return properties ? Object.keys(properties) : [];
}

/** The keys an object schema requires. */
export function requiredKeys(node: JsonObject | undefined): string[] {
  return Array.isArray(node?.required) ? node.required.map(String) : [];
}
