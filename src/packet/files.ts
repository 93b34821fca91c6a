/**
 * Which files are promotion packets: one rule for every command of the CLI and for the action.
 * A packet is a Markdown file (`.md` or `.markdown`, in any letter case) under the packets
 * folder; a folder's README (`README.md` or `README.markdown`, in any letter case) explains the
 * folder and is not a packet. Only a README named explicitly (a path given to `ladder review`)
 * is reviewed: the caller decides that, since only it knows what was named.
 */

/** The endings of a packet's file name, in lower case; names are compared in any letter case. */
export const PACKET_EXTENSIONS: readonly string[] = ['.md', '.markdown'];

/** The last segment of a path with forward slashes, in lower case. */
function lowerName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}

/** Whether a file name (or a path) ends in a packet extension, in any letter case. */
export function hasPacketExtension(path: string): boolean {
  const name = lowerName(path);
  return PACKET_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** Whether a file name (or a path) is a folder's README: `README.md` or `README.markdown`. */
export function isFolderReadme(path: string): boolean {
  const name = lowerName(path);
  return PACKET_EXTENSIONS.some((ext) => name === `readme${ext}`);
}

/** Whether a file found in the packets folder (not named explicitly) is a packet. */
export function isPacketFile(path: string): boolean {
  return hasPacketExtension(path) && !isFolderReadme(path);
}
