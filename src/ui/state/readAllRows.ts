/**
 * Every row of a paged source, read chunk by chunk (the client returns at most 10,000 rows a query), for
 * CSV exports of the paged Messages and Logs tables.
 */

/** Rows per query: under the client's 10,000-row cap, so a chunk is never cut short by it. */
const EXPORT_CHUNK = 5_000;
/** Rows exported at most: a CSV of this many rows is already hundreds of MB in the page's memory. */
const MAX_EXPORT_ROWS = 1_000_000;

export async function readAllRows<T>(page: (offset: number, limit: number) => Promise<T[]>, chunk = EXPORT_CHUNK): Promise<T[]> {
  const rows: T[] = [];
  while (rows.length < MAX_EXPORT_ROWS) {
    const next = await page(rows.length, Math.min(chunk, MAX_EXPORT_ROWS - rows.length));
    rows.push(...next);
    if (next.length < chunk) break;
  }
  return rows;
}
