/**
 * A problem found in a ladder file, packet or config: data, not an exception. The same value
 * becomes a CLI line with a code frame, a JSON object, a GitHub annotation and a summary row.
 */

/** How bad a problem is. `error` fails `validate`; `info` is a hint. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem at one place. */
export interface Diagnostic {
  /** Stable code, e.g. `unknown-dimension`; documented in docs/diagnostics.md. */
  readonly code: string;
  readonly severity: Severity;
  /** Says what is wrong and what to do about it. Never quotes large amounts of input. */
  readonly message: string;
  /** Repository-relative path with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /**
   * A short piece of the input the problem is about (a packet heading that names nothing), for
   * outputs a person reads: the review comment (as inert text), the CLI's text and JSON. Never
   * part of `message`, so it never reaches a workflow log or an annotation.
   */
  readonly quote?: string;
  /**
   * Where in the file's data the problem is, as a JSON Pointer (`/levels/3/next/3`), for tools;
   * the message names the same place in words (`the 4th advancement of level B4`).
   */
  readonly dataPath?: string;
}

/** Orders diagnostics by file, then position, then code, so every output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Counts diagnostics per severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Applies the config's severity overrides (`rules:`): `off` drops a diagnostic. */
export function applySeverities(
  diagnostics: readonly Diagnostic[],
  severities: Readonly<Record<string, Severity | 'off'>> = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const override = Object.hasOwn(severities, d.code) ? severities[d.code] : undefined;
    if (override === 'off') continue;
    out.push(override ? { ...d, severity: override } : d);
  }
  return out;
}
