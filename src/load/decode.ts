/** From bytes to text: size, UTF-8 and NUL checks, each a diagnostic with a position. */
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
