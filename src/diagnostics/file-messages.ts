/**
 * The words for a file that cannot be read or leads out of the repository, shared by every
 * snapshot (src/load/working-tree.ts, the CLI's and the action's; action/src/api-files.ts) so
 * that all always say the same.
 */
export const FILE_MESSAGES = {
  outside: 'This path is outside the repository; only files inside it are read.',
  linkOutside: 'This symbolic link points outside the repository; it is not read.',
  throughLink: 'This path leads outside the repository through a symbolic link; it is not read.',
  linkNowhere: 'This symbolic link points nowhere; remove it.',
  intoGit: 'This path leads into .git (git’s own files) through a symbolic link; it is not read.',
  unreadable: 'The file could not be read; check its permissions.',
  notFile: 'This path is not a regular file; it is not read.',
} as const;
