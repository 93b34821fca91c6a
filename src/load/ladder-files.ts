/**
 * Which files are ladder files: one rule for every command of the CLI and for the action. A
 * ladder file is a YAML file (`.yml` or `.yaml`, in any letter case) under the ladders folder,
 * as packets are Markdown files in any letter case (src/packet/files.ts).
 */

/** The endings of a ladder file's name, in lower case; names are compared in any letter case. */
export const LADDER_EXTENSIONS: readonly string[] = ['.yml', '.yaml'];

/** Whether a file name (or a path) ends in a ladder file's extension, in any letter case. */
export function isLadderFileName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return LADDER_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** A ladder file's name without its folder and extension: the ladder id it must hold. */
export function ladderFileStem(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
}
