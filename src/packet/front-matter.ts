/**
 * The packet's YAML front matter: parsed with the same safe loader as ladder files, checked
 * against `schema/packet.schema.json`, every position shifted to the packet's own lines.
 */
import packetSchema from '../../schema/packet.schema.json';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parseYamlText } from '../load/yaml-document';
import { keyPlace } from '../validate/place';
import { schemaDiagnostics } from '../validate/schema-errors';
import { packet as validatePacketSchema } from '../validate/schemas.gen.js';
import type { FrontMatter, FrontMatterBlock, PacketRange } from './types';

/** Front matter is a handful of lines; anything bigger is not front matter. */
const MAX_FRONT_MATTER_CHARS = 16 * 1024;

/** Codes of the loader whose messages speak of ladder files; reworded for packets. */
const REWORDED: Readonly<Record<string, string>> = {
  'empty-file':
    'The front matter is empty; write `candidate:`, `ladder:` and `to:` lines between the `---` lines.',
  'root-not-mapping':
    'The front matter must be `key: value` lines (`candidate:`, `ladder:`, `to:` ...).',
};

/**
 * Reads front matter whose YAML text starts on line `firstLine` + 1 of the packet (the line after
 * the opening `---`) and spans `block` in the packet.
 */
export function readFrontMatter(
  path: string,
  yaml: string,
  firstLine: number,
  block: PacketRange,
): { frontMatter: FrontMatterBlock; findings: Diagnostic[] } {
  const simple = readSimpleFrontMatter(yaml);
  if (simple !== undefined && validatePacketSchema(simple)) {
    // Positions are needed only for findings; the YAML library finds them when asked.
    let full: FrontMatterBlock | undefined;
    const locate: FrontMatterBlock['locate'] = (segments, at) => {
      full ??= readFullFrontMatter(path, yaml, firstLine, block).frontMatter;
      return full.locate(segments, at);
    };
    return {
      frontMatter: {
        strings: readableStrings(simple),
        locate,
        data: simple as unknown as FrontMatter,
      },
      findings: [],
    };
  }
  return readFullFrontMatter(path, yaml, firstLine, block);
}

/** `readFrontMatter` with the YAML library, for any front matter. */
function readFullFrontMatter(
  path: string,
  yaml: string,
  firstLine: number,
  block: PacketRange,
): { frontMatter: FrontMatterBlock; findings: Diagnostic[] } {
  const fallback = (findings: Diagnostic[]) => ({
    frontMatter: { strings: {}, locate: () => block } satisfies FrontMatterBlock,
    findings,
  });
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    return fallback([
      {
        code: 'front-matter-invalid',
        severity: 'error',
        message: `The front matter is over ${MAX_FRONT_MATTER_CHARS} characters; it should hold only candidate, ladder, from, to and a few more keys.`,
        file: path,
        line: block.line,
        column: 1,
      },
    ]);
  }
  const shift = (d: Diagnostic): Diagnostic => {
    const reworded = REWORDED[d.code];
    return {
      ...d,
      ...(reworded ? { code: 'front-matter-invalid', message: reworded } : {}),
      line: d.line + firstLine,
      ...(d.endLine !== undefined ? { endLine: d.endLine + firstLine } : {}),
    };
  };
  const loaded = parseYamlText(path, yaml, { maxBytes: MAX_FRONT_MATTER_CHARS * 4, maxAliases: 0 });
  if (!loaded.ok) {
    // An empty block reports `empty-file` at 1:1; point at the opening `---` instead.
    return fallback(
      loaded.diagnostics.map((d) =>
        d.code === 'empty-file' ? { ...shift(d), line: block.line, column: 1 } : shift(d),
      ),
    );
  }
  const yamlFile = loaded.file;
  const locate = (segments: readonly (string | number)[], at: 'key' | 'value' = 'value') => {
    const r = yamlFile.locate(segments, at);
    return { ...r, line: r.line + firstLine, endLine: r.endLine + firstLine };
  };
  const strings = readableStrings(yamlFile.data);
  const frontMatter: FrontMatterBlock = { strings, locate };
  if (!validatePacketSchema(yamlFile.data)) {
    const shifted = { path, data: yamlFile.data, locate };
    return {
      frontMatter,
      findings: schemaDiagnostics(
        shifted,
        validatePacketSchema.errors ?? [],
        packetSchema,
        keyPlace('the front matter'),
      ),
    };
  }
  return { frontMatter: { ...frontMatter, data: yamlFile.data as FrontMatter }, findings: [] };
}

/** String values of top-level keys, each at most 100 characters, for showing what was written. */
function readableStrings(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const key of ['candidate', 'ladder', 'from', 'to', 'cycle', 'sponsor', 'role']) {
    const value = Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' || typeof value === 'number')
      out[key] = String(value).slice(0, 100);
  }
  return out;
}

/** A top-level `key: value` line, the value plain and optionally followed by a comment. */
const SIMPLE_ENTRY = /^([A-Za-z][A-Za-z0-9_-]*):(?: +([A-Za-z0-9][A-Za-z0-9_./-]*))? *(?: #.*)?$/;

/** A `  key: N` line of a nested mapping (milestone claims). */
const SIMPLE_NESTED = /^( +)([A-Za-z][A-Za-z0-9_-]*): +([0-9]{1,2}) *(?: #.*)?$/;

/** Plain values that YAML's core schema reads as something other than text. */
const NOT_TEXT =
  /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * The data of front matter written the way nearly every packet is (`key: value` lines whose
 * values are plain words of letters, digits and `-_./`, comments, blank lines, and one level of
 * `key: N` lines under a key without a value), read without the YAML library; undefined for
 * anything else, which the library then reads. For what it accepts, the result is exactly the
 * library's (a test compares them): the same keys in the same order, every value text but the
 * nested numbers, which YAML's core schema reads as integers.
 */
export function readSimpleFrontMatter(yaml: string): Record<string, unknown> | undefined {
  if (yaml.length > 4096 || /[\t\r]/.test(yaml)) return undefined;
  const data: Record<string, unknown> = {};
  let nested: Record<string, number> | undefined;
  let indent = 0;
  let keys = 0;
  for (const line of yaml.split('\n')) {
    if (line.length > 200) return undefined;
    if (/^ *(?:#.*)?$/.test(line)) continue;
    const entry = SIMPLE_ENTRY.exec(line);
    if (entry) {
      const [, key = '', value] = entry;
      if (nested && Object.keys(nested).length === 0) return undefined;
      if (NOT_TEXT.test(key) || Object.hasOwn(data, key)) return undefined;
      nested = undefined;
      if (value === undefined) {
        nested = {};
        data[key] = nested;
        indent = 0;
      } else {
        if (NOT_TEXT.test(value)) return undefined;
        data[key] = value;
      }
      keys += 1;
      continue;
    }
    const item = nested ? SIMPLE_NESTED.exec(line) : null;
    if (!item || !nested) return undefined;
    const [, spaces = '', key = '', value = ''] = item;
    if (indent === 0) indent = spaces.length;
    if (spaces.length !== indent || NOT_TEXT.test(key) || Object.hasOwn(nested, key))
      return undefined;
    nested[key] = Number(value);
  }
  if (keys === 0 || (nested && Object.keys(nested).length === 0)) return undefined;
  return data;
}
