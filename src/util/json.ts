/** Reading JSON of unknown shape (an API answer, an event payload) without trusting it. */

/** A JSON object, read-only. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The value as an object, or undefined when it is not one (null and arrays are not). */
export function jsonObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The value as a non-empty string, or undefined. */
export function jsonText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
