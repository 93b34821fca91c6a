/**
 * The CSV export, for spreadsheets: one row per level, dimension and statement. RFC 4180
 * quoting, LF line ends. The first row is the generated-file marker (a `#` comment padded with
 * empty cells so every row has the same number of columns); the header is the second row.
 * A cell that starts with `=`, `+`, `-`, `@` or a control character gets a leading `'`, so a
 * spreadsheet shows it as text instead of running it as a formula; the JSON has the exact text.
 */
import type { Ladder } from '../model/types';
import { csvMarker } from './marker';

/** The columns, in order. */
export const CSV_COLUMNS = [
  'ladder',
  'level',
  'level_title',
  'group',
  'group_title',
  'dimension',
  'dimension_title',
  'statement_number',
  'statement',
] as const;

/** One cell as CSV: formula-safe, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV export of one ladder. */
export function ladderCsvFile(ladder: Ladder, command: string): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const level of ladder.levels)
    for (const e of level.expectations) {
      const dimension = ladder.dimensions.find((d) => d.id === e.dimension);
      const group = ladder.groups.find((g) => g.id === dimension?.group);
      e.statements.forEach((statement, i) => {
        rows.push([
          ladder.id,
          level.id,
          level.title,
          dimension?.group ?? '',
          group?.title ?? '',
          e.dimension,
          dimension?.title ?? e.dimension,
          String(i + 1),
          statement,
        ]);
      });
    }
  const marker = csvMarker([ladder.origin.file], command) + ','.repeat(CSV_COLUMNS.length - 1);
  return `${[marker, ...rows.map((r) => r.map(csvCell).join(','))].join('\n')}\n`;
}
