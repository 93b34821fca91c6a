/**
 * Text that YAML read as something else, where the schema expects text. The schema sees a
 * mapping, a number, `true` or an empty value; the author wrote a line of text and needs to hear
 * that, and that quotes fix it: `- Owns: the roadmap` is a mapping of one key, `- 3.10` the
 * number 3.1, `- null` nothing at all.
 */
import type { ErrorObject } from 'ajv';
import type { YamlFile } from '../load/yaml-document';
import { quote } from '../util/text';
import {
  allowedKeys,
  branchFor,
  deref,
  type JsonObject,
  pointerSegments,
  schemaForValue,
  valueAt,
} from './schema-walk';

/** One `key: value` pair where a line of text was meant. */
export interface MappingMeantAsText {
  readonly key: string;
  readonly value: unknown;
}

/** Whether the schema `node` takes text (itself, or one branch of its `oneOf`). */
export function takesText(schema: JsonObject, node: JsonObject | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return true;
  return Array.isArray(node.oneOf) && node.oneOf.some((b) => deref(schema, b)?.type === 'string');
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * The mappings of a file's data that are a line of text with a `: ` in it, by JSON Pointer:
 * where the schema takes text or a mapping (a statement, a section's item), a mapping of one key
 * the mapping form does not know, with a plain value, written as a line (not `{ ... }`). The
 * schema reports a missing `text` and an unknown key there, neither of which is what the author
 * did.
 */
export function mappingsMeantAsText(
  file: Pick<YamlFile, 'data' | 'locate'>,
  errors: readonly ErrorObject[],
  schema: JsonObject,
): Map<string, MappingMeantAsText> {
  const { data } = file;
  const found = new Map<string, MappingMeantAsText>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties' || found.has(e.instancePath)) continue;
    const segments = pointerSegments(e.instancePath);
    const value = valueAt(data, segments);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const keys = Object.keys(value);
    const key = keys[0];
    if (keys.length !== 1 || key !== String(e.params.additionalProperty)) continue;
    const inner = (value as Record<string, unknown>)[key];
    const node = schemaForValue(schema, data, segments, false);
    if (!isScalar(inner) || !Array.isArray(node?.oneOf) || !takesText(schema, node)) continue;
    if (allowedKeys(branchFor(schema, node, value)).includes(key)) continue;
    // A mapping written as one (`{ plan: Manager }`, its `{` before its key) is no split text.
    const at = file.locate(segments);
    const written = file.locate([...segments, key], 'key');
    if (at.line !== written.line || at.column !== written.column) continue;
    found.set(e.instancePath, { key, value: inner });
  }
  return found;
}

/** `'text'` in YAML's quotes: double ones for text with a `'` and no `"`, else single ones. */
function quoted(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text.replaceAll('\\', '\\\\')}"`;
  return `'${text.replaceAll("'", "''")}'`;
}

/** The message for a mapping that was meant as text at `Where` (capitalised). */
export function mappingMeantAsTextMessage(
  Where: string,
  slip: MappingMeantAsText,
  quoting: boolean,
): string {
  const rest = slip.value === null ? '' : ` ${String(slip.value)}`;
  const text = `${slip.key}:${rest}`;
  return quoting
    ? `${Where} is read as a mapping (\`${quote(text)}\`), not as text: a \`: \` inside unquoted text starts one. Put the text in quotes: \`${quoted(quote(text))}\`.`
    : `${Where} is read as a mapping, not as text: a \`: \` inside unquoted text starts one. Put the text in quotes.`;
}

/** What YAML reads an unquoted value as, when not as text. */
function readAs(value: unknown): string | undefined {
  if (value === null) return 'an empty value';
  if (typeof value === 'boolean') return `\`${String(value)}\` (yes or no)`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return undefined;
}

/**
 * The message for text that YAML read as a number, `true` or nothing at `Where`, where the
 * schema takes text: what was written, what YAML made of it, and the quotes that keep it text.
 */
export function textReadAsOtherMessage(
  Where: string,
  value: unknown,
  written: string,
): string | undefined {
  const as = readAs(value);
  if (as === undefined) return undefined;
  return `${Where} is \`${quote(written)}\`, which YAML reads as ${as}, not as text; put it in quotes: \`${quoted(quote(written))}\`.`;
}

/**
 * What to do about a value of the wrong type, when a slip of hand-written YAML explains it
 * (with a space before it), else nothing: `- Text: more text` is a mapping, not a line of text;
 * `-Text` is text, not a list item; `next: L2` is one value, not a list.
 */
export function typeHint(expected: string, value: unknown, quoting: boolean): string {
  if (expected === 'string' && typeof value === 'object' && value !== null && !Array.isArray(value))
    return ' A `: ` inside unquoted text starts a mapping; put the text in quotes.';
  if (expected !== 'array' || (typeof value !== 'string' && typeof value !== 'number')) return '';
  const text = String(value);
  if (/^-[^\s-]/.test(text)) {
    // Several such lines fold into one text: show the first.
    const first = text.slice(1).split(/\s+-/)[0] ?? '';
    return ` A list item's \`-\` needs a space after it${quoting ? `: \`- ${quote(first, 40)}\`` : ''}.`;
  }
  // `[E3]` only for a short value that reads the same in brackets (no `,` to split it).
  const short = quoting && text.length <= 40 && /^[\w./ -]+$/.test(text);
  return ` Write it ${short ? `as a list, \`[${text}]\`, or ` : ''}as a \`- \` line below the key.`;
}

/**
 * What to do about an unknown key that is a slip of YAML rather than a misspelt name: YAML 1.1's
 * merge key (`<<: *name`, a key of its own name in YAML 1.2), or a line that starts with `:`,
 * which makes a key of no name. Empty otherwise.
 */
export function keyHint(key: string): string {
  if (key === '<<') return ' Merge keys (`<<: *name`) are not supported; write the keys out.';
  if (key === '')
    return ' A line that starts with `:` has no key: write the key before the `:`, or put the text in quotes.';
  return '';
}
