/**
 * The packet's YAML front matter: parsed with the same safe loader as ladder files, checked
 * against `schema/packet.schema.json`, every position shifted to the packet's own lines.
 */
import packetSchema from '../../schema/packet.schema.json';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parseYamlText } from '../load/yaml-document';
import { describedPlace } from '../validate/place';
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

/** The keys of the front matter, which its messages may name (they are not packet text). */
const FRONT_MATTER_KEYS = Object.keys(packetSchema.properties);

/** Front matter is a few plain values; an anchor (`&a`) and alias (`*a`) have no place in it. */
const ALIASES_NOT_ALLOWED =
  'Anchors and aliases (`&name`, `*name`) are not allowed in front matter; write each value out.';

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
      ...(d.code === 'yaml-alias' ? { message: ALIASES_NOT_ALLOWED } : {}),
      line: d.line + firstLine,
      ...(d.endLine !== undefined ? { endLine: d.endLine + firstLine } : {}),
    };
  };
  const loaded = parseYamlText(
    path,
    yaml,
    { maxBytes: MAX_FRONT_MATTER_CHARS * 4, maxAliases: 0 },
    { quote: false, firstLine, knownKeys: FRONT_MATTER_KEYS },
  );
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
      findings: schemaDiagnostics(shifted, validatePacketSchema.errors ?? [], packetSchema, {
        place: describedPlace('the front matter'),
        quote: false,
      }),
    };
  }
  return { frontMatter: { ...frontMatter, data: asFrontMatter(yamlFile.data) }, findings: [] };
}

/** Schema-valid data as `FrontMatter`: a `cycle` written as a year (`2026`) becomes text. */
function asFrontMatter(data: unknown): FrontMatter {
  const record = data as Record<string, unknown>;
  return (typeof record.cycle === 'number'
    ? { ...record, cycle: String(record.cycle) }
    : record) as unknown as FrontMatter;
}

/** String values of top-level keys, each at most 100 characters, for showing what was written. */
function readableStrings(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const key of ['candidate', 'github', 'ladder', 'from', 'to', 'cycle', 'sponsor', 'role']) {
    const value = Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' || typeof value === 'number')
      out[key] = String(value).slice(0, 100);
  }
  return out;
}
