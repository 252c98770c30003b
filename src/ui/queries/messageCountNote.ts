/**
 * Why the message list can hold more rows than the case has message files: a database row whose file is
 * missing is listed too (location 'database-only'). The list says so beside its row count.
 */

/** "164 files + 3 database rows without a file" for a list of 167 rows; '' when every row has its file. */
export function countNote(databaseOnly: number, rows: number): string {
  if (databaseOnly <= 0) return '';
  const files = rows - databaseOnly;
  return `${files.toLocaleString('en')} file${files === 1 ? '' : 's'} + ${databaseOnly.toLocaleString('en')} database row${databaseOnly === 1 ? '' : 's'} without a file`;
}
