// VirtualTable's sorting, the CSV every table exports, and the size format of the tables.
import { describe, expect, it } from 'vitest';
import { compareCells, sortRows, type Column } from '../../src/ui/components/tableColumn.ts';
import { queryCsv, toCsv } from '../../src/ui/csv.ts';
import { formatBytes } from '../../src/ui/format.ts';

interface Row {
  name: string;
  size: number | null;
}

const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', value: (r) => r.name },
  { key: 'size', label: 'Size', value: (r) => r.size },
];
const rows: Row[] = [
  { name: 'file10.eml', size: 5 },
  { name: 'file2.eml', size: null },
  { name: 'File1.eml', size: 100 },
];

describe('sortRows', () => {
  it('sorts text naturally and case-insensitively', () => {
    expect(sortRows(rows, columns, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual(['File1.eml', 'file2.eml', 'file10.eml']);
  });

  it('sorts numbers numerically and keeps nulls last in both directions', () => {
    expect(sortRows(rows, columns, { key: 'size', dir: 'asc' }).map((r) => r.size)).toEqual([5, 100, null]);
    expect(sortRows(rows, columns, { key: 'size', dir: 'desc' }).map((r) => r.size)).toEqual([100, 5, null]);
  });

  it('leaves the rows as given without a sort or with an unknown column, and never mutates them', () => {
    expect(sortRows(rows, columns, null)).toBe(rows);
    expect(sortRows(rows, columns, { key: 'nope', dir: 'asc' })).toBe(rows);
    sortRows(rows, columns, { key: 'name', dir: 'desc' });
    expect(rows[0].name).toBe('file10.eml');
  });

  it('compares mixed cells without throwing', () => {
    expect(compareCells('10', 9)).toBeGreaterThan(0);
    expect(compareCells(null, null)).toBe(0);
  });
});

describe('CSV', () => {
  it('writes a header, CRLF lines, and quotes only what needs it', () => {
    const csv = toCsv(columns, [
      { name: 'a,b', size: 1 },
      { name: 'say "hi"', size: null },
      { name: 'two\nlines', size: 0 },
      { name: ' padded', size: 2 },
    ]);
    expect(csv).toBe('Name,Size\r\n"a,b",1\r\n"say ""hi""",\r\n"two\nlines",0\r\n" padded",2\r\n');
  });

  it('exports a raw query result', () => {
    expect(queryCsv(['max(messageid)'], [[1045]])).toBe('max(messageid)\r\n1045\r\n');
    expect(queryCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});

describe('formatBytes', () => {
  it('uses decimal units like the throughput figure', () => {
    expect([formatBytes(999), formatBytes(1000), formatBytes(6400), formatBytes(20_000_000), formatBytes(null)]).toEqual(['999 B', '1.0 KB', '6.4 KB', '20 MB', '']);
  });
});
