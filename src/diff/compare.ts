/**
 * The whole diff stage from file bytes: validate the ladders of both revisions, diff them, read
 * the head's packets for the impact, find the owners to ask, and check the versions. The CLI and
 * the action (which reads both revisions through the API under `pull_request_target`) call this
 * one function, so they cannot disagree.
 */
import { applySeverities, type Diagnostic, type Severity } from '../diagnostics/diagnostic';
import { readPacket } from '../health/packets';
import type { Model } from '../model/types';
import { type InputFile, validateLadders } from '../validate/index';
import { diffModels } from './diff-models';
import { type PacketImpact, packetImpact } from './impact';
import { type Reviewers, reviewersFor } from './owners';
import type { LadderChanges } from './types';
import { versionDiagnostics } from './versions';

/** Settings, as in `ladder.config.yml`. */
export interface CompareOptions {
  readonly maxFileBytes?: number;
  readonly evidenceMinimum?: number;
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
  /** The pull request's author, never asked to review their own change. */
  readonly author?: string;
}

/** A comparison: the changes and all that follows from them, or why the sides cannot be compared. */
export type Comparison =
  | {
      readonly ok: true;
      readonly result: LadderChanges;
      readonly impact: readonly PacketImpact[];
      readonly reviewers: Reviewers;
      /** `version-not-bumped`, positioned in the head's files, after severity overrides. */
      readonly diagnostics: readonly Diagnostic[];
      readonly base: Model;
      readonly head: Model;
    }
  | {
      readonly ok: false;
      /** Which revisions do not validate, and their errors. */
      readonly broken: readonly {
        readonly side: 'base' | 'head';
        readonly errors: readonly Diagnostic[];
      }[];
    };

/**
 * Compares the ladder files of two revisions. `packets` are the head's packet files; `readErrors`
 * are problems met while reading each side (a file too large), which make that side broken.
 */
export function compareLadderFiles(
  base: readonly InputFile[],
  head: readonly InputFile[],
  packets: readonly InputFile[],
  options: CompareOptions = {},
  readErrors: { readonly base?: readonly Diagnostic[]; readonly head?: readonly Diagnostic[] } = {},
): Comparison {
  const validate = (files: readonly InputFile[]) =>
    validateLadders(files, {
      ...(options.maxFileBytes === undefined
        ? {}
        : { limits: { maxBytes: options.maxFileBytes, maxAliases: 100 } }),
      ...(options.severities === undefined ? {} : { severities: options.severities }),
    });
  const before = validate(base);
  const after = validate(head);
  const broken = (
    [
      ['base', [...(readErrors.base ?? []), ...before.diagnostics]],
      ['head', [...(readErrors.head ?? []), ...after.diagnostics]],
    ] as const
  )
    .map(([side, all]) => ({ side, errors: all.filter((d) => d.severity === 'error') }))
    .filter((s) => s.errors.length > 0);
  if (broken.length > 0) return { ok: false, broken };

  const result = diffModels(before.model, after.model, {
    ...(options.evidenceMinimum === undefined ? {} : { evidenceMinimum: options.evidenceMinimum }),
  });
  const decoder = new TextDecoder();
  const targets = packets.flatMap((f) => {
    const p = readPacket(f.path, decoder.decode(f.bytes), after.model);
    return p ? [p] : [];
  });
  return {
    ok: true,
    result,
    impact: packetImpact(result, targets, { base: before.model, head: after.model }),
    reviewers: reviewersFor(result.changes, after.model, {
      base: before.model,
      ...(options.author === undefined ? {} : { exclude: [options.author] }),
    }),
    diagnostics: applySeverities(versionDiagnostics(result, head), options.severities),
    base: before.model,
    head: after.model,
  };
}
