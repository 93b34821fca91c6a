/**
 * What `ladder diff` prints when the ladders of a revision do not validate, so there is no change
 * to describe: which revision, its errors where they are, and what to do. A position in a git
 * revision's file is written as git names that file (`HEAD:ladders/ops.yml:67:9`, after
 * `git show HEAD:ladders/ops.yml`), so nobody looks for it in the working tree.
 */
import type { Diagnostic } from '../diagnostics/diagnostic';
import { type Piece, plain } from '../diff/describe';
import { plural } from '../markdown/plural';
import { code, heading, paragraph } from '../markdown/safe';
import { serialise } from '../markdown/serialise';
import { formatDiagnosticsText, type Palette, PLAIN } from './diagnostics-text';

/** A revision whose ladders do not validate. */
export interface BrokenSide {
  readonly side: 'base' | 'head';
  /** How the report names the revision, e.g. `e2cd9ac (merge base with main)`. */
  readonly label: string;
  /** The git revision its files were read from (`HEAD`, `e2cd9ac`); absent for the working tree. */
  readonly revision?: string;
  readonly errors: readonly Diagnostic[];
  /** The texts of its ladder files by path, for the code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Diagnostics positioned in a git revision's files, and those files' texts, with each path
 * written `REV:path`; unchanged for the working tree (no revision).
 */
export function inRevision(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  revision: string | undefined,
): { diagnostics: readonly Diagnostic[]; sources: ReadonlyMap<string, string> } {
  if (revision === undefined) return { diagnostics, sources };
  const at = (path: string) => `${revision}:${path}`;
  return {
    diagnostics: diagnostics.map((d) => ({ ...d, file: at(d.file) })),
    sources: new Map([...sources].map(([path, text]) => [at(path), text])),
  };
}

/**
 * What is wrong with one side and what to do, as a sentence: for the text report, which lists the
 * errors after it, or for Markdown, which counts them and says where they are listed.
 */
function advice(side: BrokenSide, format: 'text' | 'markdown'): Piece[] {
  const count = format === 'markdown' ? ` (${plural(side.errors.length, 'error')})` : '';
  const cannot = `do not validate${count}, so the change cannot be described in ladder terms`;
  if (side.revision === undefined)
    return format === 'text'
      ? [
          `The ladders in the working tree ${cannot}; fix these errors (`,
          { code: 'ladder validate' },
          ' reports them too):',
        ]
      : [
          `The ladders in the working tree ${cannot}; fix the errors that `,
          { code: 'ladder validate' },
          ' reports.',
        ];
  const which = side.side;
  return [
    `The ladders at the ${which} revision `,
    format === 'text' ? side.label : { code: side.revision },
    ` ${cannot}; compare with a ${which} whose ladders validate (`,
    { code: `--${which} REF` },
    ').',
    ...(format === 'text'
      ? [
          " The errors are at their lines in that revision's files, which may differ from the working tree's:",
        ]
      : [
          ' ',
          { code: 'ladder diff' },
          ' without ',
          { code: '--format markdown' },
          " lists the errors, at their lines in that revision's files.",
        ]),
  ];
}

/** The text report: for each side, what to do, then its errors with code frames of its files. */
export function ladderChangesUnavailableText(
  sides: readonly BrokenSide[],
  palette: Palette = PLAIN,
): string {
  return sides
    .map((side) => {
      const { diagnostics, sources } = inRevision(side.errors, side.sources, side.revision);
      return `${plain(advice(side, 'text'))}\n\n${formatDiagnosticsText(diagnostics, sources, palette)}\n`;
    })
    .join('\n');
}

/**
 * The "Ladder changes" section of `ladder diff --format markdown` when a side does not validate:
 * which revision, how many errors, and what to do (the text report lists them, in place).
 */
export function ladderChangesUnavailableMarkdown(sides: readonly BrokenSide[]): string {
  return serialise([
    heading(2, 'Ladder changes'),
    ...sides.map((side) =>
      paragraph(...advice(side, 'markdown').map((p) => (typeof p === 'string' ? p : code(p.code)))),
    ),
  ]);
}
