/**
 * The part of a file's data that passed the schema, so that the rules can check it in the same
 * run as the schema: an author fixes every problem in one pass. Each value the schema rejected
 * is left out, and so is an object that lacks a key it needs (but not for a missing `title`,
 * which no rule reads: the object's id still counts as defined). A list item left out leaves a
 * hole, so that the paths the rules report still point at the source; the rules skip holes.
 * A list or mapping that lost something is marked, so that a rule does not take what was left
 * out for something missing (`isWhole`).
 */
import type { ErrorObject } from 'ajv';
import { relevantErrors } from './schema-errors';
import {
  type JsonObject,
  pointerSegments,
  requiredKeys,
  type Segments,
  schemaForValue,
  valueAt,
} from './schema-walk';

const LEFT_OUT = Symbol('left out');

/**
 * Whether a list or mapping of the rules' data is as the author wrote it: false when the schema
 * left out one of its items or keys (a misspelled `expectation:` is not "no expectations").
 */
export function isWhole(value: unknown): boolean {
  return typeof value !== 'object' || value === null || !Object.hasOwn(value, LEFT_OUT);
}

/** Keys whose absence does not make an object useless to the rules. */
const DESCRIPTIVE = new Set(['title']);

/**
 * A copy of `data` without the values that `errors` (ajv's, for `schema`) reject; undefined
 * when the whole file is rejected (its top level lacks a key it needs, such as `levels`).
 */
export function validPart(
  data: unknown,
  errors: readonly ErrorObject[],
  schema: JsonObject,
): unknown {
  let copy: unknown = structuredClone(data);
  const remove = (segments: Segments): void => {
    const last = segments.at(-1);
    if (last === undefined) {
      copy = undefined;
      return;
    }
    const parentPath = segments.slice(0, -1);
    const parent = valueAt(copy, parentPath);
    if (typeof parent !== 'object' || parent === null) return;
    if (
      typeof last === 'string' &&
      !DESCRIPTIVE.has(last) &&
      requiredKeys(schemaForValue(schema, data, parentPath)).includes(last)
    ) {
      remove(parentPath);
      return;
    }
    // `delete` on a list leaves a hole: the indexes of the other items stay those of the source.
    delete (parent as Record<string | number, unknown>)[last];
    Object.defineProperty(parent, LEFT_OUT, { value: true, enumerable: false });
  };
  for (const error of relevantErrors(data, errors, schema, false)) {
    const segments = pointerSegments(error.instancePath);
    const params = error.params as Record<string, unknown>;
    if (error.propertyName !== undefined) remove([...segments, error.propertyName]);
    else if (error.keyword === 'additionalProperties')
      remove([...segments, String(params.additionalProperty)]);
    else if (error.keyword === 'required') {
      if (!DESCRIPTIVE.has(String(params.missingProperty))) remove(segments);
    } else if (error.keyword !== 'propertyNames') remove(segments);
    if (copy === undefined) return undefined;
  }
  return copy;
}
