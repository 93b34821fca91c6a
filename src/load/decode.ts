/** From bytes to text: size, UTF-8, NUL and line-end checks, each a diagnostic with a position. */
import type { Diagnostic } from '../diagnostics/diagnostic';

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

/**
 * A carriage return without a line feed after it: the line end of classic Mac OS. YAML 1.2 takes
 * it for a line break, but the `yaml` package does not (eemeli/yaml#595), nor do git and GitHub,
 * so such a file would read as one long line, or as empty when it starts with a comment. It is
 * reported where it stands, at a line and column counted as git counts them.
 */
export function loneCarriageReturn(path: string, text: string): Diagnostic | undefined {
  // Most files have no CR at all; a CRLF file is searched for a CR that ends no CRLF.
  if (!text.includes('\r')) return undefined;
  const match = LONE_CR.exec(text);
  if (match === null) return undefined;
  return {
    code: 'cr-line-endings',
    severity: 'error',
    message:
      'A carriage return (CR) without a line feed: an old Mac line end, which neither git nor the YAML parser takes for a line break; save the file with LF line endings.',
    file: path,
    ...lineColumn(text, match.index),
  };
}

const LONE_CR = /\r(?!\n)/;

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
